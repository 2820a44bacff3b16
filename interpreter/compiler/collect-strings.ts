// The translatable text of a program: every string a player can read — lines
// of `say`, dialog options, `name` properties, verb labels, and string
// literals that reach `say` through a variable the compiler can follow. Each
// gets an id that survives edits elsewhere: the file, the enclosing
// declaration or handler, and a hash of the text itself (a line's position is
// deliberately not part of it, so inserting a line above or rewording a
// neighbour keeps every other id). Also warns about lines built with `+`,
// which a translator cannot translate as fragments.

import type * as A from '../syntax/ast.js';
import { fnv1a64 } from '../bytecode/hash.js';
import { AstWalker } from './ast-walker.js';
import type { Diagnostics } from './diagnostics.js';
import type { ProgramModel } from './program-model.js';
import { keepAlive } from '../keep-alive.js';

/** One unit of player-readable text, as a translator sees it. */
export interface TranslatableString {
  /** Stable id: `<file stem>.<declaration path>.<hash of the text>` (plus `.2`, `.3` for repeats in one place). */
  id: string;
  /** The source text; interpolated expressions show as placeholders: `{n}`, `{hero.name}`, else `{1}`, `{2}`. */
  text: string;
  /** What kind of text it is. */
  role: 'line' | 'option' | 'name' | 'verb';
  /** The other form of a `plural(n, "one", "other")` text (`text` is the singular). */
  plural?: string;
  /** The speaker of a line, when the `say` names one. */
  speaker?: string;
  /** The voice file a `say … voice "…"` names (an asset path). */
  voice?: string;
  /** True when the author pinned the id (`say "…" #id`): rewording keeps it. */
  pinned?: boolean;
  /** The room the text belongs to, when it sits inside a room. */
  room?: string;
  /** The declaration or handler it sits in, as `room harbour / on enter`. */
  context: string;
  file: string;
  line: number;
}

/** The strings of a program, and the literal each came from (the code generator gives those TEXT). */
export interface CollectedStrings {
  strings: TranslatableString[];
  byNode: Map<A.Expr, TranslatableString>;
  /** The line each `say` shows, when it is a collected string (a literal, or a variable bound to one). */
  bySay: Map<A.Stmt, TranslatableString>;
}

/** Collects every translatable string of the model's programs, in source order, and warns about lines built from pieces. */
export function collectStrings(model: ProgramModel, diag?: Diagnostics): TranslatableString[] {
  return collectStringNodes(model, diag).strings;
}

/** collectStrings, with the node of each string. */
export function collectStringNodes(model: ProgramModel, diag?: Diagnostics): CollectedStrings {
  const out: CollectedStrings = { strings: [], byNode: new Map(), bySay: new Map() };
  const pins = new Map<string, A.Ident>();
  for (const { program } of model.programs) new Collector(program.file, out, diag, pins).program(program);
  return out;
}

/** The placeholder text of an interpolated expression: its name when it is one, else its position. */
export function placeholder(e: A.Expr, index: number): string {
  if (e.kind === 'Name') return e.name;
  if (e.kind === 'Member' && e.target.kind === 'Name') return `${e.target.name}.${e.name.name}`;
  return String(index);
}

/** The text of a literal string or interpolation, or undefined for anything else. */
export function literalText(e: A.Expr): string | undefined {
  if (e.kind === 'String') return e.value;
  if (e.kind !== 'Interp') return undefined;
  let n = 0;
  return e.parts.map((p) => (typeof p === 'string' ? p : `{${placeholder(p, ++n)}}`)).join('');
}

/** True for `"a" + x` chains that mix literal text with other values. */
function isFragmented(e: A.Expr): boolean {
  if (e.kind !== 'Binary' || e.op !== '+') return false;
  const parts: A.Expr[] = [];
  const flatten = (x: A.Expr): void => {
    if (x.kind === 'Binary' && x.op === '+') {
      flatten(x.left);
      flatten(x.right);
    } else parts.push(x);
  };
  flatten(e);
  return parts.some((p) => literalText(p) !== undefined) && parts.some((p) => literalText(p) === undefined);
}

/** A call of the `plural` builtin whose two forms are literal texts (and so translatable). */
export function isPluralCall(e: A.Expr): e is A.Call {
  return e.kind === 'Call' && e.callee.kind === 'Name' && e.callee.name === 'plural' && e.args.length === 3 && literalText(e.args[1]!) !== undefined && literalText(e.args[2]!) !== undefined;
}

class Collector extends AstWalker {
  private readonly stem: string;
  private path: string[] = [];
  private room: string | undefined;
  /** Names bound to a string literal in the current scope (top-level `const`/`var`, then `let`s of the unit). */
  private globals = new Map<string, A.Expr>();
  private locals = new Map<string, A.Expr>();
  private readonly seen = new Map<string, number>();
  private readonly taken = new Set<A.Expr>();

  constructor(
    private readonly file: string,
    private readonly out: CollectedStrings,
    private readonly diag: Diagnostics | undefined,
    /** Pinned ids seen so far in any file, with where. */
    private readonly pins: Map<string, A.Ident>,
  ) {
    super();
    keepAlive(this);
    this.stem = file.replace(/^.*[\\/]/, '').replace(/\.adv$/, '');
  }

  program(p: A.Program): void {
    for (const d of p.decls) if ((d.kind === 'Const' || d.kind === 'Var') && literalText(d.kind === 'Const' ? d.value : d.init) !== undefined) this.globals.set(d.name.name, d.kind === 'Const' ? d.value : d.init);
    for (const d of p.decls) this.decl(d);
  }

  private within(part: string, f: () => void): void {
    this.path.push(part);
    try {
      f();
    } finally {
      this.path.pop();
    }
  }

  private decl(d: A.TopLevel): void {
    switch (d.kind) {
      case 'Fn':
        return this.within(`fn ${d.name.name}`, () => this.unit(d.body));
      case 'Handler':
        return this.handler(d);
      case 'Verbs':
        return this.within('verbs', () => {
          for (const v of d.verbs) this.add(v.label, v.label.value, 'verb', undefined, v.id.name);
        });
      case 'Actor':
        return this.within(`actor ${d.name.name}`, () => this.entity(d.properties, d.handlers));
      case 'Object':
        return this.within(`object ${d.name.name}`, () => this.entity(d.properties, d.handlers));
      case 'Room':
        this.room = d.name.name;
        this.within(`room ${d.name.name}`, () => {
          this.entity(d.properties, d.handlers);
          for (const o of d.objects) this.decl(o);
        });
        this.room = undefined;
        return;
      case 'Dialog':
        return this.within(`dialog ${d.name.name}`, () => {
          for (const o of d.options) {
            this.text(o.text, 'option', undefined, o.pin);
            this.within('option', () => this.unit(o.body));
          }
        });
      case 'Const':
      case 'Var':
      case 'Costume':
      case 'Return':
        return;
    }
  }

  private entity(properties: A.Property[], handlers: A.Handler[]): void {
    for (const p of properties) if (p.name.name === 'name') this.text(p.value, 'name');
    for (const h of handlers) this.handler(h);
  }

  private handler(h: A.Handler): void {
    const label = `on ${h.event.name}${h.with ? ` with ${h.with.name}` : ''}`;
    this.within(label, () => this.unit(h.body));
  }

  private unit(body: A.Block): void {
    this.locals = new Map();
    this.block(body);
  }

  override expr(e: A.Expr): A.Expr {
    if (isPluralCall(e)) this.pluralText(e);
    return super.expr(e);
  }

  /** `plural(n, "{n} coin", "{n} coins")` with literal forms: one unit with both forms. */
  private pluralText(e: A.Call, speaker?: string, pin?: A.Ident): TranslatableString {
    const known = this.out.byNode.get(e);
    if (known !== undefined) return known;
    for (const form of [e.args[1]!, e.args[2]!]) this.taken.add(form);
    if (pin !== undefined) this.checkPin(pin);
    const entry = this.add(e, literalText(e.args[1]!)!, 'line', speaker, undefined, pin?.name);
    entry.plural = literalText(e.args[2]!)!;
    return entry;
  }

  override stmt(s: A.Stmt): A.Stmt | undefined {
    if (s.kind === 'Let' && literalText(s.init) !== undefined) this.locals.set(s.name.name, s.init);
    if (s.kind === 'Say' && isPluralCall(s.text)) {
      this.out.bySay.set(s, this.pluralText(s.text, s.actor?.name, s.pin));
    } else if (s.kind === 'Say') {
      const bound = s.text.kind === 'Name' ? (this.locals.get(s.text.name) ?? this.globals.get(s.text.name)) : undefined;
      const entry = this.text(bound ?? s.text, 'line', s.actor?.name, s.pin);
      if (entry !== undefined) {
        if (s.voice?.kind === 'String') entry.voice = s.voice.value;
        this.out.bySay.set(s, entry);
      }
    }
    return super.stmt(s);
  }

  private text(e: A.Expr, role: TranslatableString['role'], speaker?: string, pin?: A.Ident): TranslatableString | undefined {
    const text = literalText(e);
    if (text !== undefined) {
      if (this.taken.has(e)) return this.out.byNode.get(e);
      this.taken.add(e);
      if (pin !== undefined) this.checkPin(pin);
      return this.add(e, text, role, speaker, undefined, pin?.name);
    } else if (isFragmented(e)) {
      this.diag?.warn('STRING_FRAGMENTS', 'This text is built from pieces with `+`, which cannot be translated as one line.', e.span, {
        hint: 'write it as one string with interpolation, as in "You have {n} coins"',
      });
    }
    return undefined;
  }

  /** A pinned id is the author's: the same one twice is an error (translations would be shared by accident). */
  private checkPin(pin: A.Ident): void {
    const first = this.pins.get(pin.name);
    if (first === undefined) {
      this.pins.set(pin.name, pin);
      return;
    }
    this.diag?.error('DUPLICATE_TEXT_ID', `The text id #${pin.name} is pinned twice.`, pin.span, {
      hint: `it was first pinned at ${first.span.source}:${first.span.start.line}; give each text an id of its own`,
    });
  }

  private add(node: A.Expr, text: string, role: TranslatableString['role'], speaker?: string, key?: string, pinned?: string): TranslatableString {
    const where = this.path.join(' / ');
    const base = pinned ?? `${this.stem}.${this.path.map((p) => p.replace(/\s+/g, '_')).join('.')}.${key ?? fnv1a64(new TextEncoder().encode(text)).slice(0, 8)}`;
    const count = pinned === undefined ? (this.seen.get(base) ?? 0) + 1 : 1;
    if (pinned === undefined) this.seen.set(base, count);
    const entry: TranslatableString = { id: count === 1 ? base : `${base}.${count}`, text, role, context: where, file: this.file, line: node.span.start.line };
    if (pinned !== undefined) entry.pinned = true;
    if (speaker !== undefined) entry.speaker = speaker;
    if (this.room !== undefined) entry.room = this.room;
    this.out.strings.push(entry);
    this.out.byNode.set(node, entry);
    return entry;
  }
}
