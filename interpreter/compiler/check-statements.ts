// Statements that do nothing: an expression statement whose value is thrown
// away and which has no effect — a function named but not called (`finale`
// where `finale()` was meant), an entity, a variable, a literal, a
// comparison written where an assignment was meant. Only calls (and `spawn`)
// do something as statements; everything else is an error with a hint.

import type * as A from '../syntax/ast.js';
import type { Diagnostics } from './diagnostics.js';
import type { ProgramModel } from './program-model.js';

/** Reports `s` when it is an expression statement without an effect. */
export function checkExpressionStatement(s: A.ExprStmt, model: ProgramModel, diag: Diagnostics): void {
  const e = s.expr;
  if (e.kind === 'Call' || e.kind === 'Spawn') return;
  const report = (what: string, hint: string) => diag.error('NO_EFFECT', `This statement does nothing: ${what}.`, e.span, { hint });
  if (e.kind === 'Name') {
    const b = model.bindings.get(e);
    if (b?.kind === 'fn' || b?.kind === 'native') return report(`\`${e.name}\` is a function, named but not called`, `did you mean \`${e.name}()\`?`);
    if (b?.kind === 'entity') return report(`\`${e.name}\` is ${b.entity === 'dialog' ? 'a dialog' : `the ${b.entity}`}, named but not used`, b.entity === 'dialog' ? `did you mean \`choose ${e.name}\`?` : b.entity === 'room' ? `did you mean \`go ${e.name}\`?` : 'a statement must do something: call a function, assign, `say`, …');
    return report(`the value of \`${e.name}\` is read and thrown away`, 'a statement must do something: call a function, assign, `say`, …');
  }
  const member = e.kind === 'Member' ? text(e) : undefined;
  if (member !== undefined) return report(`\`${member}\` is read and thrown away`, `to change it, assign: \`${member} = …\``);
  if (e.kind === 'Binary' && e.op === '==') {
    const left = text(e.left);
    const right = text(e.right);
    return report('the comparison\'s result is thrown away', left !== undefined && right !== undefined ? `did you mean \`${left} = ${right}\`?` : 'to assign, write `=`');
  }
  report('its value is computed and thrown away', 'a statement must do something: call a function, assign, `say`, …');
}

/** A short expression as it was written (names, members, literals), for hints; undefined for anything longer. */
function text(node: A.Expr): string | undefined {
  switch (node.kind) {
    case 'Name':
      return node.name;
    case 'Member': {
      const target = text(node.target);
      return target === undefined ? undefined : `${target}.${node.name.name}`;
    }
    case 'Number':
      return String(node.value);
    case 'String':
      return JSON.stringify(node.value);
    case 'Bool':
      return String(node.value);
    case 'Nil':
      return 'nil';
    default:
      return undefined;
  }
}
