// Turns a failed parse into one CairnError that reads like a good compiler:
// Peggy's furthest-failure expectations become a short phrase ("expected an
// expression after `=`"), and an unclosed bracket is named by what it opened
// ("the room `beach` started at 12:3"). parse.ts is the only caller.

import { CairnError, type ErrorCode, type Note, type Span } from '../errors.js';
import { RESERVED_WORDS } from './reserved-words.js';
import { habitHint, sameLineHint } from './habit-hints.js';
import { positionAt, scanTo, tokenAt, type Found, type OpenBracket, type ScanResult, type Token } from './source-scan.js';

interface PeggyExpectation {
  type: string;
  text?: string;
  description?: string;
}

const NEWLINE = 'a newline or `;`';
const CLOSER: Record<OpenBracket['char'], string> = { '(': ')', '[': ']', '{': '}', interp: '}' };
const EXPRESSION_STARTS = new Set(['a number', 'a string', 'a name', '`(`', '`[`', '`{`', '`-`', '`not`', '`true`', '`false`', '`nil`', '`spawn`']);
const DECLARATION_WORDS = new Set(['fn', 'on', 'const', 'var', 'verbs', 'actor', 'costume', 'room', 'object', 'dialog']);
/** Bodies that hold properties, not statements. */
const MEMBER_BODIES = new Set(['verbs', 'actor', 'costume', 'room', 'object', 'dialog']);
/** Declarations a member body may hold (a room holds objects); any other one there means its `}` is missing. */
const MEMBERS_OF: Record<string, ReadonlySet<string>> = { room: new Set(['object', 'on']), object: new Set(['on']), actor: new Set(['on']) };
/** Expectations of something that starts a line: a found token on a later line is the culprit. */
const LINE_STARTS = new Set(['a statement', 'a declaration', 'a property', 'a dialog option']);
const BINARY_OPERATORS = new Set(['+', '-', '*', '/', '%', '..', '==', '!=', '<', '<=', '>', '>=', 'and', 'or']);
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=']);
const STATEMENT_WORDS = new Set([...RESERVED_WORDS].filter((w) => !['and', 'or', 'not', 'true', 'false', 'nil', 'else', 'spawn'].includes(w)));

const LEX_HINTS: Partial<Record<ErrorCode, string>> = {
  UNTERMINATED_STRING: 'close it with `"` on the same line; for a line break inside the text, write `\\n`',
  UNTERMINATED_COMMENT: 'end it with `*/`',
  INVALID_ESCAPE: 'the escapes are `\\n`, `\\t`, `\\r`, `\\"`, `\\\\`, `\\{`, `\\}` and `\\u{…}`',
  INVALID_NUMBER: 'numbers are written like `42`, `3.5`, `1_000`, `1e3` or `0x1F`',
};

/** Converts whatever the generated parser threw into a CairnError with a span. */
export function toSyntaxError(e: unknown, text: string, file: string): CairnError {
  const err = e as { name?: string; code?: ErrorCode; message?: string; location?: Span; expected?: PeggyExpectation[] | null };
  if (err?.name === 'CairnLexError' && err.code && err.location) {
    return new CairnError(err.code, err.message ?? 'syntax error', { span: err.location, hint: LEX_HINTS[err.code] });
  }
  if (err?.name === 'SyntaxError' && err.location && 'expected' in err) {
    return new Explainer(text, file, err.location.start.offset, err.expected ?? []).explain();
  }
  if (e instanceof RangeError) {
    const start = positionAt(text, 0);
    return new CairnError('SYNTAX', 'this script nests brackets or blocks too deeply to read', { span: { source: file, start, end: start }, cause: e });
  }
  throw e;
}

/** One failure, looked at from every side; `explain` picks the best sentence. */
class Explainer {
  private readonly scan: ScanResult;
  private readonly found: Found;
  private readonly prev?: Token;
  private readonly inner?: OpenBracket;
  private readonly phrases: string[];
  /** The failure is at the end of a line (or further down): point just after the last token. */
  private readonly atEnd: boolean;

  constructor(
    private readonly text: string,
    private readonly file: string,
    offset: number,
    expected: PeggyExpectation[],
  ) {
    this.scan = scanTo(text, offset);
    this.found = tokenAt(text, skipSpace(text, offset));
    this.prev = this.scan.previous;
    this.inner = this.scan.open[this.scan.open.length - 1];
    this.phrases = narrow(phrasesOf(expected));
    // When what is missing belongs after the last token (an operand, a `}`)
    // but the parser skipped newlines looking for it, point at that last token.
    const foundLine = positionAt(text, this.found.start).line;
    const startsSomething = this.phrases.some((p) => LINE_STARTS.has(p));
    const skippedLines = !startsSomething && this.prev !== undefined && positionAt(text, this.prev.end).line < foundLine;
    this.atEnd = this.found.kind === 'eof' || this.found.kind === 'eol' || skippedLines;
  }

  explain(): CairnError {
    return this.strayCloser() ?? this.declarationInBody() ?? this.unclosedDeclaration() ?? this.closedTooEarly() ?? this.badTarget() ?? this.chainedComparison() ?? this.missingCloser() ?? this.general();
  }

  /** `)` with nothing to close, or closing the wrong bracket. */
  private strayCloser(): CairnError | undefined {
    const { found, inner } = this;
    if (found.kind !== 'punct' || !(found.text === ')' || found.text === ']' || found.text === '}')) return undefined;
    const closes = this.scan.open.some((b) => CLOSER[b.char] === found.text);
    if (!closes) return this.error(`unexpected \`${found.text}\``, this.spanOf(found.start, found.end));
    if (inner && CLOSER[inner.char] !== found.text && this.phrases.includes(`\`${CLOSER[inner.char]}\``)) {
      return this.closerError(inner, `, found \`${found.text}\``, this.spanOf(found.start, found.end));
    }
    return undefined;
  }

  /** `fn`, `on`, `room` … inside a function body: almost always a missing `}` above. */
  private declarationInBody(): CairnError | undefined {
    const { inner, scan, found } = this;
    if (!inner?.isBody || inner.char !== '{' || MEMBER_BODIES.has(inner.firstWord ?? '')) return undefined;
    const word = scan.statement.length === 0 ? found : scan.statement.length === 1 ? scan.statement[0]! : undefined;
    if (word?.kind !== 'word' || !DECLARATION_WORDS.has(word.text)) return undefined;
    const hint = word.text === 'var' || word.text === 'const' ? `\`${word.text}\` belongs at the top level; inside a function, use \`let\`` : undefined;
    return this.closerError(inner, '', this.spanOf(word.start, word.end), hint);
  }

  /**
   * `fn`, `room`, `dialog` … where a room, object, actor or costume's
   * properties go: the declaration above was never closed. Pointed at the
   * brace that opened it, which is where the `}` is missing, not here.
   */
  private unclosedDeclaration(): CairnError | undefined {
    const { inner, scan, found } = this;
    if (!inner?.isBody || inner.char !== '{' || !MEMBER_BODIES.has(inner.firstWord ?? '')) return undefined;
    const word = scan.statement.length === 0 ? found : scan.statement.length === 1 ? scan.statement[0]! : undefined;
    if (word?.kind !== 'word' || !DECLARATION_WORDS.has(word.text) || MEMBERS_OF[inner.firstWord!]?.has(word.text)) return undefined;
    const opened = positionAt(this.text, inner.ownerOffset);
    const at = positionAt(this.text, word.start);
    return this.error(`${inner.owner} opened at ${opened.line}:${opened.column} is never closed`, this.spanOf(inner.offset, inner.offset + 1), `add its \`}\` before line ${at.line}, where \`${word.text}\` starts a new declaration`, 'SYNTAX', [
      { message: `\`${word.text}\` cannot go inside ${inner.owner}`, span: this.spanOf(word.start, word.end) },
    ]);
  }

  /** A statement at the top level just after a `}`: that `}` closed its block too early (a stray `}` above). */
  private closedTooEarly(): CairnError | undefined {
    const { inner, found, prev } = this;
    if (inner !== undefined || prev?.kind !== 'punct' || prev.text !== '}' || found.kind !== 'word' || !STATEMENT_WORDS.has(found.text)) return undefined;
    if (DECLARATION_WORDS.has(found.text) || !this.phrases.includes('a declaration')) return undefined;
    const closed = scanTo(this.text, prev.start).open.at(-1);
    if (closed === undefined) return undefined;
    const opened = positionAt(this.text, closed.ownerOffset);
    const stray = positionAt(this.text, prev.start);
    const span = this.spanOf(prev.start, prev.end);
    return this.error(`\`${found.text}\` is outside ${closed.owner} (opened at ${opened.line}:${opened.column}): the \`}\` at ${stray.line}:${stray.column} closed it`, span, 'a `}` too many above? Remove it, or move it below the statements of the block', 'SYNTAX', [
      { message: `\`${found.text}\` is here`, span: this.spanOf(found.start, found.end) },
    ]);
  }

  /** `f(x) = 3`: the grammar only lets names, members and indexes take `=`. */
  private badTarget(): CairnError | undefined {
    const { found, scan, prev } = this;
    if (found.kind !== 'punct' || !ASSIGNMENTS.has(found.text) || !this.phrases.includes(NEWLINE) || !prev) return undefined;
    const first = scan.statement[0];
    if (first?.kind === 'word' && RESERVED_WORDS.has(first.text)) return undefined; // `say a b = 1`: not an assignment
    const start = first?.start ?? found.start;
    return this.error('cannot assign to this: only a name, a member (`a.b`) or an index (`a[i]`) can be assigned', this.spanOf(start, prev.end), undefined, 'INVALID_TARGET');
  }

  /** `a < b < c` */
  private chainedComparison(): CairnError | undefined {
    const { found, scan } = this;
    if (found.kind !== 'punct' || !COMPARISONS.has(found.text) || this.phrases.includes('an expression')) return undefined;
    if (!scan.statement.some((t) => t.kind === 'punct' && COMPARISONS.has(t.text))) return undefined;
    return this.error('comparisons cannot be chained', this.spanOf(found.start, found.end), 'join them with `and`: `a < b and b < c`');
  }

  /** The innermost open bracket could be closed here. */
  private missingCloser(): CairnError | undefined {
    const { inner } = this;
    if (!inner) return undefined;
    const closer = `\`${CLOSER[inner.char]}\``;
    if (!this.phrases.includes(closer)) return undefined;
    const others = this.phrases.filter((p) => p !== closer && !['`)`', '`]`', '`}`'].includes(p));
    if (this.found.kind === 'eof' || others.length === 0) return this.closerError(inner, this.foundSuffix(), this.here());
    const note = this.ownerNote(inner);
    return this.error(`expected ${list([...others.slice(0, 2), closer])}${this.foundSuffix()}`, this.here(), this.hint(), 'SYNTAX', [note]);
  }

  private general(): CairnError {
    const { phrases, found, prev, inner } = this;
    const foundText = this.foundSuffix();
    if (phrases.length === 0) return this.error(`unexpected ${describe(found)}`, this.here());
    if (phrases.length === 1 && phrases[0] === 'the end of the expression') {
      return this.error(`unexpected ${describe(found)} after the expression`, this.here());
    }
    if (phrases.length === 1 && phrases[0] === NEWLINE) {
      const what = !inner ? 'declaration' : inner.firstWord === 'dialog' ? 'option' : MEMBER_BODIES.has(inner.firstWord ?? '') ? 'property' : 'statement';
      return this.error(`expected a newline or \`;\` after the ${what}${foundText}`, this.here(), this.hint() ?? (what === 'statement' ? sameLineHint(this.text, found, prev) : undefined));
    }
    if (phrases.includes('a declaration')) {
      const misplaced = found.kind === 'word' && STATEMENT_WORDS.has(found.text);
      const hint = misplaced ? 'statements belong inside a function (`fn`) or a handler (`on start { … }`)' : undefined;
      return this.error(`expected a declaration (\`fn\`, \`on\`, \`room\`, \`object\`, …)${foundText}`, this.here(), hint);
    }
    const after = prev ? ` after ${describe(prev)}` : '';
    return this.error(`expected ${list(phrases)}${after}${foundText}`, this.here(), this.hint());
  }

  /** A likely cause, when the found token suggests one. */
  private hint(): string | undefined {
    const { phrases, found, inner } = this;
    const habit = habitHint(this.text, found, this.prev);
    if (habit !== undefined) return habit;
    if (found.kind === 'word' && RESERVED_WORDS.has(found.text) && phrases.includes('a name')) {
      return `\`${found.text}\` is a reserved word and cannot be used as a name`;
    }
    if (found.kind === 'punct' && found.text === '=') return 'to compare two values, write `==`';
    if (inner?.char === 'interp' && phrases.includes('an expression')) return 'for a literal brace in a string, write `\\{`';
    if (found.kind === 'string' && (phrases.includes('a file name in quotes') || phrases.includes('a label in quotes'))) {
      return 'file names and labels are plain strings, without `{…}`';
    }
    if (BINARY_OPERATORS.has(found.text) && phrases.includes('a statement')) {
      return 'to continue an expression on the next line, end the line before with the operator';
    }
    if (found.kind === 'word' && found.text === 'else') return '`else` must follow the `}` of an `if` block';
    return undefined;
  }

  private closerError(bracket: OpenBracket, foundText: string, span: Span, hint?: string): CairnError {
    const at = positionAt(this.text, bracket.ownerOffset);
    const message = `expected \`${CLOSER[bracket.char]}\` to close ${bracket.owner} started at ${at.line}:${at.column}${foundText}`;
    return this.error(message, span, hint, 'SYNTAX', [this.ownerNote(bracket)]);
  }

  private ownerNote(bracket: OpenBracket): Note {
    const sameLine = positionAt(this.text, bracket.ownerOffset).line === positionAt(this.text, bracket.offset).line;
    return { message: `${bracket.owner} starts here`, span: this.spanOf(sameLine ? bracket.ownerOffset : bracket.offset, bracket.offset + 1) };
  }

  private foundSuffix(): string {
    return this.atEnd ? '' : `, found ${describe(this.found)}`;
  }

  /** What the caret points at: the found token, or the spot just after the last token. */
  private here(): Span {
    const { found, prev } = this;
    if (this.atEnd && prev) return this.spanOf(prev.end, prev.end);
    return this.spanOf(found.start, Math.max(found.end, found.start));
  }

  private spanOf(start: number, end: number): Span {
    return { source: this.file, start: positionAt(this.text, start), end: positionAt(this.text, end) };
  }

  private error(message: string, span: Span, hint?: string, code: ErrorCode = 'SYNTAX', notes: Note[] = []): CairnError {
    return new CairnError(code, message, { span, hint, notes });
  }
}

/** Peggy may fail just before spaces or a comment; the token people see is after them. */
function skipSpace(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || text.slice(i, close).includes('\n')) return i;
      i = close + 2;
    } else return i;
  }
}

/** Peggy's expectations as phrases people read, without repeats. */
function phrasesOf(expected: PeggyExpectation[]): string[] {
  const out: string[] = [];
  for (const e of expected) {
    const phrase = e.type === 'literal' ? `\`${e.text}\`` : e.type === 'other' ? e.description : e.type === 'end' ? 'the end of the file' : undefined;
    if (phrase !== undefined && !out.includes(phrase)) out.push(phrase);
  }
  return out;
}

/**
 * Keeps the expectations worth saying: a marker ("an expression", "a
 * statement") stands for the tokens that could start one, optional words
 * (`fps`, `ticks`, `once`) give way to what must come, operators go unsaid.
 */
function narrow(phrases: string[]): string[] {
  let e = phrases;
  const has = (p: string) => e.includes(p);
  const isWord = (p: string) => /^`[a-z]+`$/.test(p);
  const isCloser = (p: string) => p === '`)`' || p === '`]`' || p === '`}`';
  if (has('an expression')) e = e.filter((p) => !EXPRESSION_STARTS.has(p));
  if (has('a statement')) e = e.filter((p) => !isWord(p) && p !== 'an expression' && p !== 'a name');
  if (has('a declaration')) e = e.filter((p) => !isWord(p) && p !== 'the end of the file');
  if (has('a property')) e = e.filter((p) => !isWord(p) && p !== 'a name');
  if (has('a dialog option')) e = e.filter((p) => p !== '`option`');
  // What may follow a finished statement (`ticks`, `fps`, the text of `say x`) is optional; the newline is not.
  if (has(NEWLINE)) e = e.filter((p) => !isWord(p) && p !== 'an expression' && p !== 'a name');
  // `on {`: a property named `on` is possible, but the event name is the likely miss.
  if (has('a name')) e = e.filter((p) => p !== '`:`');
  if (has('`{`') && !e.some(isCloser)) e = e.filter((p) => !isWord(p) && p !== '`(`');
  if (e.length > 1) e = e.filter((p) => p !== 'an operator');
  // A pinned text id (`say "…" #id`) is optional wherever it may come.
  if (e.length > 1) e = e.filter((p) => p !== 'a text id (#name)');
  return e;
}

/** How a token reads in a sentence. */
function describe(t: Found): string {
  switch (t.kind) {
    case 'eof': return 'the end of the file';
    case 'eol': return 'the end of the line';
    case 'string': return t.text === '"' ? 'a string' : 'the string';
    default: return `\`${t.text}\``;
  }
}

/** "a", "a or b", "a, b or c" */
function list(items: string[]): string {
  const shown = items.slice(0, 3);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}
