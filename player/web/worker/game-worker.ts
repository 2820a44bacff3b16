// The sandbox: a dedicated Worker that holds the bundle and the running Game
// and talks to the page only through the messages in protocol.ts. It owns game
// time (TICKS_PER_SECOND ticks per second of wall time while running) and
// posts one frame message per batch of ticks. Imports runtime/ and interpreter/, never the DOM.

import { CairnError, isCairnError, type Span } from '../../../interpreter/errors.js';
import { formatError, formatThrown } from '../../../interpreter/diagnostic-format.js';
import type { GameInput } from '../../../runtime/game-api.js';
import { Game } from '../../../runtime/game.js';
import { loadGame, loadGameAsync, type LoadedGame } from '../../../runtime/game-loader.js';
import { sha256Hex } from '../../../runtime/bundle/index.js';
import { loadGameSave, saveRefusal, writeGameSave } from '../../../runtime/saves/game-save-file.js';
import { decodeSaveFile, hasMagic } from '../../../runtime/saves/save-file-format.js';
import { encodeReport } from '../../../runtime/saves/report-format.js';
import { ReportKeeper } from '../../../runtime/saves/report-keeper.js';
import { RUNTIME_VERSION } from '../../../runtime/bundle/bundle-format.js';
import type { AudioCommand } from '../../../runtime/game-api.js';
import { runDebuggerCommand } from '../../../runtime/debugger-commands.js';
import type { ErrorView, FromWorker, GameInfo, Requests, RequestKind, ToWorker } from '../protocol.js';
import { loadStringTable, loadStringTableAsync, offeredLanguages, type StringTable } from '../../../runtime/language.js';
import { chooseLanguage } from './choose-language.js';
import { webSha256 } from './web-sha256.js';
import { reloadGame } from './dev-reload.js';
import { evaluateForPage } from './evaluate.js';
import { Performer, PerformFailure } from './perform.js';
import { TICKS_PER_SECOND } from '../../../interpreter/vm/ticks.js';

/** The parts of the worker's global scope this file uses (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;

/** At most this many ticks per wake-up: a stalled worker catches up a little, then drops time instead of spiralling. */
const MAX_CATCH_UP = 8;

interface Session {
  loaded: LoadedGame;
  game: Game;
  seed: number;
  performer: Performer;
  saidSent: number;
  printedSent: number;
  /** Opened by `cairn dev`: the game has debug options, and reload and console are allowed. */
  dev: boolean;
  /** The automatic save and the error a bug report carries. */
  keeper: ReportKeeper;
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
    const at = (span: Span | undefined) => (span === undefined ? undefined : { file: span.source, line: span.start.line, column: span.start.column });
    const view: ErrorView = { code: e.code, message: e.message, text: formatError(e) };
    if (e.hint !== undefined) view.hint = e.hint;
    if (e.notes.length > 0) view.notes = e.notes.map((n) => ({ message: n.message, place: at(n.span) }));
    if (e.span === undefined) return view;
    const { source, start } = e.span;
    return { ...view, message: `${e.message} (${source}:${start.line}:${start.column})`, place: at(e.span) };
  }
  if (e instanceof PerformFailure) return { code: e.code, message: e.message, text: `error: ${e.message} [${e.code}]` };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), text: formatThrown(e) };
}

/** A new game of `loaded` in `lang`; `table`, when given, is that language's string table read already. */
function newGame(loaded: LoadedGame, seed: number, dev: boolean, lang?: string, table?: StringTable): Game {
  // Debug options only for `cairn dev`: they are what makes Game.debugger() available at all.
  const onError = (error: CairnError) => {
    if (session !== null) session.keeper.failed(error, session.game.tickCount);
    post({ type: 'problem', error: errorView(error) });
  };
  // Only the string table of the language played is read (tables load lazily, per language).
  const language = lang === undefined ? {} : { language: table ?? loadStringTable(loaded.bundle, lang) };
  return Game.fromBundle(loaded, { seed, onError, debug: dev ? {} : undefined, ...language });
}

/** Sends what changed since the last frame: the scene, new audio, new lines. */
function postFrame(s: Session, audioFirst: AudioCommand[] = []): void {
  const game = s.game;
  const said = game.said.slice(s.saidSent);
  const printed = game.transcript.slice(s.printedSent);
  s.saidSent = game.said.length;
  s.printedSent = game.transcript.length;
  post({ type: 'frame', scene: game.scene(), hasControl: game.hasControl, targets: game.targets(), audio: [...audioFirst, ...game.takeAudio()], said: said.map((l) => ({ ...l })), printed });
  // After the frame is on its way: a new room's report save (the first room's included) need not hold its picture back.
  s.keeper.observe(game);
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
    // An ended game ticks no more: what waits on it settles now (an ended game counts as having control).
    if (s.game.ended) s.performer.progress();
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

/** The session, if `cairn dev` opened it: an exported game's page never gets reload or the console. */
function requireDevSession(): Session {
  const s = requireSession();
  if (!s.dev) throw new CairnError('USAGE', 'this game was not opened by `cairn dev`: reload and the debugger console are for development only');
  return s;
}

/** Copies out an ArrayBuffer holding exactly these bytes (transferable, never a view of a bigger buffer). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
}

// The browser's SHA-256 where the page is a secure context (loopback and https are); else the door's own, behind the same promise.
const sha256 = webSha256() ?? (async (bytes: Uint8Array) => sha256Hex(bytes));

/** The handlers of requests, one per kind. */
const handlers: { [K in RequestKind]: (args: Requests[K]['args']) => Requests[K]['result'] | Promise<Requests[K]['result']> } = {
  async open({ bytes, seed, dev, languages }) {
    setRunning(false);
    session = null;
    // The code and the string table are checked with the browser's SHA-256 where it has one: a cold page need not warm up the door's.
    const loaded = await loadGameAsync(new Uint8Array(bytes), sha256);
    const { default: source, offered } = offeredLanguages(loaded.bundle);
    const preferred = Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string') : [];
    const lang = chooseLanguage(preferred, offered, source);
    const table = lang === undefined ? undefined : await loadStringTableAsync(loaded.bundle, lang, sha256);
    const game = newGame(loaded, seed, dev === true, lang, table);
    session = { loaded, game, seed, performer: new Performer(game), saidSent: 0, printedSent: 0, dev: dev === true, keeper: new ReportKeeper() };
    postFrame(session);
    return gameInfo(loaded, game);
  },
  async setLanguage({ lang }) {
    const s = requireSession();
    s.game.setLanguage(String(lang), await loadStringTableAsync(s.loaded.bundle, String(lang), sha256));
    // Names, verbs and options of the scene show in the new language at once, even while paused.
    postFrame(s);
    return null;
  },
  async asset({ path }) {
    const s = requireSession();
    if (typeof path !== 'string' || !s.loaded.bundle.hasAsset(path)) throw new CairnError('USAGE', `the bundle has no asset ${JSON.stringify(String(path))}`);
    const bytes = await s.loaded.bundle.readAssetAsync(path, sha256);
    return ownBuffer(bytes);
  },
  save() {
    return ownBuffer(requireSession().game.save());
  },
  load({ bytes }) {
    const s = requireSession();
    const data = new Uint8Array(bytes);
    // A save file is checked whole first; bare snapshots are what `cairn dev` and saves from before save files hold.
    if (hasMagic(data)) loadGameSave(s.game, data);
    else s.game.load(data);
    s.keeper.mark(s.game);
    postFrame(s);
    return null;
  },
  saveFile({ slot, name, date, thumbnail }) {
    const thumb = thumbnail === null ? null : { type: String(thumbnail.type), bytes: new Uint8Array(thumbnail.bytes) };
    return ownBuffer(writeGameSave(requireSession().game, { slot: String(slot), name: String(name), date: Number(date), thumbnail: thumb }));
  },
  bugReport() {
    const s = requireSession();
    return encodeReport(s.keeper.report(s.game, { title: s.loaded.bundle.manifest.title, player: `Cairn web player ${RUNTIME_VERSION}` }));
  },
  checkSave({ bytes }) {
    const s = requireSession();
    const file = decodeSaveFile(new Uint8Array(bytes), 'this file');
    const refusal = saveRefusal(file, { id: s.loaded.bundle.manifest.id, hashes: s.game.functionHashes() }, 'this save');
    if (refusal !== null) throw refusal;
    return { slot: file.slot, name: file.name, date: file.date, room: file.room, ticks: file.ticks };
  },
  evaluate({ expression }) {
    return evaluateForPage(requireSession().game, String(expression));
  },
  async perform({ command }) {
    await requireSession().performer.perform(String(command));
    return null;
  },
  targetAt({ x, y }) {
    return requireSession().game.targetAt(Number(x), Number(y));
  },
  restart() {
    const s = requireSession();
    s.game = newGame(s.loaded, s.seed, s.dev, s.game.language);
    s.keeper = new ReportKeeper();
    s.saidSent = 0;
    s.printedSent = 0;
    s.performer.replaceGame(s.game);
    postFrame(s);
    return null;
  },
  report() {
    const s = requireSession();
    const m = s.loaded.bundle.manifest;
    return { id: m.id, version: m.version, inputLog: JSON.stringify(s.game.inputLog()) };
  },
  reload({ bytes }) {
    const s = requireDevSession();
    const loaded = loadGame(new Uint8Array(bytes));
    const { game, outcome, audio } = reloadGame(s.game, s.loaded, loaded, (l) => newGame(l, s.seed, true, offeredLanguages(l.bundle).offered.includes(s.game.language) ? s.game.language : undefined));
    s.loaded = loaded;
    s.game = game;
    s.keeper = new ReportKeeper();
    s.performer.replaceGame(game);
    // What the new game said before now (a restart's opening) is not news to the page.
    s.saidSent = game.said.length;
    s.printedSent = game.transcript.length;
    postFrame(s, audio);
    return { info: gameInfo(loaded, game), outcome };
  },
  console({ line }) {
    const s = requireDevSession();
    const text = runDebuggerCommand(s.game, String(line));
    // `go`, `give`, `set` change the world between ticks: show it even while paused.
    postFrame(s);
    return text;
  },
  whereabouts() {
    return requireDevSession().game.debugger().whereabouts();
  },
};

function gameInfo(loaded: LoadedGame, game: Game): GameInfo {
  const m = loaded.bundle.manifest;
  const info: GameInfo = {
    id: m.id, title: m.title, author: m.author, version: m.version, resolution: [m.resolution[0], m.resolution[1]], pixelArt: m.pixelArt, ui: uiStyle(game),
    languages: offeredLanguages(loaded.bundle), language: game.language,
  };
  if (m.fonts !== undefined) info.fonts = m.fonts;
  return info;
}

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
