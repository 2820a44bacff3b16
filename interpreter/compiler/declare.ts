// Pass 2a, declare: walks the top level of every parsed file and fills the
// model's global tables. Guarantees to the next passes: every top-level name
// (const, var, fn, room, object, actor, dialog) is in `globals` exactly once,
// costumes and verbs in their own tables; every global has an index; every
// body of code (fn, handler, dialog option and its condition) is a Unit with
// a unique name and a fixed function index, and `<init>` is the last unit.

import type * as A from '../syntax/ast.js';
import type { Span } from '../errors.js';
import type { Diagnostics } from './diagnostics.js';
import type { GlobalInit, GlobalSymbol, ProgramModel, Unit, UnitParam, ValueEntityKind } from './program-model.js';
import { keepAlive } from '../keep-alive.js';

/** Fills `model` from the parsed programs. */
export function declare(model: ProgramModel, diag: Diagnostics): void {
  const d = new Declarer(model, diag);
  for (const { program, file } of model.programs) d.declareProgram(program, file);
  d.finish();
}

class Declarer {
  private readonly names = new Set<string>();
  private readonly constInits: GlobalInit[] = [];
  private readonly varInits: GlobalInit[] = [];
  private readonly handlerKeys = new Map<string, A.Handler>();
  private file = 0;

  constructor(
    private readonly model: ProgramModel,
    private readonly diag: Diagnostics,
  ) {
    keepAlive(this);
  }

  declareProgram(program: A.Program, file: number): void {
    this.file = file;
    for (const decl of program.decls) this.declareTop(decl);
  }

  /**
   * Adds the init units. A runtime error names one file per function, so when
   * globals come from several files each file gets its own init function
   * (consts of every file first, then vars) and `<init>` calls them in order.
   */
  finish(): void {
    const all = [...this.constInits, ...this.varInits];
    const fallback = this.model.programs[0]?.program.span ?? { source: this.model.files[0] ?? '', start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
    const block = (span: Span): A.Block => ({ kind: 'Block', body: [], span });
    const files = new Set(all.map((i) => i.file));
    if (files.size <= 1) {
      this.file = all[0]?.file ?? 0;
      const unit = this.addUnit('<init>', 'init', [], block(fallback), fallback, false);
      unit.inits = all;
      this.model.initUnit = unit.index;
      return;
    }
    const calls: number[] = [];
    for (const [what, inits] of [['consts', this.constInits], ['vars', this.varInits]] as const) {
      for (const file of [...new Set(inits.map((i) => i.file))].sort((a, b) => a - b)) {
        this.file = file;
        const mine = inits.filter((i) => i.file === file);
        const span = mine[0]!.expr.span;
        const unit = this.addUnit(`<init ${what} ${this.model.files[file]}>`, 'init', [], block(span), span, false);
        unit.inits = mine;
        calls.push(unit.index);
      }
    }
    this.file = 0;
    const main = this.addUnit('<init>', 'init', [], block(fallback), fallback, false);
    main.initCalls = calls;
    this.model.initUnit = main.index;
  }

  private declareTop(decl: A.TopLevel): void {
    switch (decl.kind) {
      case 'Fn':
        return this.declareFn(decl);
      case 'Const':
      case 'Var':
        return this.declareGlobal(decl);
      case 'Handler':
        return this.declareHandler(decl, '', '');
      case 'Verbs':
        return this.declareVerbs(decl);
      case 'Costume':
        return this.declareCostume(decl);
      case 'Actor':
        this.declareEntity(decl, 'actor');
        this.model.actors.push(decl);
        for (const h of decl.handlers) this.declareHandler(h, decl.name.name, `${decl.name.name}.`);
        return;
      case 'Object':
        return this.declareObject(decl, null);
      case 'Room':
        return this.declareRoom(decl);
      case 'Dialog':
        return this.declareDialog(decl);
      case 'Return':
        return this.diag.error('RETURN_AT_TOP_LEVEL', '`return` can only be used inside a function or handler.', decl.span);
      default: {
        // The grammar builds nothing else here; another statement would be a grammar extension.
        const stray = decl as { span: Span };
        this.diag.error('INVALID_DECLARATION', 'Statements must be inside a function or a handler such as `on start { … }`.', stray.span);
      }
    }
  }

  /** Claims a top-level name, reporting a clash with an earlier declaration. */
  private claim(ident: A.Ident, symbol: GlobalSymbol): boolean {
    const previous = this.model.globals.get(ident.name);
    if (previous) {
      this.diag.error('DUPLICATE_NAME', `\`${ident.name}\` is declared twice.`, ident.span, {
        notes: [{ message: `\`${ident.name}\` was first declared here`, span: previous.decl.name.span }],
        hint: 'functions, constants, global variables, rooms, objects, actors and dialogs share one set of names',
      });
      return false;
    }
    this.model.globals.set(ident.name, symbol);
    return true;
  }

  private declareFn(decl: A.FnDecl): void {
    const params = this.checkParams(decl.params);
    let minArity = 0;
    while (minArity < params.length && params[minArity]!.default === undefined) minArity++;
    const unit = this.addUnit(decl.name.name, 'fn', params, decl.body, decl.span, false);
    this.claim(decl.name, { kind: 'fn', name: decl.name.name, decl, fn: unit.index, minArity, arity: params.length });
  }

  private checkParams(params: A.Param[]): UnitParam[] {
    const seen = new Set<string>();
    let sawDefault = false;
    for (const p of params) {
      if (seen.has(p.name.name)) this.diag.error('DUPLICATE_NAME', `The parameter \`${p.name.name}\` is listed twice.`, p.name.span);
      seen.add(p.name.name);
      if (p.default !== undefined) sawDefault = true;
      else if (sawDefault) {
        this.diag.error('INVALID_DECLARATION', `The parameter \`${p.name.name}\` needs a default value: it follows a parameter that has one.`, p.name.span, {
          hint: 'put parameters with defaults last, as in `fn greet(who, greeting = "Hello")`',
        });
      }
    }
    return params.map((p) => ({ name: p.name, default: p.default }));
  }

  private declareGlobal(decl: A.ConstDecl | A.VarDecl): void {
    const global = this.model.globalInfos.length;
    const symbol: GlobalSymbol = decl.kind === 'Const' ? { kind: 'const', name: decl.name.name, decl, global } : { kind: 'var', name: decl.name.name, decl, global };
    if (!this.claim(decl.name, symbol)) return;
    this.model.globalInfos.push({ name: decl.name.name, constant: decl.kind === 'Const' });
    const init: GlobalInit = { global, expr: decl.kind === 'Const' ? decl.value : decl.init, file: this.file };
    (decl.kind === 'Const' ? this.constInits : this.varInits).push(init);
  }

  private declareEntity(decl: A.RoomDecl | A.ObjectDecl | A.ActorDecl | A.DialogDecl, entity: ValueEntityKind): void {
    this.claim(decl.name, { kind: 'entity', name: decl.name.name, entity, decl });
  }

  private declareObject(decl: A.ObjectDecl, room: A.RoomDecl | null): void {
    this.declareEntity(decl, 'object');
    this.model.objects.push({ decl, room: room ? room.name.name : null });
    const prefix = room ? `${room.name.name}.${decl.name.name}.` : `${decl.name.name}.`;
    for (const h of decl.handlers) this.declareHandler(h, decl.name.name, prefix);
  }

  private declareRoom(decl: A.RoomDecl): void {
    this.declareEntity(decl, 'room');
    this.model.rooms.push(decl);
    for (const o of decl.objects) this.declareObject(o, decl);
    for (const h of decl.handlers) this.declareHandler(h, decl.name.name, `${decl.name.name}.`);
  }

  private declareVerbs(decl: A.VerbsDecl): void {
    this.model.hasVerbs = true;
    for (const v of decl.verbs) {
      const previous = this.model.verbs.get(v.id.name);
      if (previous) {
        this.diag.error('DUPLICATE_NAME', `The verb \`${v.id.name}\` is declared twice.`, v.id.span, { notes: [{ message: 'first declared here', span: previous.id.span }] });
        continue;
      }
      this.model.verbs.set(v.id.name, v);
    }
  }

  private declareCostume(decl: A.CostumeDecl): void {
    const previous = this.model.costumes.get(decl.name.name);
    if (previous) {
      this.diag.error('DUPLICATE_NAME', `The costume \`${decl.name.name}\` is declared twice.`, decl.name.span, { notes: [{ message: 'first declared here', span: previous.name.span }] });
      return;
    }
    this.model.costumes.set(decl.name.name, decl);
  }

  /**
   * A handler becomes a unit named `prefix` + `on EVENT [with X]`. Its
   * parameters (`on unhandled(verb, target)`) all default to nil, so the
   * runtime may pass fewer arguments than the author lists.
   */
  private declareHandler(decl: A.Handler, owner: string, prefix: string): void {
    const event = decl.event.name;
    const label = `on ${event}${decl.with ? ` with ${decl.with.name}` : ''}`;
    const key = `${owner}\u0000${event}\u0000${decl.with?.name ?? ''}`;
    const previous = this.handlerKeys.get(key);
    // Several top-level `on start` may exist (one per file, say): they run in order.
    if (previous && !(owner === '' && event === 'start')) {
      this.diag.error('DUPLICATE_NAME', `\`${label}\` is declared twice${owner ? ` for \`${owner}\`` : ''}.`, decl.event.span, { notes: [{ message: 'first declared here', span: previous.event.span }] });
    }
    this.handlerKeys.set(key, decl);
    const seen = new Set<string>();
    const params: UnitParam[] = decl.params.map((p) => {
      if (seen.has(p.name)) this.diag.error('DUPLICATE_NAME', `The parameter \`${p.name}\` is listed twice.`, p.span);
      seen.add(p.name);
      return { name: p, default: { kind: 'Nil', span: p.span } };
    });
    const unit = this.addUnit(`${prefix}${label}`, 'handler', params, decl.body, decl.span, false);
    this.model.handlers.push({ owner, event, with: decl.with?.name, unit: unit.index, decl });
  }

  private declareDialog(decl: A.DialogDecl): void {
    this.declareEntity(decl, 'dialog');
    const options = decl.options.map((option, i) => {
      const name = `${decl.name.name}.option ${i + 1}`;
      let condition: number | undefined;
      if (option.condition) {
        const cond = option.condition;
        const body: A.Block = { kind: 'Block', span: cond.span, body: [{ kind: 'Return', value: cond, span: cond.span }] };
        condition = this.addUnit(`${name} if`, 'condition', [], body, cond.span, false).index;
      }
      const body = this.addUnit(name, 'option', [], option.body, option.span, true).index;
      return { option, body, condition };
    });
    this.model.dialogs.push({ decl, options });
  }

  private addUnit(base: string, kind: Unit['kind'], params: UnitParam[], body: A.Block, span: Span, inDialog: boolean): Unit {
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base} #${n}`;
    this.names.add(name);
    const unit: Unit = { index: this.model.units.length, name, file: this.file, kind, params, body, span, inDialog, locals: params.length };
    this.model.units.push(unit);
    return unit;
  }
}
