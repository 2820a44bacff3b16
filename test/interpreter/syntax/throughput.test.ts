// A 20,000-line generated script parses, with correct spans at its far end.
// It also prints the parser's throughput for people to read; it asserts no
// timing, since the machine it runs on may be busy.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from '../../../interpreter/syntax/parse.js';

const LINES = 20_000;

/** The beach sample plus a function of values, statements and threads, renamed and repeated. */
function generateScript(lines: number): string {
  const adventure = readFileSync(join(import.meta.dirname, 'fixtures', 'adventure.adv'), 'utf8');
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const chunk = `fn helper${i}(a, b = 2) {
  let total = 0
  for k in 0..a { total += k * b - (a % 3) }
  if total > 100 and not done_${i} { say hero_${i} "Total is {total}, friend." } else { print [1, 2, {gold: 3}] }
  while total > 10 { total -= 10; wait 1 }
  return total
}
${adventure.replace(/\b(beach|shell|door|hero|keeper|chat|key|lighthouse)\b/g, `$1_${i}`)}`;
    parts.push(chunk);
    count += chunk.split('\n').length;
  }
  return parts.join('\n');
}

it(`parses a ${LINES}-line script and reports MB/s`, () => {
  const text = generateScript(LINES);
  const megabytes = Buffer.byteLength(text) / 1e6;
  const lines = text.split('\n').length;
  parse(text, 'warmup.adv');
  const rates: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const program = parse(text, 'generated.adv');
    rates.push(megabytes / ((performance.now() - started) / 1000));
    expect(program.decls.length).toBeGreaterThan(1000);
    expect(program.span.end.line).toBe(lines);
  }
  rates.sort((a, b) => a - b);
  console.log(`parse: ${lines} lines, ${megabytes.toFixed(2)} MB: best ${rates[2]!.toFixed(2)} MB/s, median ${rates[1]!.toFixed(2)} MB/s`);
});
