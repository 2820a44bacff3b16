// `cairn fmt`: the one layout of Cairn script (docs/language.md, "Layout"). No
// options, like gofmt: two spaces of indent per block, one statement,
// property or declaration per line (or several joined by `; ` where the
// author put them on one line), a block stays on one line when the author
// wrote it so (`on look { say "Hi." }`), at most one blank line between
// things, and every comment where it was. Formatting twice changes nothing,
// and the formatted program compiles to the same code. A construct with a
// comment inside where none can be placed (`if x /* c */ {`) is copied as written.

import type * as A from './ast.js';
import { ExpressionWriter } from './format-expression.js';
import { parse } from './parse.js';
import { findComments, type Comment } from './source-comments.js';

const INDENT = '  ';
// Brackets a trailing comment's source column in the printed lines until alignTrailingComments.
const COLUMN_MARK = '\u0001';
const COLUMN_END = '\u0002';
const MARKED = /\u0001(\d+)\u0002/;

/** The formatted text of one `.adv` file; throws the parser's CairnError when it does not parse. */
export function formatSource(text: string, file = '<source>'): string {
  const program = parse(text, file);
  const out = alignTrailingComments(new Formatter(text).program(program));
  return out === '' ? '' : `${out}\n`;
}

/**
 * A comment after code keeps the column it had when the code before it
 * leaves room (so comments the author lined up stay lined up); otherwise it
 * follows the code after one space.
 */
function alignTrailingComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (let m = MARKED.exec(line); m; m = MARKED.exec(line)) {
        const code = line.slice(0, m.index);
        const column = Number(m[1]);
        line = code + (code.length < column ? ' '.repeat(column - code.length) : ' ') + line.slice(m.index + m[0].length);
      }
      return line;
    })
    .join('\n');
}

/** Something printed as one entry of a list: its span and how to write it at an indent. */
interface Item {
  start: number;
  end: number;
  write(depth: number): string;
}

class Formatter {
  private readonly comments: Comment[];
  private readonly emitted = new Set<Comment>();
  private readonly lineStarts: number[] = [0];
  private readonly expr: ExpressionWriter;

  constructor(private readonly text: string) {
    this.comments = findComments(text);
    this.expr = new ExpressionWriter(text);
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  program(p: A.Program): string {
    return this.items(p.decls.map((d) => this.item(d, (depth) => this.top(d, depth))), 0, this.text.length, 0).join('\n');
  }

  // ─── Lists of things, with their comments and blank lines ─────────────────

  /** A node as a list entry: printed normally, or copied as written when it hides a comment. */
  private item(node: { span: A.NodeBase['span'] }, write: (depth: number) => string): Item {
    const start = node.span.start.offset;
    const end = node.span.end.offset;
    return {
      start,
      end,
      write: (depth) => {
        const printed = write(depth);
        const inside = this.comments.filter((c) => c.start >= start && c.end <= end);
        if (inside.every((c) => this.emitted.has(c))) return printed;
        for (const c of inside) this.emitted.add(c);
        return this.text.slice(start, end);
      },
    };
  }

  /**
   * The lines of a list of items between offsets `from` and `to` (the inside
   * of braces, or the whole file), each at `depth`: comments before an item
   * go on their own lines, comments after it on its line stay there, and
   * items the author put on one line stay joined by `separator`.
   */
  private items(list: Item[], from: number, to: number, depth: number, separator = '; '): string[] {
    const pad = INDENT.repeat(depth);
    const lines: string[] = [];
    let last = from;
    // The first line of the list may be that of the opening brace: nothing is blank before it.
    let atStart = true;
    const pushLine = (start: number, line: string, joinable: boolean) => {
      if (!atStart && this.blankBetween(last, start)) lines.push('');
      if (joinable && lines.length > 0 && !atStart) lines[lines.length - 1] += separator + line;
      else lines.push(pad + line);
      atStart = false;
    };
    // Comments after an item on its line stay there, at their column when the code leaves room.
    const trailing = (after: number): boolean => {
      let attached = false;
      for (const c of this.commentsBetween(after, to)) {
        if (c.ownLine || this.lineOf(c.start) !== this.lineOf(after)) break;
        this.emitted.add(c);
        lines[lines.length - 1] += this.trailingComment(c);
        last = c.end;
        attached = true;
      }
      return attached;
    };
    let joinable = false;
    for (const item of list) {
      for (const c of this.commentsBetween(last, item.start)) {
        this.emitted.add(c);
        pushLine(c.start, c.text, false);
        last = c.end;
      }
      const text = item.write(depth);
      const sameLine = joinable && this.lineOf(last) === this.lineOf(item.start) && !text.includes('\n');
      pushLine(item.start, text, sameLine);
      last = item.end;
      joinable = !trailing(item.end) && !text.includes('\n');
    }
    for (const c of this.commentsBetween(last, to)) {
      this.emitted.add(c);
      pushLine(c.start, c.text, false);
      last = c.end;
    }
    return lines;
  }

  /** `{ … }` around a list: on one line when the author wrote it so and nothing forbids it. */
  private braced(list: Item[], open: number, close: number, depth: number, separator = '; '): string {
    const hasComments = this.commentsBetween(open, close).length > 0;
    if (list.length === 0 && !hasComments) return '{}';
    if (!hasComments && this.lineOf(open) === this.lineOf(close)) {
      const parts = list.map((i) => i.write(depth + 1));
      if (parts.every((p) => !p.includes('\n'))) return `{ ${parts.join(separator)} }`;
    }
    // Comments on the line of `{` stay after it: `on look { // why`.
    const first = list[0]?.start ?? close;
    const head = this.commentsBetween(open, first).filter((c) => !c.ownLine && this.lineOf(c.start) === this.lineOf(open));
    for (const c of head) this.emitted.add(c);
    const lines = this.items(list, open + 1, close, depth + 1, separator);
    return [`{${head.map((c) => this.trailingComment(c)).join('')}`, ...lines, `${INDENT.repeat(depth)}}`].join('\n');
  }

  /** A comment at the end of a line, marked with its column; alignTrailingComments places it. */
  private trailingComment(c: Comment): string {
    return `${COLUMN_MARK}${this.columnOf(c.start)}${COLUMN_END}${c.text}`;
  }

  private commentsBetween(from: number, to: number): Comment[] {
    return this.comments.filter((c) => c.start >= from && c.end <= to && !this.emitted.has(c));
  }

  private blankBetween(from: number, to: number): boolean {
    return /\n[ \t\r\uFEFF]*\n/.test(this.text.slice(from, to));
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private columnOf(offset: number): number {
    return offset - this.lineStarts[this.lineOf(offset)]!;
  }

  /** The offset of the first `{` at or after `from` outside comments. */
  private openBrace(from: number): number {
    let i = from;
    while (i < this.text.length && this.text[i] !== '{') {
      const comment = this.comments.find((c) => c.start === i);
      i = comment ? comment.end : i + 1;
    }
    return i;
  }

  // ─── Declarations ─────────────────────────────────────────────────────────

  private top(d: A.TopLevel, depth: number): string {
    switch (d.kind) {
      case 'Fn': {
        const params = d.params.map((p) => (p.default ? `${p.name.name} = ${this.expr.write(p.default, depth)}` : p.name.name));
        return `fn ${d.name.name}(${params.join(', ')}) ${this.block(d.body, depth)}`;
      }
      case 'Const':
        return `const ${d.name.name} = ${this.expr.write(d.value, depth)}`;
      case 'Var':
        return `var ${d.name.name} = ${this.expr.write(d.init, depth)}`;
      case 'Handler':
        return this.handler(d, depth);
      case 'Verbs': {
        const entries = d.verbs.map((v) => this.item(v, (inner) => `${v.id.name}: ${this.expr.write(v.label, inner)}`));
        return `verbs ${this.braced(entries, this.openBrace(d.span.start.offset), d.span.end.offset - 1, depth, ', ')}`;
      }
      case 'Actor':
      case 'Object':
      case 'Room':
      case 'Costume': {
        const members: Array<A.Property | A.Handler | A.ObjectDecl> = [...d.properties];
        if (d.kind !== 'Costume') members.push(...d.handlers);
        if (d.kind === 'Room') members.push(...d.objects);
        members.sort((a, b) => a.span.start.offset - b.span.start.offset);
        const items = members.map((m) => this.item(m, (inner) => this.member(m, inner)));
        return `${d.kind.toLowerCase()} ${d.name.name} ${this.braced(items, this.openBrace(d.name.span.end.offset), d.span.end.offset - 1, depth)}`;
      }
      case 'Dialog': {
        const options = d.options.map((o) => this.item(o, (inner) => this.option(o, inner)));
        return `dialog ${d.name.name} ${this.braced(options, this.openBrace(d.name.span.end.offset), d.span.end.offset - 1, depth)}`;
      }
      case 'Return':
        return d.value ? `return ${this.expr.write(d.value, depth)}` : 'return';
    }
  }

  private member(m: A.Property | A.Handler | A.ObjectDecl, depth: number): string {
    if (m.kind === 'Property') return `${m.name.name}: ${this.expr.write(m.value, depth)}${m.fps ? ` fps ${this.expr.write(m.fps, depth)}` : ''}`;
    return this.top(m, depth);
  }

  private handler(h: A.Handler, depth: number): string {
    const withPart = h.with ? ` with ${h.with.name}` : '';
    const params = h.params.length > 0 ? `(${h.params.map((p) => p.name).join(', ')})` : '';
    return `on ${h.event.name}${withPart}${params} ${this.block(h.body, depth)}`;
  }

  private option(o: A.DialogOption, depth: number): string {
    const once = o.once ? ' once' : '';
    const condition = o.condition ? ` if ${this.expr.write(o.condition, depth)}` : '';
    return `option ${this.expr.write(o.text, depth)}${o.pin ? ` #${o.pin.name}` : ''}${once}${condition} ${this.block(o.body, depth)}`;
  }

  // ─── Statements ───────────────────────────────────────────────────────────

  private block(b: A.Block, depth: number): string {
    const items = b.body.map((s) => this.item(s, (inner) => this.statement(s, inner)));
    return this.braced(items, b.span.start.offset, b.span.end.offset - 1, depth);
  }

  private statement(s: A.Stmt, depth: number): string {
    const e = (x: A.Expr) => this.expr.write(x, depth);
    switch (s.kind) {
      case 'Block': return this.block(s, depth);
      case 'Let': return `let ${s.name.name} = ${e(s.init)}`;
      case 'Assign': return `${e(s.target)} ${s.op} ${e(s.value)}`;
      case 'ExprStmt': return e(s.expr);
      case 'If': return this.ifStatement(s, depth);
      case 'While': return `while ${e(s.cond)} ${this.block(s.body, depth)}`;
      case 'For': return `for ${s.variable.name} in ${e(s.iterable)} ${this.block(s.body, depth)}`;
      case 'Break': return 'break';
      case 'Continue': return 'continue';
      case 'Return': return s.value ? `return ${e(s.value)}` : 'return';
      case 'Wait': return `wait ${e(s.amount)}${s.unit === 'ticks' ? ' ticks' : ''}`;
      case 'WaitUntil': return `wait until ${e(s.cond)}`;
      case 'Yield': return 'yield';
      case 'StopThread': return `stop ${e(s.thread)}`;
      case 'Print': return `print ${e(s.value)}`;
      case 'Debug': return 'debug';
      case 'Say': return `${s.actor ? `say ${s.actor.name} ${e(s.text)}` : `say ${e(s.text)}`}${s.pin ? ` #${s.pin.name}` : ''}${s.voice ? ` voice ${e(s.voice)}` : ''}`;
      case 'Walk': return `walk ${s.actor.name} to ${e(s.to)}`;
      case 'Choose': return `choose ${s.dialog.name}`;
      case 'Cutscene': return `cutscene ${this.block(s.body, depth)}`;
      case 'Take': return `take ${s.object.name}`;
      case 'Drop': return `drop ${s.object.name}`;
      case 'Go': return `go ${s.room.name}`;
      case 'Put': return `put ${s.actor.name} in ${s.room.name} at ${e(s.at)}`;
      case 'Control': return `control ${s.actor.name}`;
      case 'Face': return `face ${s.actor.name} ${s.direction}`;
      case 'Show': return `show ${s.object.name}`;
      case 'Hide': return `hide ${s.object.name}`;
      case 'PlaySound': return `play sound ${e(s.file)}`;
      case 'PlayMusic': return `play music ${e(s.file)}${s.fade ? ` fade ${e(s.fade)}` : ''}`;
      case 'StopMusic': return `stop music${s.fade ? ` fade ${e(s.fade)}` : ''}`;
      case 'EndGame': return 'end game';
      case 'Done': return 'done';
    }
  }

  /**
   * `} else {` after a block of several lines; after a one-line block the
   * `else` stays where the author put it (`if a { … }` and `else { … }` on
   * the next line is the sample game's style).
   */
  private ifStatement(s: A.If, depth: number): string {
    const then = this.block(s.then, depth);
    const head = `if ${this.expr.write(s.cond, depth)} ${then}`;
    if (!s.otherwise) return head;
    const rest = s.otherwise.kind === 'If' ? this.ifStatement(s.otherwise, depth) : this.block(s.otherwise, depth);
    const elseOnNewLine = !then.includes('\n') && this.lineOf(s.then.span.end.offset) !== this.lineOf(s.otherwise.span.start.offset);
    return `${head}${elseOnNewLine ? `\n${INDENT.repeat(depth)}` : ' '}else ${rest}`;
  }
}
