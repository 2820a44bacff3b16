// The syntax mistakes authors make most: an unclosed or stray brace is named
// by the block it opened or closed, and habits of other languages (`!x`,
// `&&`, `||`, 'quotes', `elif`, `x++`, a C `for`, `=` in a condition, two
// statements on one line) get a hint in Cairn's words.

import { describe, expect, it } from 'vitest';
import { isCairnError, type CairnError } from '../../../interpreter/errors.js';
import { parse } from '../../../interpreter/syntax/parse.js';

function failure(text: string): CairnError {
  try {
    parse(text, 'test.adv');
  } catch (e) {
    if (isCairnError(e)) return e;
    throw e;
  }
  throw new Error(`parsed without an error: ${JSON.stringify(text)}`);
}

const SHORE = 'room shore {\n  name: "Shore"\n  on enter {\n    say "hi"\n  }\n\nobject rock {\n  name: "rock"\n}\n\nfn tide() {\n  print 1\n}\n';

// [source, line:col, message, hint]; every one is a SYNTAX error.
const HABITS: Array<[string, string, string, string]> = [
  [SHORE, '1:12', 'the room `shore` opened at 1:1 is never closed', 'add its `}` before line 11, where `fn` starts a new declaration'],
  ['var x = true\nfn f() {\n  if x {\n    print 1\n  }}\n  print 2\n}\n', '5:4', '`print` is outside the function `f` (opened at 2:1): the `}` at 5:4 closed it', 'a `}` too many above? Remove it, or move it below the statements of the block'],
  ['var x = true\non start { if !x { print 1 } }\n', '2:15', 'expected an expression after `if`, found `!`', 'Cairn writes `not x`, not `!x` (and `!=` for "not equal")'],
  ['var x = true\non start { if x && x { print 1 } }\n', '2:17', 'expected `{` after `x`, found `&`', 'Cairn writes `a and b`, not `a && b`'],
  ['var x = true\non start { if x || x { print 1 } }\n', '2:17', 'expected `{` after `x`, found `|`', 'Cairn writes `a or b`, not `a || b`'],
  ["on start { print 'text' }\n", '1:18', "expected an expression after `print`, found `'`", 'strings are written in double quotes: "text"'],
  ['var x = 1\non start {\n  if x == 1 { print 1 } elif x == 2 { print 2 }\n}\n', '3:25', 'expected a newline or `;` after the statement, found `elif`', 'Cairn writes `else if`, not `elif`'],
  ['var x = 1\non start {\n  if x == 1 { print 1 } elsif x == 2 { print 2 }\n}\n', '3:25', 'expected a newline or `;` after the statement, found `elsif`', 'Cairn writes `else if`, not `elsif`'],
  ['var x = 1\non start {\n  if x = 1 { print 1 }\n}\n', '3:8', 'expected `{` after `x`, found `=`', 'to compare two values, write `==`'],
  ['var x = 1\non start {\n  x++\n}\n', '3:5', 'expected an expression after `+`, found `+`', 'Cairn has no `++`: write `x += 1`'],
  ['on start {\n  for (let i = 0; i < 3; i += 1) { print i }\n}\n', '2:7', 'expected a name after `for`, found `(`', 'a `for` loop reads `for i in 0..3 { … }` (or `for item in list { … }`), without parentheses'],
  ['on start {\n  let x = 1 print x\n}\n', '2:13', 'expected a newline or `;` after the statement, found `print`', 'two statements on one line need a `;` between them; a newline ends a statement without one'],
];

describe('syntax errors for braces and habits of other languages', () => {
  for (const [source, at, message, hint] of HABITS) {
    it(`${at} ${message}`, () => {
      const err = failure(source);
      expect({ code: err.code, at: `${err.span?.start.line}:${err.span?.start.column}`, message: err.message, hint: err.hint }).toEqual({ code: 'SYNTAX', at, message, hint });
    });
  }

  it('notes where the unclosed room was found to be unclosed', () => {
    expect(failure(SHORE).notes).toEqual([{ message: '`fn` cannot go inside the room `shore`', span: expect.objectContaining({ start: { offset: 92, line: 11, column: 1 } }) }]);
  });

  it('leaves `;` at the end of a line and `else if` on a new line alone: both are Cairn', () => {
    expect(() => parse('var x = 1\non start {\n  let y = 1;\n  if x == 1 { print y }\n  else if x == 2 { print 2 }\n}\n', 'test.adv')).not.toThrow();
  });
});
