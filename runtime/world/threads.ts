// Which threads belong to what. A thread started by a room's handlers (the
// room's own, or those of an object in it) belongs to that room, and so does
// every thread it spawns; leaving the room ends them. Everything else — top
// level handlers, actors' handlers, dialog options, `on exit` — is global.
// Threads the runtime starts are "foreground" (their lines hold up control);
// threads made by `spawn` are background. GameVM reports spawns so that
// children inherit their parent's room.

import { CairnError, isCairnError } from '../../interpreter/errors.js';
import { VM } from '../../interpreter/vm/vm.js';
import { ThreadState, type Thread } from '../../interpreter/vm/thread.js';
import type { Value } from '../../interpreter/vm/values.js';
import { handlerKey } from './read-declarations.js';
import type { Engine } from './engine.js';
import type { ThreadTag } from './state.js';

/** The VM, plus a report of every thread a script spawns and who spawned it. */
export class GameVM extends VM {
  /** Called after each spawn with the new thread's id and the spawning thread's (0: the host). */
  onSpawn: ((child: number, parent: number) => void) | null = null;

  override spawnThread(fnIndex: number, args: readonly Value[]): Thread {
    const th = super.spawnThread(fnIndex, args);
    if (this.onSpawn !== null) this.onSpawn(th.id, this.runningThreadId());
    return th;
  }

  // The one thread in the Running state is the one whose code called SPAWN.
  private runningThreadId(): number {
    for (const t of this.state.threads) if (t.state === ThreadState.Running) return t.id;
    return 0;
  }
}

/** Gives a spawned thread its parent's room (a background thread of a global parent needs no tag). */
export function inheritTag(engine: Engine, child: number, parent: number): void {
  const tag = engine.state.threads.get(parent);
  if (tag !== undefined && tag.room !== '') engine.state.threads.set(child, { room: tag.room, foreground: false, input: false });
}

/** The room a handler of `owner` belongs to: the room itself, an object's current room, else '' (global). */
function roomOfOwner(engine: Engine, owner: string): string {
  if (engine.state.rooms.has(owner)) return owner;
  const o = engine.state.objects.get(owner);
  return o?.room ?? '';
}

/** Starts function `fn` as a tagged thread; extra arguments beyond its parameters are dropped. Returns its id, or 0 when it could not start. */
export function startThread(engine: Engine, fn: number, args: readonly Value[], tag: ThreadTag): number {
  const info = engine.vm.program.fns[fn]!;
  try {
    const id = engine.vm.spawn(fn, args.slice(0, info.arity));
    engine.state.threads.set(id, tag);
    return id;
  } catch (e) {
    // Too many threads: reported like any runtime error; the game goes on.
    engine.report(isCairnError(e) ? e : new CairnError('RUNTIME', `could not start \`${info.name}\`: ${String(e)}`));
    return 0;
  }
}

/** Starts every handler `on EVENT [with W]` of `owner`; returns their thread ids. */
export function startHandlers(engine: Engine, owner: string, event: string, args: readonly Value[], options: { with?: string; input?: boolean; room?: string } = {}): number[] {
  const fns = engine.decls.handlers.get(handlerKey(owner, event, options.with));
  if (fns === undefined) return [];
  const tag: ThreadTag = { room: options.room ?? roomOfOwner(engine, owner), foreground: true, input: options.input ?? false };
  const ids: number[] = [];
  for (const fn of fns) {
    const id = startThread(engine, fn, args, { ...tag });
    if (id !== 0) ids.push(id);
  }
  return ids;
}

/** True when `owner` declares `on EVENT [with W]`. */
export function hasHandler(engine: Engine, owner: string, event: string, withName = ''): boolean {
  return engine.decls.handlers.has(handlerKey(owner, event, withName));
}

/**
 * Ends the threads of a room being left, except `caller` (the thread running
 * `go`) and the threads waiting on it: a `choose` whose option body is the
 * caller, and so on outwards.
 */
export function endRoomThreads(engine: Engine, room: string, caller: number): void {
  const spared = new Set<number>([caller]);
  const dialogs = engine.state.dialogs;
  for (let i = dialogs.length - 1; i >= 0; i--) if (spared.has(dialogs[i]!.body)) spared.add(dialogs[i]!.thread);
  for (const [id, tag] of engine.state.threads) {
    if (tag.room !== room || spared.has(id)) continue;
    engine.vm.stop(id);
    engine.state.threads.delete(id);
  }
}

/**
 * Forgets what dead threads left behind: their tags and cutscene depth, their
 * lines (a stopped conversation stops showing) and their walks (the actor
 * stops where it is). Walks the player asked for have no thread and go on.
 */
export function forgetDeadThreads(engine: Engine): void {
  const vm = engine.vm;
  const s = engine.state;
  for (const id of s.threads.keys()) if (!vm.isAlive(id)) s.threads.delete(id);
  for (const id of s.cutscenes.keys()) if (!vm.isAlive(id)) s.cutscenes.delete(id);
  if (s.lines.length > 0) s.lines = s.lines.filter((l) => l.thread === 0 || vm.isAlive(l.thread));
  for (const a of s.actors.values()) if (a.walk !== null && a.walk.thread !== 0 && !vm.isAlive(a.walk.thread)) a.walk = null;
}

/** Whether thread `id` was started by the player's input (a verb or click handler). */
export function isInputThread(engine: Engine, id: number): boolean {
  return engine.state.threads.get(id)?.input === true;
}

/** Whether a line said by thread `id` holds up control (background threads' lines do not). */
export function isForeground(engine: Engine, id: number): boolean {
  return engine.state.threads.get(id)?.foreground === true;
}
