// The front door of the syntax folder: source text in, AST (ast.ts) out, or a
// CairnError that points at the problem — never a raw Peggy error. Wraps the
// generated parser (see scripts/build-grammar.js; run `npm run build:grammar`).

import type { Expr, Program } from './ast.js';
import { parse as peggyParse } from './parser.generated.js';
import { RESERVED_WORDS } from './reserved-words.js';
import { toSyntaxError } from './syntax-errors.js';

/** Parses one `.adv` file; spans carry `file` as their source. Throws a CairnError. */
export function parse(text: string, file: string): Program {
  try {
    return peggyParse(text, { grammarSource: file, startRule: 'Program', reservedWords: RESERVED_WORDS }) as Program;
  } catch (e) {
    throw toSyntaxError(e, text, file);
  }
}

/** Parses one expression (a walkthrough's `expect`, a console line); newlines are space in it. */
export function parseExpression(text: string, file = '<expression>'): Expr {
  try {
    return peggyParse(text, { grammarSource: file, startRule: 'Expression', reservedWords: RESERVED_WORDS }) as Expr;
  } catch (e) {
    throw toSyntaxError(e, text, file);
  }
}
