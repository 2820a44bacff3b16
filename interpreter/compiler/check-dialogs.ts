// Dialogs with no way out: `choose` returns only when an option says `done`
// or nothing is left to offer. A dialog with an option always offered (not
// `once`, no `if`) and no option whose body says `done` (or ends the game)
// keeps the player in it for ever — a warning naming the dialog.

import type * as A from '../syntax/ast.js';
import type { Diagnostics } from './diagnostics.js';
import type { ProgramModel } from './program-model.js';

/** Warns about every dialog that can never end. */
export function checkDialogs(model: ProgramModel, diag: Diagnostics): void {
  for (const { decl } of model.dialogs) {
    const always = decl.options.filter((o) => !o.once && o.condition === undefined);
    if (always.length === 0 || decl.options.some((o) => leaves(o.body))) continue;
    diag.warn('DIALOG_NO_EXIT', `The dialog \`${decl.name.name}\` has no way out: no option says \`done\`, and ${always.length === 1 ? 'one option is' : `${always.length} options are`} always offered, so \`choose ${decl.name.name}\` never returns.`, decl.name.span, {
      hint: 'end one option with `done`, as in `option "Bye." { done }`',
    });
  }
}

/** True when a block may end its dialog: it says `done` or `end game` somewhere. */
function leaves(block: A.Block): boolean {
  return block.body.some(stmtLeaves);
}

function stmtLeaves(s: A.Stmt): boolean {
  switch (s.kind) {
    case 'Done':
    case 'EndGame':
      return true;
    case 'Block':
      return leaves(s);
    case 'If':
      return leaves(s.then) || (s.otherwise !== undefined && stmtLeaves(s.otherwise));
    case 'While':
    case 'For':
    case 'Cutscene':
      return leaves(s.body);
    default:
      return false;
  }
}
