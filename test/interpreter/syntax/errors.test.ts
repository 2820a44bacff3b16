// Broken scripts get one CairnError each, worded for people and placed at the
// right line and column — never a raw Peggy error or a JS exception.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCairnError, type CairnError } from '../../../interpreter/errors.js';
import { formatError } from '../../../interpreter/diagnostic-format.js';
import { parse, parseExpression } from '../../../interpreter/syntax/parse.js';

/** Parses and returns the error it must throw. */
function failure(text: string, file = 'test.adv'): CairnError {
  try {
    if (text.startsWith('EXPR:')) parseExpression(text.slice(5), file);
    else parse(text, file);
  } catch (e) {
    if (isCairnError(e)) return e;
    throw e;
  }
  throw new Error(`parsed without an error: ${JSON.stringify(text)}`);
}

// [source, code, line:col, message]. `EXPR:` sources go through parseExpression.
const BROKEN: Array<[string, string, string, string]> = [
  // missing pieces
  ['on start {\n  let x =\n}\n', 'SYNTAX', '2:10', 'expected an expression after `=`'],
  ['on start {\n  let x = (1 +\n}\n', 'SYNTAX', '2:15', 'expected an expression after `+`'],
  ['on start { x = }', 'SYNTAX', '1:16', 'expected an expression after `=`, found `}`'],
  ['on start { print "a {} b" }', 'SYNTAX', '1:22', 'expected an expression after `{`, found `}`'],
  ['on start {\n  walk hero (1, 2)\n}', 'SYNTAX', '2:13', 'expected `to` after `hero`, found `(`'],
  ['on start { for i 0..3 { } }', 'SYNTAX', '1:18', 'expected `in` after `i`, found `0`'],
  ['on start { let t = spawn blink }', 'SYNTAX', '1:32', 'expected `(` after `blink`, found `}`'],
  ['on start { let t = spawn }', 'SYNTAX', '1:26', 'expected a function call after `spawn`, found `}`'],
  ['on start { stop }', 'SYNTAX', '1:17', 'expected `music` or an expression after `stop`, found `}`'],
  ['on start { face hero sideways }', 'SYNTAX', '1:22', 'expected a direction (`left`, `right`, `up` or `down`) after `hero`, found `sideways`'],
  ['on start { play sound "a{x}.wav" }', 'SYNTAX', '1:23', 'expected a file name in quotes after `sound`, found a string'],
  ['on look say "x"', 'SYNTAX', '1:9', 'expected `{` after `look`, found `say`'],
  ['on start { if x = 3 { } }', 'SYNTAX', '1:17', 'expected `{` after `x`, found `=`'],
  ['dialog d { option "x" say "y" }', 'SYNTAX', '1:23', 'expected `{` after the string, found `say`'],
  ['room beach { background "x" }', 'SYNTAX', '1:25', 'expected `:` after `background`, found a string'],
  ['on start { let walk = 3 }', 'SYNTAX', '1:16', 'expected a name after `let`, found `walk`'],
  ['EXPR:1 +', 'SYNTAX', '1:4', 'expected an expression after `+`'],
  // unclosed brackets, named by what they opened
  ['room beach {\n  background: "a.png"\n', 'SYNTAX', '2:22', 'expected `}` to close the room `beach` started at 1:1'],
  ['room beach {\n  object shell {\n    name: "x"\n', 'SYNTAX', '3:14', 'expected `}` to close the object `shell` started at 2:3'],
  ['fn f() {\n  if x {\n    say "a"\n', 'SYNTAX', '3:12', 'expected `}` to close the `if` block started at 2:3'],
  ['fn f() {\n  let xs = [1, 2\n}\n', 'SYNTAX', '3:1', 'expected `]` to close the list started at 2:12, found `}`'],
  ['fn f() {\n  print len(xs\n}\n', 'SYNTAX', '3:1', 'expected `)` to close the call to `len` started at 2:12, found `}`'],
  ['on start { print "a {b" }', 'SYNTAX', '1:23', 'expected `}` to close the `{…}` in the string started at 1:21, found a string'],
  ['fn a() {\n  if x {\n    say "a"\n  }\n\nfn b() {}\n', 'SYNTAX', '6:1', 'expected `}` to close the function `a` started at 1:1'],
  ['room r {\n  on enter {\n    say "x"\n\n  object o { }\n}\n', 'SYNTAX', '5:3', 'expected `}` to close the `on enter` handler started at 2:3'],
  ['fn a() {\n  var x = 1\n}\n', 'SYNTAX', '2:3', 'expected `}` to close the function `a` started at 1:1'],
  ['fn f() {\n  let xs = [1 2]\n}\n', 'SYNTAX', '2:15', 'expected `,` or `]`, found `2`'],
  ['on start { print {a: 1 b: 2} }', 'SYNTAX', '1:24', 'expected `,` or `}`, found `b`'],
  ['verbs { look: "Look" pickup: "Pick" }', 'SYNTAX', '1:22', 'expected `,` or `}`, found `pickup`'],
  ['fn f(a, b {\n}', 'SYNTAX', '1:11', 'expected `=`, `,` or `)`, found `{`'],
  // things that do not belong
  ['fn f() {\n  print 1 )\n}\n', 'SYNTAX', '2:11', 'unexpected `)`'],
  ['fn f() { }\n}\n', 'SYNTAX', '2:1', 'unexpected `}`'],
  ['EXPR:1 + 2 3', 'SYNTAX', '1:7', 'unexpected `3` after the expression'],
  ['on start {\n  say msg x = 3\n}\n', 'SYNTAX', '2:13', 'expected a newline or `;` after the statement, found `=`'],
  ['on start {\n  say "a" "b"\n}', 'SYNTAX', '2:11', 'expected a newline or `;` after the statement, found a string'],
  ['costume c { walk: [1] 8 }', 'SYNTAX', '1:23', 'expected a newline or `;` after the property, found `8`'],
  ['object key { name: "k" }  junk', 'SYNTAX', '1:27', 'expected a newline or `;` after the declaration, found `junk`'],
  ['on start { else { } }', 'SYNTAX', '1:12', 'expected a statement or `}`, found `else`'],
  ['on start {\n  let z = 1\n  + 2\n}', 'SYNTAX', '3:3', 'expected a statement or `}`, found `+`'],
  ['let x = 3', 'SYNTAX', '1:1', 'expected a declaration (`fn`, `on`, `room`, `object`, …), found `let`'],
  ['on start { if a < b < c { } }', 'SYNTAX', '1:21', 'comparisons cannot be chained'],
  ['on start { f(x) = 3 }', 'INVALID_TARGET', '1:12', 'cannot assign to this: only a name, a member (`a.b`) or an index (`a[i]`) can be assigned'],
  // lexical errors
  ['on start {\n  say "hello\n}\n', 'UNTERMINATED_STRING', '2:7', 'this string is never closed'],
  ['on start {}\n/* never\n closed', 'UNTERMINATED_COMMENT', '2:1', 'this comment is never closed'],
  ['on start { print "a\\qb" }', 'INVALID_ESCAPE', '1:20', '`\\q` is not an escape'],
  ['on start { print "\\u{110000}" }', 'INVALID_ESCAPE', '1:19', '`\\u{110000}` is not a Unicode code point'],
  ['on start { print 12abc }', 'INVALID_NUMBER', '1:18', '`12abc` is not a number'],
  ['on start { print 0x }', 'INVALID_NUMBER', '1:18', '`0x` is not a number'],
  ['on start { print 1__0 }', 'INVALID_NUMBER', '1:18', '`1__0` is not a number'],
];

describe('syntax error messages', () => {
  for (const [source, code, at, message] of BROKEN) {
    it(`${JSON.stringify(source)} → ${at} ${message}`, () => {
      const err = failure(source);
      expect({ code: err.code, at: `${err.span?.start.line}:${err.span?.start.column}`, message: err.message }).toEqual({ code, at, message });
      expect(err.span?.source).toBe('test.adv');
    });
  }

  it('adds a note that points at the construct an unclosed `}` belongs to', () => {
    const err = failure('room beach {\n  background: "a.png"\n');
    expect(err.notes).toEqual([{ message: 'the room `beach` starts here', span: expect.objectContaining({ start: { offset: 0, line: 1, column: 1 } }) }]);
  });

  it('gives hints for likely causes', () => {
    expect(failure('on start { let walk = 3 }').hint).toBe('`walk` is a reserved word and cannot be used as a name');
    expect(failure('on start { if x = 3 { } }').hint).toBe('to compare two values, write `==`');
    expect(failure('let x = 3').hint).toBe('statements belong inside a function (`fn`) or a handler (`on start { … }`)');
    expect(failure('fn a() {\n  var x = 1\n}\n').hint).toBe('`var` belongs at the top level; inside a function, use `let`');
    expect(failure('on start {\n  let z = 1\n  + 2\n}').hint).toMatch(/end the line before with the operator/);
  });

  it('formats as file:line:col, the message, the code, a code frame with a caret and the note', () => {
    const text = 'on start {\n  let x =\n}\n';
    expect(formatError(failure(text, 'scripts/beach.adv'), { sources: () => text })).toBe(
      ['scripts/beach.adv:2:10: error: expected an expression after `=` [SYNTAX]', ' 2 |   let x =', '   |          ^'].join('\n'),
    );
    const room = 'room beach {\n  music: "a.ogg"\n';
    expect(formatError(failure(room, 'beach.adv'), { sources: () => room })).toBe(
      [
        'beach.adv:2:17: error: expected `}` to close the room `beach` started at 1:1 [SYNTAX]',
        ' 2 |   music: "a.ogg"',
        '   |                 ^',
        'beach.adv:1:1: note: the room `beach` starts here',
        ' 1 | room beach {',
        '   | ^^^^^^^^^^^^',
      ].join('\n'),
    );
  });

  it('turns very deep nesting into a CairnError, not a stack overflow', () => {
    const deep = `on start { print ${'('.repeat(20_000)}1${')'.repeat(20_000)} }`;
    expect(failure(deep).code).toBe('SYNTAX');
  });
});

describe('robustness', () => {
  const sample = readFileSync(join(import.meta.dirname, 'fixtures', 'adventure.adv'), 'utf8');
  const pieces = ['{', '}', '(', ')', '[', ']', '"', '\n', ';', ',', '=', '.', '/*', '*/', '//', '\\', 'on', 'if', '0x', ' '];

  it('answers any damaged script with an AST or a CairnError whose span lies in the file', () => {
    fc.assert(
      fc.property(fc.nat(sample.length), fc.nat(12), fc.constantFrom(...pieces), (at, cut, insert) => {
        const text = sample.slice(0, at) + insert + sample.slice(at + cut);
        try {
          parse(text, 'fuzz.adv');
        } catch (e) {
          if (!isCairnError(e)) throw e;
          expect(e.span).toBeDefined();
          expect(e.span!.start.offset).toBeLessThanOrEqual(text.length);
          expect(e.message).not.toMatch(/Expected|but .* found/); // Peggy's own wording never leaks
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
