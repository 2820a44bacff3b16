// Pass 3, check: the compile-time rules that are not about what names mean.
// Guarantees to fold and emit: calls to known functions and natives pass an
// accepted number of arguments; `break`/`continue` sit inside loops and
// `done` inside dialog options; built-in functions are only called; `spawn`
// starts script functions; tuples in code are pairs; handler events are known
// verbs or built-in events; asset paths in statements exist. Warns about
// code after return/break/continue/done.

import type * as A from '../syntax/ast.js';
import { didYouMean } from '../edit-distance.js';
import type { AssetChecker } from './assets.js';
import { AstWalker } from './ast-walker.js';
import { checkExpressionStatement } from './check-statements.js';
import { ASSET_PROPERTY_KINDS } from './property-table.js';
import type { Diagnostics } from './diagnostics.js';
import { describeArity, readsAsValue } from './known-natives.js';
import type { ProgramModel, Unit } from './program-model.js';
import { keepAlive } from '../keep-alive.js';

/**
 * Events that need no verb declaration: `start` and `unhandled` (top level),
 * `enter` and `exit` (rooms) and `walk` (the one built-in verb). Every other
 * handler names a verb, which a `verbs` block, when there is one, must declare:
 * otherwise the player could never send it.
 */
export const BUILTIN_EVENTS: ReadonlySet<string> = new Set(['start', 'unhandled', 'enter', 'exit', 'walk']);

/** Properties that hold an asset path, so a literal assigned to one is checked and counted as used. */
const ASSET_MEMBERS: ReadonlySet<string> = new Set(['sprite', 'icon', 'background', 'music', 'sheet']);

/** Checks every unit and handler of the model. */
export function check(model: ProgramModel, diag: Diagnostics, assets: AssetChecker): void {
  const c = new Checker(model, diag, assets);
  for (const unit of model.units) c.checkUnit(unit);
  if (model.hasVerbs) for (const h of model.handlers) c.checkEvent(h.decl.event);
}

class Checker extends AstWalker {
  private loops = 0;
  private inDialog = false;

  constructor(
    private readonly model: ProgramModel,
    private readonly diag: Diagnostics,
    private readonly assets: AssetChecker,
  ) {
    super();
    keepAlive(this);
  }

  checkUnit(unit: Unit): void {
    this.loops = 0;
    this.inDialog = unit.inDialog;
    for (const p of unit.params) if (p.default) this.expr(p.default);
    for (const init of unit.inits ?? []) this.expr(init.expr);
    this.block(unit.body);
  }

  checkEvent(event: A.Ident): void {
    if (BUILTIN_EVENTS.has(event.name) || this.model.verbs.has(event.name)) return;
    this.diag.error('UNKNOWN_VERB', `\`${event.name}\` is not a declared verb.`, event.span, {
      hint: didYouMean(event.name, [...this.model.verbs.keys(), ...BUILTIN_EVENTS]) ?? `declare it in the \`verbs { … }\` block, as in \`${event.name}: "${event.name[0]!.toUpperCase()}${event.name.slice(1)}"\``,
    });
  }

  override block(block: A.Block): void {
    let warned = false;
    let leaves = false;
    for (const stmt of block.body) {
      if (leaves && !warned) {
        this.diag.warn('UNREACHABLE_CODE', 'This code can never run: the statement before it always leaves the block.', stmt.span);
        warned = true;
      }
      this.stmt(stmt);
      if (stmt.kind === 'Return' || stmt.kind === 'Break' || stmt.kind === 'Continue' || stmt.kind === 'Done') leaves = true;
    }
  }

  override stmt(s: A.Stmt): A.Stmt | undefined {
    switch (s.kind) {
      case 'Assign':
        super.stmt(s);
        // `door.sprite = "art/open.png"`: a file named in code is checked like one named in a declaration.
        if (s.target.kind === 'Member' && ASSET_MEMBERS.has(s.target.name.name) && s.value.kind === 'String') this.assets.check(s.value.value, s.value.span, ASSET_PROPERTY_KINDS.get(s.target.name.name));
        return s;
      case 'ExprStmt':
        checkExpressionStatement(s, this.model, this.diag);
        return super.stmt(s);
      case 'While':
      case 'For':
        this.loops++;
        super.stmt(s);
        this.loops--;
        return s;
      case 'Break':
        if (this.loops === 0) this.diag.error('BREAK_OUTSIDE_LOOP', '`break` can only be used inside a `while` or `for` loop.', s.span);
        return s;
      case 'Continue':
        if (this.loops === 0) this.diag.error('CONTINUE_OUTSIDE_LOOP', '`continue` can only be used inside a `while` or `for` loop.', s.span);
        return s;
      case 'Done':
        if (!this.inDialog) {
          this.diag.error('DONE_OUTSIDE_DIALOG', '`done` can only be used inside a dialog option.', s.span, { hint: 'it ends the dialog, as in `option "Bye." { done }`' });
        }
        return s;
      case 'PlaySound':
        this.assets.check(s.file.value, s.file.span, 'audio');
        return s;
      case 'Say':
        if (s.voice !== undefined) {
          if (s.voice.kind === 'String') this.assets.check(s.voice.value, s.voice.span, 'audio');
          else this.diag.error('INVALID_PROPERTY', 'A voice file is named by a plain string, as in `voice "voice/hello.ogg"`.', s.voice.span);
        }
        return super.stmt(s);
      case 'PlayMusic':
        this.assets.check(s.file.value, s.file.span, 'audio');
        return super.stmt(s);
      default:
        return super.stmt(s);
    }
  }

  override expr(e: A.Expr): A.Expr {
    switch (e.kind) {
      case 'Name':
        this.valueName(e);
        return e;
      case 'Tuple':
        if (e.items.length !== 2) {
          this.diag.error('INVALID_TUPLE', `A point has two numbers, (x, y); this has ${e.items.length}.`, e.span, { hint: 'tuples of other sizes are only for properties such as `hotspot:` and `scale:`' });
        }
        return super.expr(e);
      case 'Call':
        this.call(e, false);
        return e;
      case 'Spawn':
        this.call(e.call, true);
        return e;
      default:
        return super.expr(e);
    }
  }

  /** A name read as a value: built-in functions can only be called (`here` reads as a call). */
  private valueName(e: A.NameRef): void {
    const binding = this.model.bindings.get(e);
    if (binding?.kind !== 'native' || readsAsValue(binding.native)) return;
    this.diag.error('NOT_A_VALUE', `\`${e.name}\` is a built-in function: it can only be called, as in \`${e.name}(…)\`.`, e.span);
  }

  private call(e: A.Call, spawned: boolean): void {
    for (const arg of e.args) this.expr(arg);
    const binding = e.callee.kind === 'Name' ? this.model.bindings.get(e.callee) : undefined;
    if (binding === undefined || e.callee.kind !== 'Name') {
      this.expr(e.callee);
      return;
    }
    const name = e.callee.name;
    const argc = e.args.length;
    if (binding.kind === 'fn') {
      const { minArity, arity, decl } = binding.symbol;
      if (argc < minArity || argc > arity) {
        this.diag.error('WRONG_ARITY', `\`${name}\` takes ${describeArity(minArity, arity)}, but ${argc === 1 ? 'one is' : `${argc} are`} passed here.`, e.span, {
          notes: [{ message: `\`${name}\` is declared here`, span: decl.name.span }],
        });
      }
    } else if (binding.kind === 'native') {
      const { minArity, maxArity } = binding.native;
      if (spawned) {
        this.diag.error('INVALID_SPAWN', `\`${name}\` is a built-in function; \`spawn\` can only start a function written in script.`, e.callee.span, { hint: `wrap it: \`fn run_${name}() { … }\`, then \`spawn run_${name}()\`` });
      } else if (argc < minArity || argc > maxArity) {
        this.diag.error('WRONG_ARITY', `\`${name}\` takes ${describeArity(minArity, maxArity)}, but ${argc === 1 ? 'one is' : `${argc} are`} passed here.`, e.span);
      }
    }
  }
}

