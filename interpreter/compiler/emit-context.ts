// What the emitters share: the module-wide pools (constants, native imports)
// and the state of the function being emitted (its code buffer, the loops
// and cutscenes it is inside). Constants and imports are deduplicated here.

import type { Constant, EntityKind, TextEntry } from '../bytecode/module.js';
import type { CollectedStrings } from './collect-strings.js';
import type { FunctionBuilder, Label } from './emit-function.js';
import type { ProgramModel, Unit } from './program-model.js';
import { keepAlive } from '../keep-alive.js';

/** The module's constant pool and native imports, built while emitting. */
export class ModuleBuilder {
  readonly constants: Constant[] = [];
  /** The texts TEXT instructions name (module.texts). */
  readonly texts: TextEntry[] = [];
  /** Translatable literals and the line of each `say` (collect-strings.ts); empty: no TEXT is emitted. */
  translatable: Pick<CollectedStrings, 'byNode' | 'bySay'> = { byNode: new Map(), bySay: new Map() };
  private readonly textIndex = new Map<string, number>();
  readonly natives: string[] = [];
  private readonly numbers = new Map<number, number>();
  private negativeZero = -1;
  private readonly strings = new Map<string, number>();
  private readonly entities = new Map<string, number>();
  private readonly nativeIndex = new Map<string, number>();

  /**
   * An empty pool, or one that continues `existing` (compileExpression
   * extends a finished module): its entries keep their indices and are reused.
   */
  constructor(existing?: { readonly constants: readonly Constant[]; readonly natives: readonly string[] }) {
    keepAlive(this);
    for (const c of existing?.constants ?? []) {
      const k = this.add(c);
      if (typeof c === 'number') {
        if (Object.is(c, -0)) {
          if (this.negativeZero < 0) this.negativeZero = k;
        } else if (!this.numbers.has(c)) this.numbers.set(c, k);
      } else if (typeof c === 'string') {
        if (!this.strings.has(c)) this.strings.set(c, k);
      } else {
        const key = `${c.entity}:${c.name}`;
        if (!this.entities.has(key)) this.entities.set(key, k);
      }
    }
    for (const name of existing?.natives ?? []) {
      if (!this.nativeIndex.has(name)) this.nativeIndex.set(name, this.natives.length);
      this.natives.push(name);
    }
  }

  /** The constant index of a number. */
  number(n: number): number {
    // Map keys treat -0 as 0, but the VM must see the sign.
    if (Object.is(n, -0)) return this.negativeZero >= 0 ? this.negativeZero : (this.negativeZero = this.add(-0));
    let k = this.numbers.get(n);
    if (k === undefined) this.numbers.set(n, (k = this.add(n)));
    return k;
  }

  /** The constant index of a string. */
  string(s: string): number {
    let k = this.strings.get(s);
    if (k === undefined) this.strings.set(s, (k = this.add(s)));
    return k;
  }

  /** The constant index of an entity reference. */
  entity(entity: EntityKind, name: string): number {
    const key = `${entity}:${name}`;
    let k = this.entities.get(key);
    if (k === undefined) this.entities.set(key, (k = this.add({ entity, name })));
    return k;
  }

  /** The index of a text, by its id (one id, one text). */
  text(entry: TextEntry): number {
    let k = this.textIndex.get(entry.id);
    if (k === undefined) {
      k = this.texts.push(entry) - 1;
      this.textIndex.set(entry.id, k);
    }
    return k;
  }

  /** The import index of a native. */
  native(name: string): number {
    let k = this.nativeIndex.get(name);
    if (k === undefined) {
      k = this.natives.length;
      this.natives.push(name);
      this.nativeIndex.set(name, k);
    }
    return k;
  }

  private add(c: Constant): number {
    this.constants.push(c);
    return this.constants.length - 1;
  }
}

/** A loop being emitted: where `break` and `continue` go. */
export interface LoopTargets {
  breakLabel: Label;
  continueLabel: Label;
  /** Cutscenes open when the loop started; `break` ends the ones opened inside it. */
  cutscenes: number;
}

/** The state of emitting one unit. */
export interface EmitContext {
  model: ProgramModel;
  mod: ModuleBuilder;
  fb: FunctionBuilder;
  unit: Unit;
  loops: LoopTargets[];
  /** Cutscene blocks open at this point of the code. */
  cutscenes: number;
  /** Emit a LINE instruction where each statement starts (compiled with {debug: true}). */
  debug: boolean;
}
