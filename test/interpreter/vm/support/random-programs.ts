// Random Cairn programs for comparing the two tiers: a few functions calling
// the ones before them, with loops, branches, short-circuits, lists, maps,
// members, strings and globals, mostly well-typed so they run a while, now
// and then not (so errors of every kind turn up), and some that wait or call
// through a function value (so they stay in the interpreter and mix with
// fast callers and callees). Seeded: the same seed gives the same program.

import { seeded } from '../../../runtime/world/reference.js';

/** Program `seed`: Cairn source with an `on start` handler. */
export function randomProgram(seed: number): string {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const int = () => Math.floor(rnd() * 9) - 2;
  let loopId = 0;

  const fnCount = 2 + Math.floor(rnd() * 4);
  const lines: string[] = ['var g = 1', 'var log = []', ''];

  function num(depth: number, fi: number): string {
    if (depth <= 0 || chance(0.3)) return pick([String(int()), 'a', 'b', 'x', 'g', 'len(ys)', 'm.k']);
    const d = depth - 1;
    switch (Math.floor(rnd() * 8)) {
      case 0: return `${num(d, fi)} + ${num(d, fi)}`;
      case 1: return `${num(d, fi)} - ${num(d, fi)}`;
      case 2: return `(${num(d, fi)}) * ${num(d, fi)}`;
      case 3: return `${num(d, fi)} % ${pick(['3', '7', '-4', 'a', '(b + 1)'])}`;
      case 4: return fi > 0 ? (chance(0.3) ? `f${Math.floor(rnd() * fi)}(${num(d, fi)})` : `f${Math.floor(rnd() * fi)}(${num(d, fi)}, ${num(d, fi)})`) : `-${num(d, fi)}`;
      case 5: return `ys[${pick(['0', 'len(ys) - 1', 'a % 3'])}]`;
      case 6: return `${num(d, fi)} / ${pick(['2', '4', 'a', '(b - 1)'])}`;
      default: return `m.${pick(['k', 'k', 'j'])}`;
    }
  }
  function cond(depth: number, fi: number): string {
    const d = depth - 1;
    switch (Math.floor(rnd() * 6)) {
      case 0: return `${num(d, fi)} < ${num(d, fi)}`;
      case 1: return `${num(d, fi)} >= ${num(d, fi)}`;
      case 2: return `${num(d, fi)} == ${num(d, fi)}`;
      case 3: return `${cond(d, fi)} and ${cond(d, fi)}`;
      case 4: return `not ${cond(d, fi)} or ${num(d, fi)} != 0`;
      default: return pick(['"ab" < "b"', '[1, a] == [1, b]', 'has_key(m, "j")', 'ys == nil', 'contains(ys, a)', 'm == {k: b}', '"{ys}" > "{m}"', '(a, b) != (1, 2)']);
    }
  }
  function wild(fi: number): string {
    return pick(['nil', '"s"', '[x, "t"]', '{k: 1}', '(1, 2)', `"n{${num(1, fi)}}"`, '0..3', `${num(1, fi)} + "x"`, 'm.nope', 'ys[99]', 'x < "a"', 'ys + ys', 'join(["a", "{x}"], "-")', 'str(m)', 'keys(m)', '(a..b).to', 'not ys']);
  }
  function value(fi: number): string {
    return chance(0.08) ? wild(fi) : num(2, fi);
  }
  function block(depth: number, fi: number, indent: string, mayWait: boolean): string[] {
    const out: string[] = [];
    const n = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) out.push(...statement(depth, fi, indent, mayWait));
    return out;
  }
  function statement(depth: number, fi: number, ind: string, mayWait: boolean): string[] {
    const inner = ind + '  ';
    const k = Math.floor(rnd() * (depth > 0 ? 15 : 8));
    switch (k) {
      case 0: return [`${ind}x = ${value(fi)}`];
      case 1: return [`${ind}x += ${num(2, fi)}`];
      case 2: return [`${ind}g = ${num(2, fi)}`];
      case 3: return [`${ind}push(ys, ${value(fi)})`];
      case 4: return [`${ind}m.${pick(['k', 'j'])} = ${value(fi)}`];
      case 5: return [`${ind}ys[${pick(['0', 'a % 2'])}] = ${num(1, fi)}`];
      case 6: return [`${ind}push(log, "${fi}:{x}")`];
      case 7: return mayWait && chance(0.5) ? [`${ind}${pick(['yield', 'wait 1'])}`] : [`${ind}x = x * 2 % 1000`];
      case 8: return [`${ind}if ${cond(2, fi)} {`, ...block(depth - 1, fi, inner, mayWait), `${ind}} else {`, ...block(depth - 1, fi, inner, mayWait), `${ind}}`];
      case 9: {
        const i = `i${loopId++}`;
        return [`${ind}let ${i} = 0`, `${ind}while ${i} < ${pick(['3', '10', '50', 'a'])} {`, `${inner}${i} += 1`, ...block(depth - 1, fi, inner, mayWait), `${ind}}`];
      }
      case 10: {
        const v = `v${loopId++}`;
        return [`${ind}for ${v} in ${pick(['0..5', 'ys', '0..a', 'keys(m)', '"abc"'])} {`, `${inner}x += len("{${v}}")`, ...block(depth - 1, fi, inner, mayWait), `${ind}}`];
      }
      case 11: return [`${ind}if ${cond(1, fi)} { return ${value(fi)} }`];
      case 12: return fi > 0 && chance(0.3) ? [`${ind}let h${loopId++} = f${Math.floor(rnd() * fi)}`, `${ind}x = h${loopId - 1}(${num(1, fi)}, 1)`] : [`${ind}print ${value(fi)}`];
      case 13: return fi > 0 && chance(0.3) ? [`${ind}let t${loopId++} = spawn f${Math.floor(rnd() * fi)}(${num(1, fi)})`, ...(chance(0.5) ? [`${ind}stop t${loopId - 1}`] : [])] : [`${ind}m["k{x % 3}"] = (x, len(ys))`];
      default: return [`${ind}print "{x} {g} {len(ys)} {ys}"`];
    }
  }

  for (let fi = 0; fi < fnCount; fi++) {
    const mayWait = chance(0.2);
    lines.push(`fn f${fi}(a, b = ${int()}) {`, '  let x = a', '  let ys = [1, 2]', '  let m = {k: b}');
    lines.push(...block(3, fi, '  ', mayWait));
    lines.push(`  return x${chance(0.5) ? ' + len(ys)' : ''}`, '}', '');
  }
  lines.push('on start {');
  for (let i = 0; i < 4; i++) lines.push(`  print f${Math.floor(rnd() * fnCount)}(${int()}, ${int()})`);
  lines.push('  print g', '  print log', '}');
  return lines.join('\n');
}
