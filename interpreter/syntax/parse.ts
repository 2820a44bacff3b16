// The front door of the syntax folder: source text in, AST (ast.ts) out, or a
// CairnError that points at the problem — never a raw Peggy error. Wraps the
// generated parser (see scripts/build-grammar.js; run `npm run build:grammar`).

import type { Expr, Program } from './ast.js';
import { parse as peggyParse } from './parser.generated.js';
import { RESERVED_WORDS } from './reserved-words.js';
import { toSyntaxError } from './syntax-errors.js';

/**
 * The last parse's closure, kept until the next parse. Peggy makes every
 * rule's function afresh inside each parse, and V8 keeps a function's
 * optimized code only while some closure of it lives: once a parse returned
 * and a full GC ran, the whole parser's optimized code was gone, and the next
 * parse — a rebuild in `cairn dev`, an edit in the language server — spent
 * ~150 ms of a 20,000-line compile optimizing ~270 rules again. One closure
 * keeps the parse's scope, and so its rules' functions and their code; its
 * `release` drops the text and the position cache first.
 */
const KEEP: { release?: () => void } = {};

/** Parses one `.adv` file; spans carry `file` as their source. Throws a CairnError. */
export function parse(text: string, file: string): Program {
  try {
    return peggyParse(text, { grammarSource: file, startRule: 'Program', reservedWords: RESERVED_WORDS, keep: KEEP }) as Program;
  } catch (e) {
    throw toSyntaxError(e, text, file);
  } finally {
    KEEP.release?.();
  }
}

/** Parses one expression (a walkthrough's `expect`, a console line); newlines are space in it. */
export function parseExpression(text: string, file = '<expression>'): Expr {
  try {
    return peggyParse(text, { grammarSource: file, startRule: 'Expression', reservedWords: RESERVED_WORDS, keep: KEEP }) as Expr;
  } catch (e) {
    throw toSyntaxError(e, text, file);
  } finally {
    KEEP.release?.();
  }
}
