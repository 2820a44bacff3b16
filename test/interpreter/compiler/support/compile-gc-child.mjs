// Child of compile-gc.test.ts, run as `node --expose-gc --trace-opt
// --trace-deopt --import ../../vm/support/register-ts.mjs compile-gc-child.mjs`:
// compiles and encodes one script until the compiler is warm, then once
// more as a control and once after a full GC, printing a marker before each
// so the test can count what V8 optimized or threw away in each.

import { encodeModule } from '../../../../interpreter/bytecode/binary.js';
import { compile } from '../../../../interpreter/compiler/compile.js';

/** A script of `n` functions with loops, branches, lists, maps and strings. */
function script(n) {
  const parts = ['var total = 0'];
  for (let i = 0; i < n; i++) {
    parts.push(`fn f${i}(a, b) {
  let xs = [a, b, ${i}]
  let m = {x: a, y: "b{b}"}
  let s = 0
  for x in xs {
    if x > ${i % 7} and m.x != nil { s += x * 2 } else { s -= 1 }
  }
  while s > 100 { s = s / 2 }
  return s + len(m.y)
}`);
  }
  parts.push(`on start {\n  total = f0(1, 2)\n  print "total {total}"\n}`);
  return parts.join('\n\n');
}

const text = script(400);
const once = () => encodeModule(compile([{ file: 'scripts/main.adv', text }]).module);
for (let i = 0; i < 25; i++) once();
console.log('=== control');
once();
console.log('=== gc');
globalThis.gc();
console.log('=== after gc');
once();
console.log('=== end');
