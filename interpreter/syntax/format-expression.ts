// How `cairn fmt` writes an expression: on one line, one space around binary
// operators and after commas, none inside brackets (`{gold: 3}`, `f(a, b)`,
// `1..n`). Strings and numbers are copied as written (escapes, interpolations,
// hex and `_` stay the author's). Parentheses the author wrote around an
// operand are kept; those the precedence needs are added.

import type * as A from './ast.js';

/** The binding strength of each kind of expression: higher binds tighter. */
const PRECEDENCE: Record<string, number> = { or: 1, and: 2, not: 3, compare: 4, '..': 5, '+': 6, '-': 6, '*': 7, '/': 7, '%': 7, unary: 8, postfix: 9 };
const COMPARE = new Set(['==', '!=', '<', '<=', '>', '>=']);
const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

function precedenceOf(e: A.Expr): number {
  switch (e.kind) {
    case 'Binary':
      return COMPARE.has(e.op) ? PRECEDENCE.compare! : PRECEDENCE[e.op]!;
    case 'Unary':
      return e.op === 'not' ? PRECEDENCE.not! : PRECEDENCE.unary!;
    case 'Spawn':
      return PRECEDENCE.unary!;
    default:
      return PRECEDENCE.postfix!;
  }
}

/** Writes expressions of one source text. */
export class ExpressionWriter {
  constructor(private readonly text: string) {}

  /**
   * The expression on one line, except after a binary operator the author
   * ended a line with: there the rest goes on the next line, one indent deeper than `depth`.
   */
  write(e: A.Expr, depth: number): string {
    switch (e.kind) {
      case 'Number':
      case 'String':
      case 'Interp':
        return this.text.slice(e.span.start.offset, e.span.end.offset);
      case 'Bool':
        return e.value ? 'true' : 'false';
      case 'Nil':
        return 'nil';
      case 'Name':
        return e.name;
      case 'List':
        return `[${e.items.map((i) => this.write(i, depth)).join(', ')}]`;
      case 'Tuple':
        return `(${e.items.map((i) => this.write(i, depth)).join(', ')})`;
      case 'Map':
        return `{${e.entries.map((m) => `${this.key(m)}: ${this.write(m.value, depth)}`).join(', ')}}`;
      case 'Unary': {
        const operand = this.operand(e.operand, precedenceOf(e), depth);
        return e.op === 'not' ? `not ${operand}` : `-${operand}`;
      }
      case 'Binary': {
        const p = precedenceOf(e);
        // `or`, `and`, `+`, `*`… group to the left; comparisons and ranges do not chain.
        const chains = p !== PRECEDENCE.compare && p !== PRECEDENCE['..'];
        const left = this.operand(e.left, chains ? p : p + 1, depth);
        const right = this.operand(e.right, p + 1, depth);
        if (e.op === '..') return `${left}..${right}`;
        const broken = this.text.slice(e.opSpan.end.offset, e.right.span.start.offset).includes('\n');
        return broken ? `${left} ${e.op}\n${'  '.repeat(depth + 1)}${right}` : `${left} ${e.op} ${right}`;
      }
      case 'Member':
        return `${this.operand(e.target, PRECEDENCE.postfix!, depth)}.${e.name.name}`;
      case 'Index':
        return `${this.operand(e.target, PRECEDENCE.postfix!, depth)}[${this.write(e.index, depth)}]`;
      case 'Call':
        return `${this.operand(e.callee, PRECEDENCE.postfix!, depth)}(${e.args.map((a) => this.write(a, depth)).join(', ')})`;
      case 'Spawn':
        return `spawn ${this.write(e.call, depth)}`;
    }
  }

  /** An operand: in parentheses when the author wrote them or the precedence needs them. */
  private operand(e: A.Expr, needed: number, depth: number): string {
    const written = this.write(e, depth);
    return precedenceOf(e) < needed || this.inParentheses(e) ? `(${written})` : written;
  }

  /** True when the source has `(` right before the expression and its matching `)` right after it. */
  private inParentheses(e: A.Expr): boolean {
    let before = e.span.start.offset - 1;
    while (before >= 0 && /\s/.test(this.text[before]!)) before--;
    let after = e.span.end.offset;
    while (after < this.text.length && /\s/.test(this.text[after]!)) after++;
    return this.text[before] === '(' && this.text[after] === ')' && matchingClose(this.text, before) === after;
  }

  /** A map key as written: a bare word, or the string literal the author wrote. */
  private key(entry: A.MapEntry): string {
    if (WORD.test(entry.key)) {
      const start = entry.span.start.offset;
      if (this.text[start] !== '"') return entry.key;
    }
    return this.text.slice(entry.span.start.offset, stringEnd(this.text, entry.span.start.offset));
  }
}

/** The offset just after the string literal that starts at `start` (its `{…}` may hold strings too). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"' && text[i] !== '\n') {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '{') i = matchingClose(text, i) + 1;
    else i++;
  }
  return i + 1;
}

/** The offset of the bracket that closes the one at `open`, skipping strings and comments. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') i = stringEnd(text, i) - 1;
    else if (text.startsWith('//', i)) while (i < text.length && text[i] !== '\n') i++;
    else if (text.startsWith('/*', i)) i = Math.max(i, text.indexOf('*/', i + 2) + 1) || text.length;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}
