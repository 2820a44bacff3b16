// Reads the arguments of one walkthrough line, left to right: names, numbers,
// quoted text, points. Every refusal is a CairnError WALKTHROUGH_SYNTAX whose
// span points at the offending column of the `.walk` file. Imports interpreter/ only.

import { CairnError, type Span } from '../../interpreter/errors.js';

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
/** Save names may read like file names: `before-door`, `act2.start`. */
const SAVE_NAME = /[A-Za-z0-9_][A-Za-z0-9_.-]*/y;
const NUMBER = /-?(?:\d+(?:\.\d+)?|\.\d+)/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', '{': '{', '}': '}' };

/** Where a line sits in its file, so spans can be built from columns. */
export interface LinePlace {
  file: string;
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character in the whole file. */
  offset: number;
}

/** A cursor over the text of one line (its comment already removed). */
export class LineReader {
  /** 0-based index into `text` of the next unread character. */
  pos = 0;

  constructor(
    readonly text: string,
    readonly place: LinePlace,
  ) {}

  /** True when only blanks are left. */
  atEnd(): boolean {
    this.skipBlanks();
    return this.pos >= this.text.length;
  }

  /** The rest of the line, trimmed, without consuming it. */
  peekRest(): string {
    this.skipBlanks();
    return this.text.slice(this.pos).trimEnd();
  }

  /** Consumes `word` when it comes next as a whole word; says whether it did. */
  accept(word: string): boolean {
    this.skipBlanks();
    const after = this.text[this.pos + word.length];
    if (this.text.startsWith(word, this.pos) && (after === undefined || !/[A-Za-z0-9_]/.test(after))) {
      this.pos += word.length;
      return true;
    }
    return false;
  }

  /** A name of the game (room, object, actor, verb); `what` names it in errors ("a room name"). */
  identifier(what: string, example: string): string {
    return this.match(IDENTIFIER, what, example);
  }

  /** A save name (`before-door`). */
  saveName(example: string): string {
    return this.match(SAVE_NAME, 'a save name', example);
  }

  /** A number; `whole` refuses fractions, `min` refuses smaller ones. */
  number(what: string, example: string, rules: { whole?: boolean; min?: number } = {}): number {
    const start = this.skipBlanks();
    const text = this.match(NUMBER, what, example);
    const n = Number(text);
    if (rules.whole && !Number.isInteger(n)) throw this.error(`${what} must be a whole number, not \`${text}\``, start, text.length, example);
    if (rules.min !== undefined && n < rules.min) throw this.error(`${what} must be at least ${rules.min}, not \`${text}\``, start, text.length, example);
    return n;
  }

  /** Quoted text, with the escapes `\" \\ \n \t \{ \}`. */
  quoted(what: string, example: string): string {
    const start = this.skipBlanks();
    if (this.text[start] !== '"') throw this.error(`expected ${what} in double quotes, found ${this.describe(start)}`, start, this.tokenLength(start), example);
    let out = '';
    let i = start + 1;
    while (i < this.text.length && this.text[i] !== '"') {
      if (this.text[i] === '\\') {
        const escaped = ESCAPES[this.text[i + 1] ?? ''];
        if (escaped === undefined) throw this.error(`unknown escape \`\\${this.text[i + 1] ?? ''}\` in quoted text; the escapes are \\" \\\\ \\n \\t \\{ \\}`, i, 2);
        out += escaped;
        i += 2;
      } else {
        out += this.text[i];
        i += 1;
      }
    }
    if (i >= this.text.length) throw this.error('this quoted text is never closed: end it with `"` on the same line', start, this.text.length - start);
    this.pos = i + 1;
    return out;
  }

  /** A point `(x, y)`. */
  point(what: string, example: string): { x: number; y: number } {
    this.punctuation('(', what, example);
    const x = this.number('the x coordinate', example);
    this.punctuation(',', what, example);
    const y = this.number('the y coordinate', example);
    this.punctuation(')', what, example);
    return { x, y };
  }

  /** Refuses anything left on the line; `syntax` (`click X Y`) becomes the hint. */
  end(syntax: string): void {
    if (this.atEnd()) return;
    const error = this.error(`unexpected \`${this.text.slice(this.pos).trimEnd()}\` at the end of the line`, this.pos, this.tokenLength(this.pos));
    throw new CairnError(error.code, error.message, { span: error.span, hint: `it is written \`${syntax}\`` });
  }

  /** The span of `length` characters from 0-based index `start` of this line. */
  span(start: number, length = 1): Span {
    const { file, line, offset } = this.place;
    const end = Math.max(start + 1, start + length);
    return {
      source: file,
      start: { offset: offset + start, line, column: start + 1 },
      end: { offset: offset + end, line, column: end + 1 },
    };
  }

  /** A WALKTHROUGH_SYNTAX error at 0-based index `start`; `example` becomes the hint. */
  error(message: string, start = this.pos, length = 1, example?: string): CairnError {
    return new CairnError('WALKTHROUGH_SYNTAX', message, { span: this.span(start, length), hint: example ? `for example: ${example}` : undefined });
  }

  /** Skips blanks; returns the new position. */
  skipBlanks(): number {
    while (this.pos < this.text.length && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t')) this.pos += 1;
    return this.pos;
  }

  private punctuation(char: string, what: string, example: string): void {
    const at = this.skipBlanks();
    if (this.text[at] !== char) {
      throw this.error(`expected \`${char}\` in ${what}, found ${this.describe(at)}`, at, this.tokenLength(at), example);
    }
    this.pos = at + 1;
  }

  private match(pattern: RegExp, what: string, example: string): string {
    const start = this.skipBlanks();
    pattern.lastIndex = start;
    const m = pattern.exec(this.text);
    const after = m ? this.text[start + m[0].length] : undefined;
    // A match glued to more text (`shell!`, `12px`) is not the whole argument.
    if (!m || (after !== undefined && after !== ' ' && after !== '\t' && after !== ',' && after !== ')')) {
      throw this.error(`expected ${what}, found ${this.describe(start)}`, start, this.tokenLength(start), example);
    }
    this.pos = start + m[0].length;
    return m[0];
  }

  /** What sits at `start`, for "found …" in messages. */
  private describe(start: number): string {
    return start >= this.text.length ? 'the end of the line' : `\`${this.text.slice(start, start + this.tokenLength(start))}\``;
  }

  /** Length of the blank-delimited token at `start` (at least 1, for a caret at the end). */
  private tokenLength(start: number): number {
    let end = start;
    while (end < this.text.length && this.text[end] !== ' ' && this.text[end] !== '\t') end += 1;
    return Math.max(1, end - start);
  }
}
