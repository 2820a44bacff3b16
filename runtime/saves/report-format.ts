// The `.cairnreport` file: what a player sends an author when something goes
// wrong — the last automatic save (made at every room change), the input log
// since it, the error if there was one (with the tick it happened at), the
// bundle's identity and the player's version. JSON text, so a person can see
// that nothing in it is personal beyond the game's own state; the save is in
// base64. Replaying it (save, then log) reproduces the run exactly.
// docs/saves.md describes it. Imports interpreter/ and runtime/ only.

import { CairnError } from '../../interpreter/errors.js';
import type { InputLog } from '../game-api.js';
import { formatInputLog, parseInputLog } from '../input-log.js';
import { jsonNesting, MAX_SAVE_FILE_BYTES } from './save-file-format.js';

/** The report format this build writes and reads. */
export const REPORT_FORMAT = 1;
export const REPORT_EXTENSION = '.cairnreport';
export const REPORT_MIME = 'application/x-cairn-report';
/** The largest report read: a save in base64 and a long log. */
export const MAX_REPORT_BYTES = 2 * MAX_SAVE_FILE_BYTES;
const MAX_NESTING = 8;

/** A script error as a report keeps it. */
export interface ReportedError {
  code: string;
  message: string;
  /** The game's tick count when it happened. */
  tick: number;
  /** Where in the scripts, when the error has a place. */
  place: { file: string; line: number; column: number } | null;
}

/** Everything a report holds. */
export interface Report {
  game: { id: string; version: string; title: string };
  /** Which player made it, and its version ("Cairn web player 0.1.0"). */
  player: string;
  /** Milliseconds since the epoch. */
  date: number;
  /** The `.cairnsave` the log starts from, or null: from a new game with the log's seed. */
  save: Uint8Array | null;
  log: InputLog;
  error: ReportedError | null;
}

/** The report's text. */
export function encodeReport(report: Report): string {
  const log = JSON.parse(formatInputLog(report.log)) as unknown;
  return `${JSON.stringify(
    {
      cairnReport: REPORT_FORMAT,
      game: report.game,
      player: report.player,
      date: report.date,
      error: report.error,
      log,
      save: report.save === null ? null : toBase64(report.save),
    },
    null,
    2,
  )}\n`;
}

/** Reads a report; `source` names it in errors. Every defect is REPORT_INVALID. */
export function decodeReport(bytes: Uint8Array, source = 'this file'): Report {
  const bad = (why: string) => new CairnError('REPORT_INVALID', `${source} is not a Cairn bug report: ${why}.`);
  if (bytes.length > MAX_REPORT_BYTES) throw bad(`it is larger than ${MAX_REPORT_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bad('it is not UTF-8 text');
  }
  if (jsonNesting(text) > MAX_NESTING) throw bad('it is nested too deeply');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw bad('it is not JSON');
  }
  if (!isRecord(raw) || raw.cairnReport === undefined) throw bad('it has no `cairnReport` format number');
  if (raw.cairnReport !== REPORT_FORMAT) throw bad(`it is in format ${JSON.stringify(raw.cairnReport)}; this Cairn reads format ${REPORT_FORMAT}`);
  const game = raw.game;
  if (!isRecord(game) || typeof game.id !== 'string' || typeof game.version !== 'string' || typeof game.title !== 'string') throw bad('it does not say which game it is about');
  if (typeof raw.player !== 'string' || !isCount(raw.date)) throw bad('it does not say which player made it, and when');
  let error: ReportedError | null = null;
  if (raw.error !== null) {
    const e = raw.error;
    if (!isRecord(e) || typeof e.code !== 'string' || typeof e.message !== 'string' || !isCount(e.tick)) throw bad('its error is not a code, a message and a tick');
    const p = e.place;
    if (p !== null && (!isRecord(p) || typeof p.file !== 'string' || !isCount(p.line) || !isCount(p.column))) throw bad("its error's place is not a file, a line and a column");
    error = { code: e.code, message: e.message, tick: e.tick, place: p === null ? null : { file: p.file as string, line: p.line as number, column: p.column as number } };
  }
  if (raw.log === undefined) throw bad('it has no input log');
  const log = parseInputLog(JSON.stringify(raw.log), source);
  let save: Uint8Array | null = null;
  if (raw.save !== null) {
    if (typeof raw.save !== 'string') throw bad('its save is not base64 text');
    save = fromBase64(raw.save);
    if (save === null) throw bad('its save is not base64 text');
  }
  return { game: { id: game.id, version: game.version, title: game.title }, player: raw.player, date: raw.date, save, log, error };
}

/** Base64 of bytes, in chunks (a save can be megabytes). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
