// The one channel between the page and the game: every message the page sends
// to the runtime's Worker and every message it gets back, as plain,
// structured-cloneable data. Guest data crosses only as strings and numbers in
// these shapes; nothing here is ever evaluated or turned into HTML.

import type { AudioCommand, GameInput, Scene, Target } from '../../runtime/game-api.js';
import type { DebugWhereabouts } from '../../runtime/debugger.js';
import type { ManifestFonts } from '../../runtime/bundle/fonts.js';

/** What the page learns about a game once its bundle passed the door. */
export interface GameInfo {
  id: string;
  title: string;
  author: string;
  version: string;
  resolution: [number, number];
  pixelArt: boolean;
  /** The interface the game asked for: SCUMM-style verbs, or one click (see docs/embedding.md). */
  ui: 'verbs' | 'one-click';
  /** The languages the game offers (its default first when it has no `languages`) and the one it plays in now. */
  languages: { default: string; offered: string[] };
  language: string;
  /** The manifest's fonts (asset paths), when the game brings its own. */
  fonts?: ManifestFonts;
}

/** Something the player can act on, for keyboard and gamepad play (screen coordinates). */
/** A clickable thing on screen (the runtime's Target). */
export type TargetView = Target;

/** One frame's worth of game output. */
export interface FrameMessage {
  type: 'frame';
  scene: Scene;
  hasControl: boolean;
  /** Things on screen the player can act on (room only; the inventory is in the scene). */
  targets: TargetView[];
  audio: AudioCommand[];
  /** Lines spoken since the previous frame (for the aria-live region). */
  said: Array<{ actor: string; text: string }>;
  /** Lines printed since the previous frame (for the console). */
  printed: string[];
}

/** A failure, as it crosses the boundary: a CairnError's code and message. */
export interface ErrorView {
  code: string;
  message: string;
  /** Where in the scripts, when the error has a place (runtime and compile errors). */
  place?: { file: string; line: number; column: number };
  /** What would help ("did you mean `cottage`?"), when the error has a hint. */
  hint?: string;
  /** Secondary places that explain it. */
  notes?: Array<{ message: string; place?: { file: string; line: number; column: number } }>;
  /** The whole diagnostic as interpreter/diagnostic-format.ts draws it (code, message, place, notes, hint): what people read. */
  text?: string;
}

/** What `cairn dev` did with a rebuilt bundle (see worker/dev-reload.ts). */
export interface ReloadOutcome {
  /** in-place: the game goes on where it was; restarted: the save was refused, so it started over in `room`. */
  kind: 'in-place' | 'restarted';
  room: string | null;
  /** Asset paths whose bytes changed: the page drops what it decoded of them. */
  changedAssets: string[];
  /** Why the save was refused (`the script \`x\` changed`); '' in place. */
  reason: string;
}

/** What a player's "copy report" holds: enough to replay the run (docs/debugging.md). */
export interface ErrorReport {
  id: string;
  version: string;
  /** The runtime's input log (runtime/game-api.ts InputLog) as JSON text. */
  inputLog: string;
}

/** Requests that get exactly one reply, with what each takes and returns. */
export interface Requests {
  /** Opens a bundle (the page fetched its bytes) and starts it, paused, in the first of `languages` (the player's, best first) the game offers; `dev` (`cairn dev` only) allows reload and console. */
  open: { args: { bytes: ArrayBuffer; seed: number; dev?: boolean; languages?: string[] }; result: GameInfo };
  /** Plays on in another language the game offers (its string table read now): the next line is in it. */
  setLanguage: { args: { lang: string }; result: null };
  /** One asset's bytes (checked against the manifest's SHA-256). */
  asset: { args: { path: string }; result: ArrayBuffer };
  save: { args: Record<string, never>; result: ArrayBuffer };
  load: { args: { bytes: ArrayBuffer }; result: null };
  /** A game expression's value, in its printed form and as JSON where it has one. */
  evaluate: { args: { expression: string }; result: { display: string; value: unknown } };
  /** One walkthrough command; resolves when the player has control again. */
  perform: { args: { command: string }; result: null };
  /** What a click at a screen point would act on. */
  targetAt: { args: { x: number; y: number }; result: TargetView | null };
  restart: { args: Record<string, never>; result: null };
  /** The bundle id, version and input log, for a bug report. */
  report: { args: Record<string, never>; result: ErrorReport };
  /** `cairn dev` only (open with dev): carries the game over to a rebuilt bundle. */
  reload: { args: { bytes: ArrayBuffer }; result: { info: GameInfo; outcome: ReloadOutcome } };
  /** `cairn dev` only: one debugger console line (runtime/debugger-commands.ts); its text. */
  console: { args: { line: string }; result: string };
  /** `cairn dev` only: the current room, camera, controlled actor and actors' places, for the room editor. */
  whereabouts: { args: Record<string, never>; result: DebugWhereabouts };
  /** The game now as a `.cairnsave` file (runtime/saves/save-file-format.ts), labelled with slot, name, date and thumbnail. */
  saveFile: { args: { slot: string; name: string; date: number; thumbnail: { type: string; bytes: ArrayBuffer } | null }; result: ArrayBuffer };
  /** A `.cairnreport` (runtime/saves/report-format.ts): the last automatic save, the input log since, the first error. */
  bugReport: { args: Record<string, never>; result: string };
  /** Checks a `.cairnsave` file against the open game without loading it: what it says of itself, or a refusal. */
  checkSave: { args: { bytes: ArrayBuffer }; result: { slot: string; name: string; date: number; room: string | null; ticks: number } };
}

/** The name of a request. */
export type RequestKind = keyof Requests;

/** Page → Worker. */
export type ToWorker =
  | { type: 'request'; id: number; kind: RequestKind; args: unknown }
  | { type: 'input'; input: GameInput }
  | { type: 'run'; running: boolean };

/** Worker → Page. */
export type FromWorker =
  | FrameMessage
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: ErrorView }
  /** A script error or a broken game: shown, and the game goes on where it can. */
  | { type: 'problem'; error: ErrorView };
