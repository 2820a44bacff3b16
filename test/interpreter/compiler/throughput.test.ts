// Compile speed: a generated 20,000-line script of ordinary game code must
// compile (parse included) in well under the time that would mean a
// quadratic pass. The bench (`npm run bench`, workload `compile`) measures
// the real figure; this only guards against regressions that are large.

import { expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';

/** About 20 lines per copy, each copy with its own names. */
function copy(k: number): string {
  return `// Copy ${k}: loops, branches, lists, maps, strings and points.
const LIMIT_${k} = ${k % 50} + 10
var seen_${k} = 0

fn tally_${k}(items, limit = LIMIT_${k}) {
  let total = 0
  let names = []
  for item in items {
    if item.weight > limit and item.name != nil {
      push(names, "heavy {item.name} #{${k}}")
    } else if item.weight == 0 { continue }
    else { total += item.weight * ${k} }
  }
  for i in 0..len(names) { seen_${k} += i % 3 }
  let spot = (total % 640, ${k} % 360)
  return {count: len(items), total: total, names: join(names, ", "), at: spot}
}
`;
}

it('compiles a 20,000-line script quickly', () => {
  const parts: string[] = [];
  for (let k = 0; parts.join('').split('\n').length < 20_000; k++) parts.push(...Array.from({ length: 100 }, (_, i) => copy(k * 100 + i)));
  const text = parts.join('\n');
  const bytes = Buffer.byteLength(text);
  compile([{ file: 'warm.adv', text }]); // the first run mostly measures the JIT warming up
  const t0 = performance.now();
  const { module } = compile([{ file: 'big.adv', text }]);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`compiled ${text.split('\n').length} lines (${(bytes / 1e6).toFixed(2)} MB) in ${(seconds * 1000).toFixed(0)} ms: ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`);
  expect(module.functions.length).toBeGreaterThan(1000);
  expect(seconds).toBeLessThan(15);
});
