// Pass 2b, resolve: gives every name in every unit a meaning and every local
// a slot. Guarantees to the next passes: each NameRef (and each entity Ident
// of an adventure statement) has a Binding in `model.bindings`; each `let`
// has a slot, each `for` two hidden slots plus its variable's slot; each
// unit's `locals` counts its slots (parameters first). Reports unknown names
// (with "did you mean"), bad assignments, wrong entity kinds and unused locals.

import type * as A from '../syntax/ast.js';
import { didYouMean } from '../edit-distance.js';
import { AstWalker } from './ast-walker.js';
import { suggest, type Diagnostics } from './diagnostics.js';
import { describeSymbol, type Binding, type ProgramModel, type Unit, type ValueEntityKind } from './program-model.js';
import { keepAlive } from '../keep-alive.js';

/** Resolves every unit of the model. */
export function resolve(model: ProgramModel, diag: Diagnostics): void {
  const r = new Resolver(model, diag);
  for (const unit of model.units) r.resolveUnit(unit);
  for (const h of model.handlers) if (h.decl.with) r.resolveWithTarget(h.decl.with);
}

interface LocalVar {
  slot: number;
  ident: A.Ident;
  reads: number;
  /** Only `let` locals are reported when never read (not parameters or loop variables). */
  reportUnused: boolean;
}

const UNKNOWN: Binding = { kind: 'unknown' };

class Resolver extends AstWalker {
  private scopes: Array<Map<string, LocalVar>> = [];
  /** The first free slot when each scope opened. */
  private scopeStarts: number[] = [];
  private nextSlot = 0;
  private maxSlot = 0;

  constructor(
    private readonly model: ProgramModel,
    private readonly diag: Diagnostics,
  ) {
    super();
    keepAlive(this);
  }

  resolveUnit(unit: Unit): void {
    this.scopes = [];
    this.scopeStarts = [];
    this.nextSlot = 0;
    this.maxSlot = 0;
    this.pushScope();
    // A default may read the parameters before it, not those after.
    for (const p of unit.params) {
      if (p.default) this.expr(p.default);
      this.declareLocal(p.name, false);
    }
    for (const init of unit.inits ?? []) this.expr(init.expr);
    this.block(unit.body);
    this.popScope();
    unit.locals = this.maxSlot;
  }

  /** `on use with key`: the other thing must be an object or an actor. */
  resolveWithTarget(ident: A.Ident): void {
    const symbol = this.model.globals.get(ident.name);
    if (symbol?.kind === 'entity' && (symbol.entity === 'object' || symbol.entity === 'actor')) return;
    const candidates = [...this.model.globals.values()].filter((s) => s.kind === 'entity' && (s.entity === 'object' || s.entity === 'actor')).map((s) => s.name);
    const message = symbol ? `\`${ident.name}\` is ${describeSymbol(symbol)}, not an object or actor: \`with\` needs the other thing the verb acts on.` : `There is no object or actor called \`${ident.name}\`.`;
    this.diag.error('UNKNOWN_ENTITY', message, ident.span, { hint: didYouMean(ident.name, candidates) });
  }

  // ─── Scopes ──────────────────────────────────────────────────────────────

  private pushScope(): void {
    this.scopes.push(new Map());
    this.scopeStarts.push(this.nextSlot);
  }

  private popScope(): void {
    const scope = this.scopes.pop()!;
    for (const local of scope.values()) {
      if (local.reportUnused && local.reads === 0 && !local.ident.name.startsWith('_')) {
        this.diag.warn('UNUSED_LOCAL', `The local variable \`${local.ident.name}\` is never read.`, local.ident.span, { hint: 'remove it, or start its name with `_` to keep it' });
      }
    }
    // Slots of a finished block are free again for later siblings.
    this.nextSlot = this.scopeStarts.pop()!;
  }

  private allocate(count: number): number {
    const slot = this.nextSlot;
    this.nextSlot += count;
    if (this.nextSlot > this.maxSlot) this.maxSlot = this.nextSlot;
    return slot;
  }

  private declareLocal(ident: A.Ident, reportUnused: boolean, slot = this.allocate(1)): number {
    const scope = this.scopes[this.scopes.length - 1]!;
    const previous = scope.get(ident.name);
    if (previous) {
      this.diag.error('DUPLICATE_NAME', `\`${ident.name}\` is already declared in this block.`, ident.span, {
        notes: [{ message: 'first declared here', span: previous.ident.span }],
        hint: `to change it, write \`${ident.name} = …\` without \`let\``,
      });
    }
    scope.set(ident.name, { slot, ident, reads: 0, reportUnused });
    return slot;
  }

  private findLocal(name: string): LocalVar | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const local = this.scopes[i]!.get(name);
      if (local) return local;
    }
    return undefined;
  }

  /** "did you mean" among the names visible here: locals, then globals, then natives. */
  private suggestName(name: string): string | undefined {
    const locals: string[] = [];
    for (const scope of this.scopes) locals.push(...scope.keys());
    const natives = [...this.model.natives.values()].filter((n) => n.callable).map((n) => n.name);
    return suggest(name, [locals, this.model.globals.keys(), natives]);
  }

  // ─── Statements ──────────────────────────────────────────────────────────

  override block(block: A.Block): void {
    this.pushScope();
    super.block(block);
    this.popScope();
  }

  override stmt(s: A.Stmt): A.Stmt | undefined {
    switch (s.kind) {
      case 'Let':
        super.stmt(s);
        this.model.letSlots.set(s, this.declareLocal(s.name, true));
        return s;
      case 'Assign':
        super.stmt(s);
        if (s.target.kind === 'Name') this.assignName(s.target, s.op !== '=');
        return s;
      case 'For':
        this.forLoop(s);
        return s;
      case 'Say':
        if (s.actor) this.entity(s.actor, 'actor');
        return super.stmt(s);
      case 'Walk':
        this.entity(s.actor, 'actor');
        return super.stmt(s);
      case 'Choose':
        this.entity(s.dialog, 'dialog');
        return s;
      case 'Take':
      case 'Drop':
      case 'Show':
      case 'Hide':
        this.entity(s.object, 'object');
        return s;
      case 'Go':
        this.entity(s.room, 'room');
        return s;
      case 'Put':
        this.entity(s.actor, 'actor');
        this.entity(s.room, 'room');
        return super.stmt(s);
      case 'Control':
      case 'Face':
        this.entity(s.actor, 'actor');
        return s;
      default:
        return super.stmt(s);
    }
  }

  private forLoop(s: A.For): void {
    this.expr(s.iterable);
    this.pushScope();
    const numeric = s.iterable.kind === 'Binary' && s.iterable.op === '..';
    // A numeric loop whose variable the body never assigns counts in the variable itself.
    const shared = numeric && !assigns(s.body, s.variable.name);
    const hidden = this.allocate(shared ? 2 : 3);
    const variable = this.declareLocal(s.variable, false, shared ? hidden : hidden + 2);
    this.model.forSlots.set(s, { hidden, variable, numeric });
    this.block(s.body);
    this.popScope();
  }

  // ─── Names ───────────────────────────────────────────────────────────────

  private bind(node: A.NameRef | A.Ident, binding: Binding): void {
    this.model.bindings.set(node, binding);
  }

  /** The binding of a name being read; reports unknown names. */
  private lookup(node: A.NameRef | A.Ident): Binding {
    const local = this.findLocal(node.name);
    if (local) {
      local.reads++;
      return { kind: 'local', slot: local.slot };
    }
    const symbol = this.model.globals.get(node.name);
    if (symbol) {
      switch (symbol.kind) {
        case 'const':
          return { kind: 'const', symbol };
        case 'var':
          return { kind: 'global', index: symbol.global };
        case 'fn':
          return { kind: 'fn', fn: symbol.fn, symbol };
        case 'entity':
          return { kind: 'entity', entity: symbol.entity, name: symbol.name };
      }
    }
    const native = this.model.natives.get(node.name);
    if (native?.callable) return { kind: 'native', native };
    return UNKNOWN;
  }

  private name(node: A.NameRef): void {
    const binding = this.lookup(node);
    if (binding.kind === 'unknown') {
      this.diag.error('UNKNOWN_NAME', `\`${node.name}\` is not declared.`, node.span, { hint: this.suggestName(node.name) });
    }
    this.bind(node, binding);
  }

  private assignName(node: A.NameRef, compound: boolean): void {
    const local = this.findLocal(node.name);
    if (local) {
      if (compound) local.reads++;
      return this.bind(node, { kind: 'local', slot: local.slot });
    }
    const symbol = this.model.globals.get(node.name);
    if (symbol?.kind === 'var') return this.bind(node, { kind: 'global', index: symbol.global });
    this.bind(node, UNKNOWN);
    if (symbol?.kind === 'const') {
      this.diag.error('ASSIGN_CONST', `\`${node.name}\` is a constant and cannot be changed.`, node.span, {
        notes: [{ message: 'declared here', span: symbol.decl.name.span }],
        hint: `declare it with \`var ${node.name} = …\` to make it changeable`,
      });
    } else if (symbol) {
      this.diag.error('INVALID_TARGET', `\`${node.name}\` is ${describeSymbol(symbol)} and cannot be assigned.`, node.span, {
        hint: symbol.kind === 'entity' ? `to change one of its properties, write \`${node.name}.property = …\`` : undefined,
      });
    } else if (this.model.natives.get(node.name)?.callable) {
      this.diag.error('INVALID_TARGET', `\`${node.name}\` is a built-in function and cannot be assigned.`, node.span);
    } else {
      const close = this.suggestName(node.name);
      const declare = `declare it first: \`let ${node.name} = …\` (or \`var ${node.name} = …\` at top level)`;
      this.diag.error('ASSIGN_UNDECLARED', `\`${node.name}\` is not declared.`, node.span, { hint: close ? `${close} Otherwise ${declare}` : declare });
    }
  }

  /** An entity name in an adventure statement: an entity of `kind`, or a variable holding one. */
  private entity(ident: A.Ident, kind: ValueEntityKind): void {
    const binding = this.lookup(ident);
    this.bind(ident, binding);
    if (binding.kind === 'local' || binding.kind === 'global' || binding.kind === 'const') return;
    if (binding.kind === 'entity' && binding.entity === kind) return;
    const article = kind === 'object' || kind === 'actor' ? 'an' : 'a';
    const symbol = this.model.globals.get(ident.name);
    const candidates = [...this.model.globals.values()].filter((s) => s.kind === 'entity' && s.entity === kind).map((s) => s.name);
    const message = symbol ? `\`${ident.name}\` is ${describeSymbol(symbol)}, not ${article} ${kind}.` : `There is no ${kind} called \`${ident.name}\`.`;
    this.bind(ident, UNKNOWN);
    this.diag.error('UNKNOWN_ENTITY', message, ident.span, { hint: didYouMean(ident.name, candidates) });
  }

  // ─── Expressions ─────────────────────────────────────────────────────────

  override expr(e: A.Expr): A.Expr {
    if (e.kind === 'Name') {
      this.name(e);
      return e;
    }
    return super.expr(e);
  }
}

/** True when some statement in `block` (at any depth) assigns the name. */
function assigns(block: A.Block, name: string): boolean {
  const visit = (s: A.Stmt): boolean => {
    switch (s.kind) {
      case 'Assign':
        return s.target.kind === 'Name' && s.target.name === name;
      case 'Block':
        return s.body.some(visit);
      case 'If':
        return visit(s.then) || (s.otherwise !== undefined && visit(s.otherwise));
      case 'While':
      case 'For':
        return visit(s.body);
      case 'Cutscene':
        return visit(s.body);
      default:
        return false;
    }
  };
  return visit(block);
}
