// The NativeContext the VM hands to natives: one object per VM whose threadId
// the dispatch loop sets before each call, so calling a native allocates
// nothing. What natives may ask of the VM goes through here and nowhere else.

import type { Limits } from './memory.js';
import { BlockSignal, type BlockReason, type NativeContext } from './native-table.js';
import { nextFloat } from './prng.js';
import type { Value } from './values.js';
import type { VM } from './vm.js';

/** The NativeContext: one per VM, its threadId set by the dispatch loop before each native call. */
export class NativeContextImpl implements NativeContext {
  threadId = 0;
  /** The reason given to block(), until the dispatch loop takes it. */
  pendingReason: BlockReason = null;
  constructor(private readonly vm: VM) {}
  get tick(): number {
    return this.vm.state.tick;
  }
  get limits(): Readonly<Limits> {
    return this.vm.limits;
  }
  random(): number {
    return nextFloat(this.vm.state.rng);
  }
  block(reason: BlockReason): BlockSignal {
    this.pendingReason = reason;
    return BlockSignal.INSTANCE;
  }
  allocate(bytes: number): void {
    this.vm.charge(bytes);
  }
  get workLeft(): number {
    return this.vm.fuel;
  }
  spend(units: number): void {
    this.vm.spend(units);
  }
  display(v: Value): string {
    return this.vm.display(v);
  }
  sourcePluralForm(count: number): number {
    return this.vm.texts.sourceFormFor(count);
  }
}
