// The adventure natives: one NativeDef row for each name of the compiler's
// table (interpreter/compiler/adventure-natives.ts), with the same argument
// order and blocking, checked against that table when built. Argument kinds
// are checked by the VM before a call; the rows turn values into world
// actions (runtime/world/*). Blocking rows suspend only their own thread.

import { ADVENTURE_NATIVES } from '../../interpreter/compiler/adventure-natives.js';
import { CairnError } from '../../interpreter/errors.js';
import type { ArgKind, BlockSignal, NativeContext, NativeDef, NativeFn } from '../../interpreter/vm/native-table.js';
import { EntityRef, Point, type Value } from '../../interpreter/vm/values.js';
import { markDone, openDialog } from '../world/dialogs.js';
import type { Engine } from '../world/engine.js';
import { expectFacing } from '../world/properties.js';
import { startLine } from '../world/speech.js';
import { goTo } from '../world/travel.js';
import { approachPoint, endWalk, startWalk } from '../world/walking.js';

// Rows that act and return nothing give undefined, which the VM pushes as nil.
type Row = { params: readonly ArgKind[]; fn: (args: Value[], ctx: NativeContext) => Value | BlockSignal | void };

const ref = (v: Value): EntityRef => v as EntityRef;

/** Names of entities passed in, checked to exist (a value from a foreign save could name anything). */
function namer(engine: Engine) {
  const check = (v: Value, lookup: (name: string) => unknown): string => {
    const name = ref(v).name;
    lookup(name);
    return name;
  };
  return {
    actor: (v: Value): string => check(v, (n) => engine.actor(n)),
    object: (v: Value): string => check(v, (n) => engine.object(n)),
    room: (v: Value): string => check(v, (n) => engine.room(n)),
  };
}

/** Fade times in seconds: nil is 0; negative or not finite is an error. */
function fadeOf(name: string, v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  throw new CairnError('BAD_ARGUMENT', `${name}() needs a fade of zero or more seconds, not ${String(v)}`);
}

/** The implementations, by native name. */
function rows(engine: Engine): ReadonlyMap<string, Row> {
  const s = () => engine.state;
  const named = namer(engine);
  return new Map<string, Row>([
    ['say', {
      params: [['actor', 'nil'], 'any', 'string', ['string', 'nil']],
      fn: ([who, what, id], ctx) => {
        const actor = who instanceof EntityRef ? named.actor(who) : (s().controlled ?? '');
        startLine(engine, actor, typeof what === 'string' ? what : ctx.display(what!), ctx.threadId, id as string | undefined);
        return ctx.block({ say: actor });
      },
    }],
    ['walk', {
      params: ['actor', ['point', 'object', 'actor']],
      fn: ([who, to], ctx) => walk(engine, ref(who!).name, to!, ctx),
    }],
    ['choose', {
      params: ['dialog'],
      fn: ([dialog], ctx) => {
        const name = ref(dialog!).name;
        if (!engine.decls.dialogs.has(name)) throw new CairnError('RUNTIME', `there is no dialog called \`${name}\``);
        openDialog(engine, name, ctx.threadId);
        return ctx.block({ choose: name });
      },
    }],
    ['cutscene_begin', { params: [], fn: (_, ctx) => void s().cutscenes.set(ctx.threadId, (s().cutscenes.get(ctx.threadId) ?? 0) + 1) }],
    ['cutscene_end', {
      params: [],
      fn: (_, ctx) => {
        const depth = s().cutscenes.get(ctx.threadId) ?? 0;
        if (depth <= 1) s().cutscenes.delete(ctx.threadId);
        else s().cutscenes.set(ctx.threadId, depth - 1);
      },
    }],
    ['take', {
      params: ['object'],
      fn: ([o]) => {
        const name = named.object(o!);
        engine.object(name).room = null;
        if (!s().inventory.includes(name)) s().inventory.push(name);
      },
    }],
    ['drop', {
      params: ['object'],
      fn: ([o]) => {
        // A dropped object leaves the game (used up) — the inventory, and a room if it is in one.
        const name = named.object(o!);
        engine.object(name).room = null;
        s().inventory = s().inventory.filter((n) => n !== name);
      },
    }],
    ['go', { params: ['room'], fn: ([room], ctx) => goTo(engine, named.room(room!), ctx.threadId) }],
    ['put', {
      params: ['actor', 'room', 'point'],
      fn: ([who, room, at]) => {
        const a = engine.actor(named.actor(who!));
        endWalk(engine, a, false, false);
        a.room = named.room(room!);
        a.x = (at as Point).x;
        a.y = (at as Point).y;
      },
    }],
    ['control', { params: ['actor'], fn: ([who]) => void (s().controlled = named.actor(who!)) }],
    ['face', {
      params: ['actor', 'string'],
      fn: ([who, dir]) => {
        const a = engine.actor(ref(who!).name);
        a.facing = expectFacing(ref(who!), dir!);
        if (a.facing === 'left' || a.facing === 'right') a.side = a.facing;
      },
    }],
    ['show', { params: ['object'], fn: ([o]) => void (engine.object(ref(o!).name).visible = true) }],
    ['hide', { params: ['object'], fn: ([o]) => void (engine.object(ref(o!).name).visible = false) }],
    ['play_sound', { params: ['string'], fn: ([file]) => engine.emitAudio({ type: 'sound', file: file as string }) }],
    ['play_music', {
      params: ['string', ['number', 'nil']],
      fn: ([file, fade]) => {
        const f = fadeOf('play_music', fade!);
        s().music = file as string;
        engine.roomMusicDue = false; // the script chose the music: the room's own does not start over it
        engine.emitAudio({ type: 'music', file: file as string, fade: f });
      },
    }],
    ['stop_music', {
      params: [['number', 'nil']],
      fn: ([fade]) => {
        const f = fadeOf('stop_music', fade!);
        s().music = null;
        engine.emitAudio({ type: 'stop-music', fade: f });
      },
    }],
    ['end_game', { params: [], fn: () => {
      if (!s().ended) engine.story.push({ kind: 'end' });
      s().ended = true;
    } }],
    ['done', { params: [], fn: (_, ctx) => markDone(engine, ctx.threadId) }],
    ['has', { params: ['object'], fn: ([o]) => s().inventory.includes(named.object(o!)) }],
    ['here', { params: [], fn: () => (s().room === null ? null : new EntityRef('room', s().room!)) }],
  ]);
}

/** `walk actor to point|object|actor`: waits until arrival; true when it got exactly there. */
function walk(engine: Engine, name: string, to: Value, ctx: NativeContext): Value | BlockSignal {
  const a = engine.actor(name);
  let target: { x: number; y: number };
  if (to instanceof Point) target = { x: to.x, y: to.y };
  else {
    const place = approachPoint(engine, to as EntityRef);
    // A thing in no room, or in another room than the walker, cannot be walked to.
    if (place === null || place.room !== a.room) return false;
    target = place.at;
  }
  if (!startWalk(engine, name, target, ctx.threadId, null, false)) return a.x === target.x && a.y === target.y;
  return ctx.block({ walk: name });
}

function cannotWait(name: string): never {
  throw new CairnError('RUNTIME', `${name}() waits, and cannot be used here`);
}

/** The adventure natives for `engine`, checked against the compiler's table (names, argument counts, blocking). */
export function adventureNatives(engine: Engine): NativeDef[] {
  const impl = rows(engine);
  if (impl.size !== ADVENTURE_NATIVES.length) throw new Error('the adventure natives do not match the compiler\'s table');
  return ADVENTURE_NATIVES.map((spec): NativeDef => {
    const row = impl.get(spec.name);
    if (row === undefined || row.params.length !== spec.args.length) throw new Error(`the adventure native \`${spec.name}\` does not match the compiler's table`);
    const fn = row.fn as NativeFn;
    // Where a thread cannot wait (a dialog's `if`, evaluate), refuse before acting, as the VM would after.
    const guarded: NativeFn = spec.blocking ? (args, ctx) => (ctx.threadId === 0 ? cannotWait(spec.name) : fn(args, ctx)) : fn;
    return { name: spec.name, params: row.params, optional: spec.optional, blocking: spec.blocking, doc: spec.statement, fn: guarded };
  });
}
