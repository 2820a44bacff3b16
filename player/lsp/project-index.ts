// What the language server knows about names: every declaration of a
// project's scripts and every place a name, a costume, a verb or an asset path
// is used, found by walking the parsed files (interpreter/syntax/parse.ts).
// Names resolve the way docs/language.md, "Scope" says: locals of the
// enclosing blocks first, then the one set of top-level names. It serves go
// to definition, references, rename, hover, completion and the outline.

import type * as A from '../../interpreter/syntax/ast.js';
import type { Span } from '../../interpreter/errors.js';
import { WELL_KNOWN_PROPERTIES, type PropertyOwner } from '../../interpreter/compiler/property-table.js';

/** What kind of thing a name declares. */
export type SymbolKind = 'room' | 'object' | 'actor' | 'costume' | 'dialog' | 'verb' | 'fn' | 'var' | 'const' | 'local' | 'param' | 'property' | 'handler';

/** A declaration: its name's span, what it is and what holds it. */
export interface Declaration {
  key: string;
  kind: SymbolKind;
  name: string;
  span: Span;
  /** The whole declaration, for the outline. */
  full: Span;
  /** The entity or function it belongs to (objects: their room; properties and handlers: their entity). */
  container?: string;
  /** For consts, vars, properties and params: the value expression. */
  value?: A.Expr;
}

/** One use of a name (or an asset path): where, and which key it means. */
export interface Reference {
  key: string;
  span: Span;
  /** For string references (costume names, asset paths): the span excludes the quotes. */
  inString?: boolean;
}

/** A local variable and the part of its file where it can be seen. */
export interface ScopedLocal {
  key: string;
  name: string;
  file: string;
  from: number;
  to: number;
}

/** Keys: one namespace for top-level names, others for costumes, verbs, assets, properties. */
export const keys = {
  global: (name: string) => `g:${name}`,
  costume: (name: string) => `c:${name}`,
  verb: (name: string) => `v:${name}`,
  asset: (path: string) => `a:${path}`,
  property: (owner: string, name: string) => `p:${owner}.${name}`,
  local: (file: string, offset: number) => `l:${file}:${offset}`,
};

/** The owner name of a costume's properties, apart from the entity names (`costume hero`). */
export function costumeOwner(name: string): string {
  return `costume ${name}`;
}

/** The properties whose string value is an asset path, by the table's kind. */
function isAssetProperty(owner: PropertyOwner, name: string): boolean {
  return WELL_KNOWN_PROPERTIES[owner].get(name)?.kind === 'asset';
}

/** The index of one project's parsed scripts. */
export class ProjectIndex {
  readonly declarations = new Map<string, Declaration>();
  readonly references: Reference[] = [];
  readonly locals: ScopedLocal[] = [];
  /** Entity name → its kind, for properties after a dot. */
  readonly entityKinds = new Map<string, Exclude<PropertyOwner, 'costume'> | 'dialog'>();
  /** Every dialog option text written as a plain string, for walkthroughs. */
  readonly optionTexts = new Set<string>();
  /** True when some option's text is computed (`option "{n} coins"`): its text is only known at run time. */
  dynamicOptions = false;

  constructor(programs: readonly A.Program[]) {
    for (const p of programs) this.declareTop(p);
    for (const p of programs) new FileWalker(this, p.file).program(p);
  }

  /** The declaration a key names, if the project has it. */
  declaration(key: string): Declaration | undefined {
    return this.declarations.get(key);
  }

  /** Every span that means `key`: its declaration first, then its uses. */
  occurrences(key: string): Array<{ span: Span; inString?: boolean }> {
    const decl = this.declarations.get(key);
    const uses = this.references.filter((r) => r.key === key);
    return decl ? [{ span: decl.span }, ...uses] : uses;
  }

  /** What sits at an offset of a file: a declaration's name or a use. */
  keyAt(file: string, offset: number): string | undefined {
    const inside = (s: Span) => s.source === file && s.start.offset <= offset && offset <= s.end.offset;
    for (const r of this.references) if (inside(r.span)) return r.key;
    for (const d of this.declarations.values()) if (inside(d.span)) return d.key;
    return undefined;
  }

  /** The locals visible at an offset of a file. */
  localsAt(file: string, offset: number): ScopedLocal[] {
    return this.locals.filter((l) => l.file === file && l.from <= offset && offset <= l.to);
  }

  /** Declarations of a kind. */
  all(kind: SymbolKind): Declaration[] {
    return [...this.declarations.values()].filter((d) => d.kind === kind);
  }

  add(decl: Declaration): void {
    if (!this.declarations.has(decl.key)) this.declarations.set(decl.key, decl);
  }

  private declareTop(p: A.Program): void {
    for (const d of p.decls) {
      switch (d.kind) {
        case 'Fn':
          this.add({ key: keys.global(d.name.name), kind: 'fn', name: d.name.name, span: d.name.span, full: d.span });
          break;
        case 'Const':
          this.add({ key: keys.global(d.name.name), kind: 'const', name: d.name.name, span: d.name.span, full: d.span, value: d.value });
          break;
        case 'Var':
          this.add({ key: keys.global(d.name.name), kind: 'var', name: d.name.name, span: d.name.span, full: d.span, value: d.init });
          break;
        case 'Verbs':
          for (const v of d.verbs) this.add({ key: keys.verb(v.id.name), kind: 'verb', name: v.id.name, span: v.id.span, full: v.span, value: v.label });
          break;
        case 'Costume':
          // Costumes have their own names and no members: `hero` may be an actor and its costume.
          this.add({ key: keys.costume(d.name.name), kind: 'costume', name: d.name.name, span: d.name.span, full: d.span });
          this.declareProperties(costumeOwner(d.name.name), d.properties);
          break;
        case 'Actor':
        case 'Object':
          this.declareEntity(d, d.kind === 'Actor' ? 'actor' : 'object', undefined);
          break;
        case 'Room':
          this.declareEntity(d, 'room', undefined);
          for (const o of d.objects) this.declareEntity(o, 'object', d.name.name);
          break;
        case 'Dialog':
          this.add({ key: keys.global(d.name.name), kind: 'dialog', name: d.name.name, span: d.name.span, full: d.span });
          this.entityKinds.set(d.name.name, 'dialog');
          for (const o of d.options) {
            if (o.text.kind === 'String') this.optionTexts.add(o.text.value);
            else this.dynamicOptions = true;
          }
          break;
        default:
          break;
      }
    }
  }

  private declareEntity(d: A.ActorDecl | A.ObjectDecl | A.RoomDecl, kind: 'room' | 'object' | 'actor', room: string | undefined): void {
    this.add({ key: keys.global(d.name.name), kind, name: d.name.name, span: d.name.span, full: d.span, container: room });
    this.entityKinds.set(d.name.name, kind);
    this.declareProperties(d.name.name, d.properties);
  }

  private declareProperties(owner: string, properties: readonly A.Property[]): void {
    for (const p of properties) this.add({ key: keys.property(owner, p.name.name), kind: 'property', name: p.name.name, span: p.name.span, full: p.span, container: owner, value: p.value });
  }
}

/** Walks one file's code, resolving names through the scopes of its blocks. */
class FileWalker {
  private scopes: Array<Map<string, string>> = [];

  constructor(
    private readonly index: ProjectIndex,
    private readonly file: string,
  ) {}

  program(p: A.Program): void {
    for (const d of p.decls) this.top(d, undefined);
  }

  private top(d: A.TopLevel, owner: string | undefined): void {
    switch (d.kind) {
      case 'Fn':
        return this.scoped(() => {
          for (const param of d.params) {
            if (param.default) this.expr(param.default);
            this.local(param.name, 'param', d.span, d.name.name);
          }
          this.block(d.body);
        });
      case 'Const':
        return this.expr(d.value);
      case 'Var':
        return this.expr(d.init);
      case 'Handler':
        return this.handler(d, owner);
      case 'Verbs':
        return;
      case 'Costume':
        return this.properties('costume', d.properties);
      case 'Actor':
      case 'Object':
      case 'Room':
        this.properties(d.kind === 'Actor' ? 'actor' : d.kind === 'Object' ? 'object' : 'room', d.properties);
        for (const h of d.handlers) this.handler(h, d.name.name);
        if (d.kind === 'Room') for (const o of d.objects) this.top(o, d.name.name);
        return;
      case 'Dialog':
        for (const o of d.options) {
          this.expr(o.text);
          if (o.condition) this.expr(o.condition);
          this.block(o.body);
        }
        return;
      case 'Return':
        if (d.value) this.expr(d.value);
    }
  }

  private handler(h: A.Handler, owner: string | undefined): void {
    const name = `on ${h.event.name}${h.with ? ` with ${h.with.name}` : ''}`;
    this.index.add({ key: `h:${this.file}:${h.span.start.offset}`, kind: 'handler', name, span: h.event.span, full: h.span, container: owner });
    if (this.index.declaration(keys.verb(h.event.name))) this.index.references.push({ key: keys.verb(h.event.name), span: h.event.span });
    if (h.with) this.ref(h.with);
    this.scoped(() => {
      for (const p of h.params) this.local(p, 'param', h.span, name);
      this.block(h.body);
    });
  }

  private properties(owner: PropertyOwner, properties: readonly A.Property[]): void {
    for (const p of properties) {
      if (p.value.kind === 'String' && isAssetProperty(owner, p.name.name)) this.stringRef(keys.asset(p.value.value), p.value);
      else if (p.value.kind === 'String' && owner === 'actor' && p.name.name === 'costume') this.stringRef(keys.costume(p.value.value), p.value);
      else this.expr(p.value);
      if (p.fps) this.expr(p.fps);
    }
  }

  // ─── Scopes ──────────────────────────────────────────────────────────────

  private scoped(body: () => void): void {
    this.scopes.push(new Map());
    body();
    this.scopes.pop();
  }

  /** Declares a local seen from its declaration to the end of the enclosing `scope`. */
  private local(ident: A.Ident, kind: 'local' | 'param', scope: Span, container: string | undefined, value?: A.Expr): void {
    const key = keys.local(this.file, ident.span.start.offset);
    this.scopes[this.scopes.length - 1]!.set(ident.name, key);
    this.index.add({ key, kind, name: ident.name, span: ident.span, full: ident.span, container, value });
    this.index.locals.push({ key, name: ident.name, file: this.file, from: ident.span.end.offset, to: scope.end.offset });
  }

  private lookup(name: string): string {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const key = this.scopes[i]!.get(name);
      if (key) return key;
    }
    return keys.global(name);
  }

  private ref(ident: A.Ident | A.NameRef): void {
    this.index.references.push({ key: this.lookup(ident.name), span: ident.span });
  }

  private stringRef(key: string, s: A.StringLit): void {
    const { start, end } = s.span;
    this.index.references.push({
      key,
      inString: true,
      span: { source: s.span.source, start: { offset: start.offset + 1, line: start.line, column: start.column + 1 }, end: { offset: end.offset - 1, line: end.line, column: end.column - 1 } },
    });
  }

  // ─── Code ────────────────────────────────────────────────────────────────

  private block(b: A.Block): void {
    this.scopes.push(new Map());
    for (const s of b.body) this.statement(s, b);
    this.scopes.pop();
  }

  private statement(s: A.Stmt, enclosing: A.Block): void {
    switch (s.kind) {
      case 'Block': return this.block(s);
      case 'Let':
        this.expr(s.init);
        return this.local(s.name, 'local', enclosing.span, undefined, s.init);
      case 'Assign':
        this.expr(s.target);
        // `hero.costume = "hero_wet"` names a costume, as the declaration's `costume:` does.
        if (s.target.kind === 'Member' && s.target.name.name === 'costume' && s.value.kind === 'String') return this.stringRef(keys.costume(s.value.value), s.value);
        return this.expr(s.value);
      case 'ExprStmt': return this.expr(s.expr);
      case 'If':
        this.expr(s.cond);
        this.block(s.then);
        if (s.otherwise) return s.otherwise.kind === 'If' ? this.statement(s.otherwise, enclosing) : this.block(s.otherwise);
        return;
      case 'While': this.expr(s.cond); return this.block(s.body);
      case 'For':
        this.expr(s.iterable);
        this.scopes.push(new Map());
        this.local(s.variable, 'local', s.body.span, undefined);
        this.block(s.body);
        this.scopes.pop();
        return;
      case 'Return': if (s.value) this.expr(s.value); return;
      case 'Wait': return this.expr(s.amount);
      case 'WaitUntil': return this.expr(s.cond);
      case 'StopThread': return this.expr(s.thread);
      case 'Print': return this.expr(s.value);
      case 'Say': if (s.actor) this.ref(s.actor); return this.expr(s.text);
      case 'Walk': this.ref(s.actor); return this.expr(s.to);
      case 'Choose': return this.ref(s.dialog);
      case 'Cutscene': return this.block(s.body);
      case 'Take': case 'Drop': case 'Show': case 'Hide': return this.ref(s.object);
      case 'Go': return this.ref(s.room);
      case 'Put': this.ref(s.actor); this.ref(s.room); return this.expr(s.at);
      case 'Control': case 'Face': return this.ref(s.actor);
      case 'PlaySound': return this.stringRef(keys.asset(s.file.value), s.file);
      case 'PlayMusic': this.stringRef(keys.asset(s.file.value), s.file); if (s.fade) this.expr(s.fade); return;
      case 'StopMusic': if (s.fade) this.expr(s.fade); return;
      default: return;
    }
  }

  private expr(e: A.Expr): void {
    switch (e.kind) {
      case 'Name': return this.ref(e);
      case 'Interp': for (const p of e.parts) if (typeof p !== 'string') this.expr(p); return;
      case 'List': case 'Tuple': for (const i of e.items) this.expr(i); return;
      case 'Map': for (const m of e.entries) this.expr(m.value); return;
      case 'Unary': return this.expr(e.operand);
      case 'Binary': this.expr(e.left); return this.expr(e.right);
      case 'Call': this.expr(e.callee); for (const a of e.args) this.expr(a); return;
      case 'Index': this.expr(e.target); return this.expr(e.index);
      case 'Spawn': return this.expr(e.call);
      case 'Member':
        this.expr(e.target);
        if (e.target.kind === 'Name' && this.lookup(e.target.name).startsWith('g:')) this.index.references.push({ key: keys.property(e.target.name, e.name.name), span: e.name.span });
        return;
      default: return;
    }
  }
}
