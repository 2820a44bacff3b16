// The sandbox: a dedicated Worker that holds the bundle and the running Game
// and talks to the page only through the messages in protocol.ts. It owns game
// time (60 ticks per second of wall time while running) and posts one frame
// message per batch of ticks. Imports runtime/ and interpreter/, never the DOM.

import { CairnError, isCairnError } from '../../../interpreter/errors.js';
import type { GameInput } from '../../../runtime/game-api.js';
import { Game } from '../../../runtime/game.js';
import { loadGame, type LoadedGame } from '../../../runtime/game-loader.js';
import type { ErrorView, FromWorker, GameInfo, Requests, RequestKind, ToWorker } from '../protocol.js';
import { evaluateForPage } from './evaluate.js';
import { Performer, PerformFailure } from './perform.js';
import { roomTargets, targetAt } from './world-probe.js';

/** The parts of the worker's global scope this file uses (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;

/** Ticks per second of game time (LANGUAGE.md §3). */
const TICKS_PER_SECOND = 60;
/** At most this many ticks per wake-up: a stalled worker catches up a little, then drops time instead of spiralling. */
const MAX_CATCH_UP = 8;

interface Session {
  loaded: LoadedGame;
  game: Game;
  seed: number;
  performer: Performer;
  saidSent: number;
  printedSent: number;
}

let session: Session | null = null;
let running = false;
let lastWake = 0;
let owed = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function errorView(e: unknown): ErrorView {
  if (isCairnError(e)) {
    const where = e.span ? ` (${e.span.source}:${e.span.start.line}:${e.span.start.column})` : '';
    return { code: e.code, message: e.message + where };
  }
  if (e instanceof PerformFailure) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

function newGame(loaded: LoadedGame, seed: number): Game {
  return Game.fromBundle(loaded, { seed, onError: (error) => post({ type: 'problem', error: errorView(error) }) });
}

/** Sends what changed since the last frame: the scene, new audio, new lines. */
function postFrame(s: Session): void {
  const game = s.game;
  const said = game.said.slice(s.saidSent);
  const printed = game.transcript.slice(s.printedSent);
  s.saidSent = game.said.length;
  s.printedSent = game.transcript.length;
  post({ type: 'frame', scene: game.scene(), hasControl: game.hasControl, targets: roomTargets(game), audio: game.takeAudio(), said: said.map((l) => ({ ...l })), printed });
}

/** The game loop: catch up on the ticks wall time owes, then sleep until the next one is due. */
function loop(): void {
  timer = null;
  const s = session;
  if (!running || s === null) return;
  const now = performance.now();
  owed = Math.min(owed + ((now - lastWake) * TICKS_PER_SECOND) / 1000, MAX_CATCH_UP);
  lastWake = now;
  let ticks = 0;
  try {
    while (owed >= 1) {
      owed -= 1;
      if (s.game.ended) break;
      s.game.tick();
      s.performer.ticked();
      s.performer.progress();
      ticks += 1;
    }
  } catch (e) {
    // A tick that throws is a runtime bug, not a script error (those are reported and the game goes on).
    running = false;
    post({ type: 'problem', error: errorView(e) });
  }
  if (ticks > 0) postFrame(s);
  if (running) timer = setTimeout(loop, Math.max(1, ((1 - owed) * 1000) / TICKS_PER_SECOND));
}

function setRunning(on: boolean): void {
  running = on && session !== null;
  if (running && timer === null) {
    lastWake = performance.now();
    // The first tick is due at once: starting (or resuming) shows its effect in the next frame.
    owed = 1;
    timer = setTimeout(loop, 0);
  }
}

function requireSession(): Session {
  if (session === null) throw new CairnError('USAGE', 'no game is open');
  return session;
}

/** Copies out an ArrayBuffer holding exactly these bytes (transferable, never a view of a bigger buffer). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
}

/** The handlers of requests, one per kind. */
const handlers: { [K in RequestKind]: (args: Requests[K]['args']) => Requests[K]['result'] | Promise<Requests[K]['result']> } = {
  open({ bytes, seed }) {
    setRunning(false);
    const loaded = loadGame(new Uint8Array(bytes));
    const game = newGame(loaded, seed);
    session = { loaded, game, seed, performer: new Performer(game), saidSent: 0, printedSent: 0 };
    const m = loaded.bundle.manifest;
    const info: GameInfo = { id: m.id, title: m.title, author: m.author, version: m.version, resolution: [m.resolution[0], m.resolution[1]], pixelArt: m.pixelArt, ui: uiStyle(game) };
    postFrame(session);
    return info;
  },
  asset({ path }) {
    const s = requireSession();
    if (typeof path !== 'string' || !s.loaded.bundle.hasAsset(path)) throw new CairnError('USAGE', `the bundle has no asset ${JSON.stringify(String(path))}`);
    return ownBuffer(s.loaded.bundle.readAsset(path));
  },
  save() {
    return ownBuffer(requireSession().game.save());
  },
  load({ bytes }) {
    const s = requireSession();
    s.game.load(new Uint8Array(bytes));
    postFrame(s);
    return null;
  },
  evaluate({ expression }) {
    return evaluateForPage(requireSession().game, String(expression));
  },
  async perform({ command }) {
    await requireSession().performer.perform(String(command));
    return null;
  },
  targetAt({ x, y }) {
    return targetAt(requireSession().game, Number(x), Number(y));
  },
  restart() {
    const s = requireSession();
    s.game = newGame(s.loaded, s.seed);
    s.saidSent = 0;
    s.printedSent = 0;
    s.performer.replaceGame(s.game);
    postFrame(s);
    return null;
  },
};

/** SCUMM-style verbs unless the game sets `var ui_style = "one-click"` (docs/embedding.md). */
function uiStyle(game: Game): GameInfo['ui'] {
  try {
    return game.global('ui_style') === 'one-click' ? 'one-click' : 'verbs';
  } catch {
    return 'verbs';
  }
}

async function answer(id: number, kind: RequestKind, args: unknown): Promise<void> {
  try {
    const handler = handlers[kind] as ((a: unknown) => unknown) | undefined;
    if (handler === undefined) throw new CairnError('USAGE', `unknown request ${JSON.stringify(String(kind))}`);
    const result = await handler(args ?? {});
    post({ type: 'reply', id, ok: true, result }, result instanceof ArrayBuffer ? [result] : []);
  } catch (e) {
    post({ type: 'reply', id, ok: false, error: errorView(e) });
  }
}

function input(value: GameInput): void {
  const s = session;
  if (s === null) return;
  try {
    s.game.input(value);
  } catch (e) {
    post({ type: 'problem', error: errorView(e) });
  }
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message === null || typeof message !== 'object') return;
  switch (message.type) {
    case 'request':
      void answer(message.id, message.kind, message.args);
      break;
    case 'input':
      input(message.input);
      break;
    case 'run':
      setRunning(message.running === true);
      break;
  }
});
