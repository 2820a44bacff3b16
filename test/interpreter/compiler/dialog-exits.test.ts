// A dialog with no way out is a warning naming the dialog, at its name, with
// a hint; a `done` anywhere in an option (nested in an `if`, a loop) or an
// `end game` is a way out, and so are options that run out.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';

const warningsOf = (text: string) => compile([{ file: 'd.adv', text }]).warnings.map((w) => ({ code: w.code, line: w.span?.start.line, message: w.message, hint: w.hint }));

describe('dialogs with no way out', () => {
  it('warns about a dialog whose options never say `done`', () => {
    expect(warningsOf('dialog chat {\n  option "Hello" { print "hi" }\n  option "More" once { print "more" }\n}\non start { choose chat }\n')).toEqual([
      {
        code: 'DIALOG_NO_EXIT',
        line: 1,
        message: 'The dialog `chat` has no way out: no option says `done`, and one option is always offered, so `choose chat` never returns.',
        hint: 'end one option with `done`, as in `option "Bye." { done }`',
      },
    ]);
  });

  it('takes a nested `done`, an `end game` or options that all run out as a way out', () => {
    expect(warningsOf('var n = 0\ndialog a {\n  option "Hi" { print "hi" }\n  option "Bye" { if n == 0 { while true { done } } }\n}\non start { choose a }\n')).toEqual([]);
    expect(warningsOf('dialog b {\n  option "Hi" { print "hi" }\n  option "Quit" { end game }\n}\non start { choose b }\n')).toEqual([]);
    expect(warningsOf('dialog c {\n  option "Hi" once { print "hi" }\n  option "Hm" if false { print "hm" }\n}\non start { choose c }\n')).toEqual([]);
  });
});
