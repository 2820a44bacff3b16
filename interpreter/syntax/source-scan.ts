// A tiny forward scanner of Cairn source, used only to word syntax errors:
// which brackets are still open at the failure (and what each one opened —
// "the room `beach`", "the call to `len`"), which token came last, which token
// sits at the failure. It skips strings and comments; it never decides validity.

import { RESERVED_WORDS } from './reserved-words.js';

/** A token as the scanner sees it: offsets into the text, end exclusive. */
export interface Token {
  kind: 'word' | 'number' | 'string' | 'punct';
  text: string;
  start: number;
  end: number;
}

/** What sits at an offset: a token, the end of a line or the end of the file. */
export type Found = Token | { kind: 'eol' | 'eof'; text: ''; start: number; end: number };

/** A bracket still open at the scan limit, and the construct it belongs to. */
export interface OpenBracket {
  /** `interp` is the `{` of an interpolation inside a string. */
  char: '(' | '[' | '{' | 'interp';
  offset: number;
  /** "the room `beach`", "the list", "the `if` block". */
  owner: string;
  /** Where that construct starts (the `room` keyword, or the bracket). */
  ownerOffset: number;
  /** True for statement and declaration bodies; false for maps and interpolations. */
  isBody: boolean;
  /** The first word of the statement the bracket belongs to, if any. */
  firstWord?: string;
}

/** The scanner's view of the source just before an offset. */
export interface ScanResult {
  open: OpenBracket[];
  previous?: Token;
  /** Tokens of the current statement (or list item run) in the innermost bracket. */
  statement: Token[];
}

interface Frame extends Omit<OpenBracket, 'char'> {
  char: OpenBracket['char'] | 'string' | 'root';
  tokens: Token[];
}

const OPERATORS = ['==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '..'];
const OPENER_OF: Record<string, Frame['char']> = { ')': '(', ']': '[', '}': '{' };
/** Tokens after which `{` starts a map and `[` a list, not a body or an index. */
const EXPRESSION_CONTINUES = new Set([
  '=', '+=', '-=', '*=', '/=', ':', ',', '(', '[', '==', '!=', '<', '<=', '>', '>=', '..', '+', '-', '*', '/', '%',
  'return', 'print', 'say', 'and', 'or', 'not', 'in', 'to', 'at', 'wait', 'until', 'fade', 'fps', 'option', 'stop',
]);
const DECLARATIONS = new Set(['room', 'actor', 'object', 'costume', 'dialog']);
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9][A-Za-z0-9_]*(?:\.[0-9][A-Za-z0-9_]*)?/y;

/** Reads the token that starts exactly at `offset` (no space skipping). */
export function tokenAt(text: string, offset: number): Found {
  if (offset >= text.length) return { kind: 'eof', text: '', start: text.length, end: text.length };
  const c = text[offset]!;
  if (c === '\n' || c === '\r') return { kind: 'eol', text: '', start: offset, end: offset };
  if (c === '"') return { kind: 'string', text: '"', start: offset, end: offset + 1 };
  for (const [kind, re] of [['word', WORD], ['number', NUMBER]] as const) {
    re.lastIndex = offset;
    const m = re.exec(text);
    if (m) return { kind, text: m[0], start: offset, end: offset + m[0].length };
  }
  const op = OPERATORS.find((o) => text.startsWith(o, offset)) ?? c;
  return { kind: 'punct', text: op, start: offset, end: offset + op.length };
}

/** Scans `text` up to (not including) `limit` and reports what is open there. */
export function scanTo(text: string, limit: number): ScanResult {
  const frames: Frame[] = [{ char: 'root', offset: -1, owner: 'the file', ownerOffset: 0, isBody: true, tokens: [] }];
  let previous: Token | undefined;
  const top = () => frames[frames.length - 1]!;
  const note = (t: Token) => {
    top().tokens.push(t);
    previous = t;
  };
  let i = 0;
  while (i < limit) {
    const frame = top();
    const c = text[i]!;
    if (frame.char === 'string') {
      if (c === '\\') i += 2;
      else if (c === '\n' || c === '\r') frames.pop(); // never closed: the grammar reports that
      else if (c === '{') {
        frames.push({ char: 'interp', offset: i, owner: 'the `{…}` in the string', ownerOffset: i, isBody: false, tokens: [] });
        previous = { kind: 'punct', text: '{', start: i, end: ++i };
      } else if (c === '"') {
        frames.pop();
        note({ kind: 'string', text: text.slice(frame.offset, ++i), start: frame.offset, end: i });
      } else i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\uFEFF') i++;
    else if (c === '\n' || c === '\r' || c === ';') {
      if (frame.isBody) frame.tokens = [];
      i++;
    } else if (text.startsWith('//', i)) {
      while (i < limit && text[i] !== '\n') i++;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? limit : close + 2;
    } else if (c === '"') {
      frames.push({ char: 'string', offset: i++, owner: 'the string', ownerOffset: i, isBody: false, tokens: [] });
    } else {
      const token = tokenAt(text, i) as Token;
      i = token.end;
      if (c === '(' || c === '[' || c === '{') {
        frames.push(openFrame(c, token.start, frame));
        previous = token;
      } else if ((c === ')' || c === ']' || c === '}') && (frame.char === OPENER_OF[c] || (c === '}' && frame.char === 'interp'))) {
        frames.pop();
        if (frame.char === 'interp') previous = token;
        else if (frame.isBody) {
          top().tokens = [];
          previous = token;
        } else note(token);
      } else note(token);
    }
  }
  const open = frames.filter((f): f is Frame & OpenBracket => f.char !== 'root' && f.char !== 'string');
  return { open: open.map(({ tokens: _tokens, ...bracket }) => bracket), previous, statement: top().tokens };
}

/** Decides what a bracket opens from the tokens of its statement so far. */
function openFrame(char: '(' | '[' | '{', offset: number, parent: Frame): Frame {
  const tokens = parent.tokens;
  const prev = tokens[tokens.length - 1];
  const first = tokens[0];
  const frame: Frame = { char, offset, owner: '', ownerOffset: offset, isBody: false, tokens: [] };
  if (first?.kind === 'word') frame.firstWord = first.text;
  const continues = prev === undefined ? !parent.isBody : EXPRESSION_CONTINUES.has(prev.text) || !parent.isBody;
  const follows = prev !== undefined && (prev.kind !== 'punct' || prev.text === ')' || prev.text === ']') && !EXPRESSION_CONTINUES.has(prev.text) && !RESERVED_WORDS.has(prev.text);
  if (char === '(') {
    const name = tokens[1]?.text;
    if (first?.text === 'fn' && tokens.length === 2) frame.owner = `the parameter list of \`${name}\``;
    else if (first?.text === 'on' && tokens.length === 2 && parent.isBody) frame.owner = `the parameter list of the \`on ${name}\` handler`;
    else if (follows && prev.kind === 'word') frame.owner = `the call to \`${prev.text}\``;
    else frame.owner = follows ? 'the call' : 'the parenthesis';
    return frame;
  }
  if (char === '[') {
    frame.owner = follows ? 'the index' : 'the list';
    return frame;
  }
  if (continues) {
    frame.owner = 'the map';
    return frame;
  }
  frame.isBody = true;
  frame.owner = bodyOwner(tokens);
  if (first) frame.ownerOffset = first.start;
  return frame;
}

/** "the room `beach`", "the `on look` handler", "the `else if` block", … */
function bodyOwner(tokens: Token[]): string {
  const [first, second] = tokens;
  const name = second?.kind === 'word' ? ` \`${second.text}\`` : '';
  switch (first?.text) {
    case undefined: return 'the block';
    case 'fn': return `the function${name}`;
    case 'on': return second ? `the \`on ${second.text}\` handler` : 'the handler';
    case 'verbs': return 'the `verbs` list';
    case 'option': return 'the dialog option';
    case 'if': case 'while': case 'for':
      return `the \`${first.text}\` ${first.text === 'if' ? 'block' : 'loop'}`;
    case 'else': return second?.text === 'if' ? 'the `else if` block' : 'the `else` block';
    case 'cutscene': return 'the cutscene';
    default: return DECLARATIONS.has(first.text) ? `the ${first.text}${name}` : 'the block';
  }
}

/** Line and column (from 1) of an offset, counting lines the way Peggy does. */
export function positionAt(text: string, offset: number): { offset: number; line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}
