// The VM: loads a module, owns the whole run-time state (globals, threads,
// random generator, tick counter, memory accounting) and schedules threads
// tick by tick. The dispatch loop (dispatch.ts) runs one thread; this file is
// the API hosts use and the slow paths that touch more than one thread.

import type { Module } from '../bytecode/module.js';
import { CairnError } from '../errors.js';
import { BUILTIN_NATIVES } from './builtins.js';
import { debugNative, framePlaces, UNKNOWN_PLACE, type DebugHook, type LineHook, type SourcePlace } from './debug-hooks.js';
import { execute } from './dispatch.js';
import { fastCode } from './fast/compile-function.js';
import type { FastFn } from './fast/fast-runtime.js';
import { display } from './display.js';
import { extendProgram } from './extension.js';
import { resolveLimits, SIZE, type Limits } from './memory.js';
import { NativeContextImpl } from './native-context.js';
import { buildNativeTable, type BlockReason, type NativeDef, type ResolvedNative } from './native-table.js';
import { loadProgram, type Program } from './program.js';
import { keeperModule } from './shape-keeper.js';
import { TextLanguage } from './texts.js';
import { arityError, budgetError, locateError } from './runtime-errors.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot.js';
import { freshState, measureState, type VmState } from './state.js';
import { createThread, ThreadState, waitInfo, type Thread, type ThreadInfo } from './thread.js';
import { ThreadHandle, typeName, type EntityRef, type Value } from './values.js';
import { CALL_COST } from './work.js';

/** What the VM asks of the world for `entity.member` (the adventure runtime implements it). */
export interface Host {
  getMember(ref: EntityRef, name: string): Value;
  setMember(ref: EntityRef, name: string, value: Value): void;
  /** Everything the host keeps for the game (entity properties, dialogs, transcripts): counted against maxMemory. */
  memoryRoots?(): readonly unknown[];
}

/** How to build a VM. */
export interface VMOptions {
  /** Host natives, added to BUILTIN_NATIVES (a name may be defined once). */
  natives?: readonly NativeDef[];
  /** Seed of the random generator (default 0). */
  seed?: number;
  limits?: Partial<Limits>;
  /** Where `print` writes (default console.log). */
  print?: (line: string) => void;
  host?: Host;
  /** Receives runtime errors; without it, tick() throws the first error after finishing the tick. */
  onError?: (error: CairnError, threadId: number) => void;
  /** Told of each LINE instruction: only code compiled with {debug: true} has them (`cairn run --trace`). */
  onLine?: LineHook;
  /** Told when a thread runs a `debug` statement; without it the statement does nothing. */
  onDebug?: DebugHook;
  /**
   * false: run every function in the interpreter. By default functions that
   * cannot suspend run in the fast tier (interpreter/vm/fast/), with the same
   * results, errors and limits; a VM with onLine or onDebug never uses it.
   */
  fastTier?: boolean;
  /** The language the scripts are written in (BCP 47, default 'en'): the plural rules of untranslated `plural()` texts. */
  sourceLanguage?: string;
}

export type { VmState } from './state.js';
export type { ThreadInfo } from './thread.js';
export type { DebugHook, LineHook, SourcePlace } from './debug-hooks.js';

/** The Cairn virtual machine. */
export class VM {
  /** The sandbox limits in force (defaults overridden by options.limits). */
  readonly limits: Readonly<Limits>;
  /** Where entity members live, if the host gave one. */
  readonly host: Host | undefined;
  /** The mutable state; replaced wholesale by restore(). */
  state: VmState;
  /** The context handed to natives; its threadId is set before each call. */
  readonly ctx: NativeContextImpl;
  /** Budget cost of one call, read by the dispatch loop. */
  readonly callCost = CALL_COST;
  /**
   * Work left in this tick's budget, shared by every thread of the tick (a
   * synchronous call outside a tick gets a budget of its own). The dispatch
   * loop keeps it in a local and writes it back before every call-out.
   * Initialised with a double (not left undefined), so V8 stores it unboxed
   * and writing it back allocates nothing.
   */
  fuel: number = Infinity;
  /** The language TEXT evaluates in and its translations (vm/texts.ts); the host switches it with `texts.set()`. Not part of a snapshot. */
  readonly texts: TextLanguage;
  /** The LINE hook, read by the dispatch loop (undefined: LINE does nothing). */
  readonly onLine: LineHook | undefined;
  /** The compiled form of each loaded function that has one (read by the dispatch loop at CALL). */
  readonly fastFns: ReadonlyArray<FastFn | undefined>;
  private readonly printLine: (line: string) => void;
  /** The loaded program, and the one running now (an extension of it while evaluate() runs). */
  private readonly loaded: Program;
  private active: Program;
  private readonly nativeTable: ReadonlyMap<string, ResolvedNative>;
  private readonly extensions = new WeakMap<Module, Program>();
  private readonly seed: number;
  /** Set while restore() recomputes initial globals: that run of init prints nothing. */
  private muted = false;
  private readonly onError: ((error: CairnError, threadId: number) => void) | undefined;
  private readonly byId = new Map<number, Thread>();
  /** Threads of synchronous calls in progress (memory roots, not scheduled). */
  private readonly syncThreads: Thread[] = [];
  private inTick = false;
  /** Threads started during the current tick: they run in it too, so this bounds a tick's work. */
  private spawnedThisTick = 0;
  private initialised = false;

  /** Loads `module`; unknown natives or a malformed module throw CairnError. */
  constructor(module: Module, options: VMOptions = {}) {
    const onDebug = options.onDebug;
    const debugRow = debugNative(onDebug && ((threadId) => onDebug(threadId, this.threadPlace(threadId) ?? UNKNOWN_PLACE)));
    this.nativeTable = buildNativeTable([...BUILTIN_NATIVES, debugRow, ...(options.natives ?? [])]);
    this.onLine = options.onLine;
    this.loaded = this.active = loadProgram(module, this.nativeTable);
    this.limits = Object.freeze(resolveLimits(options.limits));
    this.host = options.host;
    this.printLine = options.print ?? ((line) => console.log(line));
    this.onError = options.onError;
    this.seed = options.seed ?? 0;
    this.state = freshState(this.seed, module.globals.length);
    this.fuel = this.limits.instructionsPerTick;
    this.ctx = new NativeContextImpl(this);
    const fast = options.fastTier !== false && options.onLine === undefined && onDebug === undefined;
    this.fastFns = fast ? fastCode(this.loaded) : [];
    this.texts = new TextLanguage(options.sourceLanguage ?? 'en');
    keepShapes();
  }

  /** The program running: the loaded one, or while evaluate() runs, its extension. */
  get program(): Program {
    return this.active;
  }

  /** Runs the module's init function (global initialisers) once; it may not wait. */
  init(): void {
    if (this.initialised) throw new CairnError('USAGE', 'init() was already run');
    this.initialised = true;
    this.call(this.loaded.module.init);
  }

  /** Runs function `fnIndex` to completion right now and returns its result; it may not wait. */
  call(fnIndex: number, args: readonly Value[] = []): Value {
    const th = this.newThread(0, fnIndex, args);
    th.state = ThreadState.Running;
    const outerThreadId = this.ctx.threadId;
    // Inside a tick (a host native calling back) the call shares the tick's budget.
    if (!this.busy) this.fuel = this.limits.instructionsPerTick;
    this.syncThreads.push(th);
    try {
      execute(this, th);
    } catch (e) {
      throw this.locate(e, th);
    } finally {
      this.syncThreads.pop();
      this.ctx.threadId = outerThreadId;
    }
    // execute() changed the state behind TypeScript's back.
    if ((th.state as ThreadState) !== ThreadState.Done) {
      const err = new CairnError('RUNTIME', `\`${this.program.fns[th.fn]!.name}\` tried to wait, but it runs where waiting is not allowed`);
      throw this.locate(err, th, th.pc - 1);
    }
    return th.result;
  }

  /**
   * Runs function `fn` of `extended` (the loaded module with code appended, as
   * compileExpression gives it; else MODULE_INVALID) to completion now. The
   * appended code exists only during the call, so no save holds it; the random
   * generator and memory counters are kept, so looking does not change the run.
   */
  evaluate(extended: Module, fn: number): Value {
    let program = this.extensions.get(extended);
    if (program === undefined) {
      program = extendProgram(this.loaded, extended, this.nativeTable);
      this.extensions.set(extended, program);
    }
    const s = this.state;
    const rng = s.rng.slice();
    const { allocated, nextMeasure } = s;
    const outer = this.active;
    this.active = program;
    try {
      return this.call(fn);
    } finally {
      this.active = outer;
      s.rng.set(rng);
      s.allocated = allocated;
      s.nextMeasure = nextMeasure;
    }
  }

  /** Starts function `fnIndex` as a new thread (it runs from the next tick, or later in this one); returns its id. */
  spawn(fnIndex: number, args: readonly Value[] = []): number {
    return this.spawnThread(fnIndex, args).id;
  }

  /** Spawns every handler for `event` declared by `owner` ('' = top level), optionally only `on event with name`; returns their thread ids. */
  startHandlers(event: string, owner = '', args: readonly Value[] = [], withName?: string): number[] {
    const ids: number[] = [];
    for (const h of this.program.handlers) {
      if (h.event === event && h.owner === owner && h.with === withName) ids.push(this.spawn(h.fn, args));
    }
    return ids;
  }

  /**
   * Runs one tick: every runnable thread in creation order until it waits;
   * threads spawned meanwhile run after. The threads share one budget: the
   * thread that runs it out stops with BUDGET_EXCEEDED, and those that had not
   * run yet run in the next tick.
   */
  tick(): void {
    if (this.inTick) throw new CairnError('USAGE', 'tick() called from inside a tick');
    const now = this.state.tick;
    const threads = this.state.threads;
    let firstError: CairnError | undefined;
    this.inTick = true;
    this.spawnedThisTick = 0;
    this.fuel = this.limits.instructionsPerTick;
    try {
      for (let i = 0; i < threads.length && this.fuel > 0; i++) {
        const th = threads[i]!;
        if (th.state === ThreadState.Ready || (th.state === ThreadState.Waiting && th.wakeTick <= now)) {
          const err = this.runSlice(th);
          if (err !== undefined) {
            if (this.onError) this.onError(err, th.id);
            else firstError ??= err;
          }
        }
      }
    } finally {
      this.inTick = false;
      this.dropDeadThreads();
      this.state.tick = now + 1;
    }
    if (firstError !== undefined) throw firstError;
  }

  /** Ticks completed so far. */
  get tickCount(): number {
    return this.state.tick;
  }

  /** Live threads. */
  get threadCount(): number {
    return this.byId.size;
  }

  /** True when no thread will run again without the host: none left, or all blocked in natives. */
  get isIdle(): boolean {
    for (const th of this.byId.values()) if (th.state !== ThreadState.Blocked) return false;
    return true;
  }

  /** Ends a thread blocked in a native with `value` as the native's result; false when it is not blocked. */
  resume(threadId: number, value: Value = null): boolean {
    const th = this.byId.get(threadId);
    if (th === undefined || th.state !== ThreadState.Blocked) return false;
    th.stack[th.sp++] = value;
    th.state = ThreadState.Ready;
    th.blockedOn = '';
    th.blockReason = null;
    return true;
  }

  /** Stops a thread; false when it had already ended. */
  stop(threadId: number): boolean {
    const th = this.byId.get(threadId);
    if (th === undefined) return false;
    this.retire(th);
    return true;
  }

  /** True while thread `threadId` has not ended. */
  isAlive(threadId: number): boolean {
    return this.byId.has(threadId);
  }

  /** The live threads, in scheduling order. */
  threads(): ThreadInfo[] {
    return this.state.threads.filter((t) => t.state !== ThreadState.Done).map((t) => this.describe(t));
  }

  /** One live thread, or undefined. */
  threadInfo(threadId: number): ThreadInfo | undefined {
    const th = this.byId.get(threadId);
    return th && this.describe(th);
  }

  /**
   * Where a thread stands, innermost frame first: each frame's function and
   * the place of the instruction it is at (a thread that waits or calls is at
   * that instruction). Thread 0 is the synchronous call running now, if any.
   */
  threadStack(threadId: number): SourcePlace[] | undefined {
    const th = threadId === 0 ? this.syncThreads[this.syncThreads.length - 1] : this.byId.get(threadId);
    return th && framePlaces(this.program, th);
  }

  /** Where a thread stands now (its innermost frame), or undefined when it has ended. */
  threadPlace(threadId: number): SourcePlace | undefined {
    return this.threadStack(threadId)?.[0];
  }

  /** The value of global `name`. */
  getGlobal(name: string): Value {
    return this.state.globals[this.globalSlot(name)]!;
  }

  /** Sets global `name`. */
  setGlobal(name: string, value: Value): void {
    this.state.globals[this.globalSlot(name)] = value;
  }

  /** The whole VM state as bytes (between ticks only). */
  snapshot(): Uint8Array {
    if (this.busy) throw new CairnError('USAGE', 'snapshot() called while scripts are running');
    this.dropDeadThreads();
    return encodeSnapshot(this.loaded, this.state);
  }

  /**
   * Replaces the whole state with a snapshot's, also one from an earlier build
   * (see decodeSnapshot; new globals take their initial value from init run
   * aside). A refused snapshot throws and changes nothing.
   */
  restore(bytes: Uint8Array): void {
    if (this.busy) throw new CairnError('USAGE', 'restore() called while scripts are running');
    const { state, unset } = decodeSnapshot(this.loaded, bytes, this.limits);
    if (unset.length > 0) {
      const initial = this.initialGlobals();
      for (const slot of unset) state.globals[slot] = initial[slot]!;
    }
    const before = { state: this.state, threads: [...this.byId], initialised: this.initialised };
    this.state = state;
    this.byId.clear();
    for (const th of state.threads) this.byId.set(th.id, th);
    this.initialised = true;
    // The save's memory counters are kept (a restored run measures when the saved one did), but what it holds is measured now.
    try {
      this.measureMemory(false);
    } catch (e) {
      this.state = before.state;
      this.byId.clear();
      for (const [id, th] of before.threads) this.byId.set(id, th);
      this.initialised = before.initialised;
      if (e instanceof CairnError && e.code === 'MEMORY_EXCEEDED') throw new CairnError('SNAPSHOT_INVALID', `the snapshot cannot be loaded: ${e.message}`);
      throw e;
    }
  }

  /** A new VM for `module` with the state of `bytes` (a save of this build or an earlier one; see restore()). */
  static fromSnapshot(module: Module, bytes: Uint8Array, options: VMOptions = {}): VM {
    const vm = new VM(module, options);
    vm.restore(bytes);
    return vm;
  }

  /** The printed form of a value (as `print` writes it). */
  display(v: Value): string {
    return display(v, { maxLength: this.limits.maxStringLength, functionName: (i) => this.program.fns[i]?.name ?? String(i), meter: this.busy ? this : undefined });
  }

  /** True while a tick or a synchronous call runs (the state is then mid-change). */
  private get busy(): boolean {
    return this.inTick || this.syncThreads.length > 0;
  }

  // ---- used by the dispatch loop and natives ----

  /** The number of the tick being run. */
  get now(): number {
    return this.state.tick;
  }

  /** Writes a value to the transcript. */
  print(v: Value): void {
    if (!this.muted) this.printLine(this.display(v));
  }

  /** Charges `units` of work to the tick's budget; BUDGET_EXCEEDED once it runs out (checked before the work). */
  spend(units: number): void {
    if ((this.fuel -= units) < 0) throw budgetError(this.limits.instructionsPerTick);
  }

  /** Work done in the current (or last) tick, in budget units. */
  get workDone(): number {
    return this.limits.instructionsPerTick - this.fuel;
  }

  /** Accounts for new guest memory; measures live memory when enough has been allocated since the last time. */
  charge(bytes: number): void {
    const s = this.state;
    s.allocated += bytes;
    if (s.allocated > s.nextMeasure) this.measureMemory();
  }

  /** Walks everything reachable; MEMORY_EXCEEDED past the ceiling. Schedules the next walk like a GC trigger unless `reschedule` is false. */
  measureMemory(reschedule = true): number {
    return measureState(this.state, this.syncThreads, this.limits.maxMemory, this.host?.memoryRoots?.() ?? [], reschedule);
  }

  /** Creates and schedules a thread for SPAWN or the API; TOO_MANY_THREADS past the limit. */
  spawnThread(fnIndex: number, args: readonly Value[]): Thread {
    if (this.byId.size >= this.limits.maxThreads) throw new CairnError('TOO_MANY_THREADS', `cannot start more than ${this.limits.maxThreads} threads at once`);
    // A thread that spawns a copy of itself and ends would keep one tick going for ever.
    if (this.inTick && ++this.spawnedThisTick > this.limits.maxThreads) {
      throw new CairnError('TOO_MANY_THREADS', `cannot start more than ${this.limits.maxThreads} threads in one tick`, { hint: 'a thread that spawns itself?' });
    }
    const th = this.newThread(this.state.nextThreadId++, fnIndex, args);
    // A new thread's stack is work of its size (a script's SPAWN shares the budget).
    if (this.busy) this.spend(this.callCost + th.stack.length);
    this.charge(SIZE.thread + SIZE.slot * th.stack.length);
    this.state.threads.push(th);
    this.byId.set(th.id, th);
    return th;
  }

  /** STOP_THREAD: ends the thread a handle names; a dead thread is a no-op. */
  stopByHandle(handle: Value): void {
    if (!(handle instanceof ThreadHandle)) throw new CairnError('TYPE_ERROR', `stop needs a thread, not ${typeName(handle)}`);
    const th = this.byId.get(handle.id);
    if (th !== undefined) this.retire(th);
  }

  /** Takes the reason a blocking native passed to ctx.block. */
  takeBlockReason(): BlockReason {
    const r = this.ctx.pendingReason;
    this.ctx.pendingReason = null;
    return r;
  }

  /** Marks a thread finished and forgets it. */
  retire(th: Thread): void {
    th.state = ThreadState.Done;
    if (this.byId.get(th.id) === th) this.byId.delete(th.id);
    th.blockReason = null;
  }

  // ---- private ----

  /**
   * The globals as init leaves them in a fresh state, computed aside: the
   * live state, threads and transcript are as before whatever init does.
   */
  private initialGlobals(): Value[] {
    const live = this.state;
    const liveThreads = [...this.byId];
    this.state = freshState(this.seed, this.loaded.globalNames.length);
    this.muted = true;
    try {
      this.call(this.loaded.module.init);
      return this.state.globals;
    } finally {
      this.state = live;
      this.muted = false;
      // Threads init spawned belong to the state just dropped.
      this.byId.clear();
      for (const [id, th] of liveThreads) this.byId.set(id, th);
    }
  }

  private newThread(id: number, fnIndex: number, args: readonly Value[]): Thread {
    const f = this.program.fns[fnIndex];
    if (f === undefined) throw new CairnError('RUNTIME', `there is no function ${fnIndex}`);
    if (args.length < f.minArity || args.length > f.arity) throw arityError(f.name, f.minArity, f.arity, args.length);
    const locals: Value[] = args.slice();
    while (locals.length < f.locals) locals.push(null);
    return createThread(id, fnIndex, f.entries[args.length - f.minArity]!, locals, f.locals + f.maxStack + 8);
  }

  private runSlice(th: Thread): CairnError | undefined {
    th.state = ThreadState.Running;
    try {
      execute(this, th);
    } catch (e) {
      this.retire(th);
      return this.locate(e, th);
    }
    if ((th.state as ThreadState) === ThreadState.Done) this.retire(th);
    return undefined;
  }

  private dropDeadThreads(): void {
    const threads = this.state.threads;
    let j = 0;
    for (let i = 0; i < threads.length; i++) {
      const th = threads[i]!;
      if (th.state === ThreadState.Done) th.stack.length = 0;
      else threads[j++] = th;
    }
    threads.length = j;
  }

  private describe(th: Thread): ThreadInfo {
    return { id: th.id, function: this.program.fns[th.fn]?.name ?? '?', wait: waitInfo(th) };
  }

  private globalSlot(name: string): number {
    const slot = this.program.globalIndex.get(name);
    if (slot === undefined) throw new CairnError('USAGE', `there is no global \`${name}\``);
    return slot;
  }

  /** Gives an error the place of the thread's current instruction and a trace of its callers. */
  locate(e: unknown, th: Thread, pc = th.pc): CairnError {
    return locateError(this.program, e, th, pc);
  }
}

/** The process's blank VM that keeps the shapes of every VM's objects alive (shape-keeper.ts); null while it is being made. */
let keeper: VM | null | undefined;

/** How many times the keeper runs its `start` thread (each a call of the dispatch loop). */
const KEEPER_RUNS = 16;

/** Makes the keeper, once per process, when the first VM is made. */
function keepShapes(): void {
  if (keeper !== undefined) return;
  keeper = null;
  const vm = new VM(keeperModule(), { print: () => {} });
  vm.init();
  // V8 keeps type feedback for a function only from about its 8th call on: the first runs of `start` teach it nothing.
  for (let i = 0; i < KEEPER_RUNS; i++) vm.startHandlers('start');
  vm.startHandlers('idle');
  vm.tick();
  keeper = vm;
}
