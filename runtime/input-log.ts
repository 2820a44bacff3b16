// Input logs on disk and their replay: a log (game-api.ts InputLog, format 1)
// is JSON holding the game it was recorded on, the seed, every input with the
// tick it was applied before, and the run's length. Same bundle + same log ⇒
// same run; bug reports and determinism tests rest on it. Imports interpreter/ only.

import { CairnError } from '../interpreter/errors.js';
import type { GameDriver, GameInput, InputLog, RecordedInput } from './game-api.js';

/** The input log format this runtime writes and reads. */
export const INPUT_LOG_FORMAT = 1;

type Check = (v: Record<string, unknown>) => boolean;
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isName = (v: unknown) => typeof v === 'string' && v !== '';

/** Each input type with the check of its fields: one table for reading logs. */
const INPUT_FIELDS: Record<GameInput['type'], { fields: string[]; check: Check }> = {
  click: { fields: ['x', 'y'], check: (v) => isNumber(v.x) && isNumber(v.y) },
  hover: { fields: ['x', 'y'], check: (v) => isNumber(v.x) && isNumber(v.y) },
  verb: { fields: ['verb', 'target', 'with'], check: (v) => isName(v.verb) && isName(v.target) && (v.with === undefined || isName(v.with)) },
  choose: { fields: ['option'], check: (v) => Number.isInteger(v.option) && (v.option as number) >= 1 },
  skip: { fields: ['line'], check: (v) => v.line === undefined || v.line === true },
};

/** The JSON text of a log: readable, one input per line, so logs diff well. */
export function formatInputLog(log: InputLog): string {
  const inputs = log.inputs.map((i) => `    ${JSON.stringify(i)}`).join(',\n');
  const head = { format: log.format, game: log.game, seed: log.seed, ticks: log.ticks, ...(log.languages === undefined ? {} : { languages: log.languages }) };
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "inputs": [${inputs === '' ? '' : `\n${inputs}\n  `}]\n}\n`;
}

/** Reads a log from JSON text; `file` names it in errors. Every problem is INPUT_LOG_INVALID. */
export function parseInputLog(text: string, file: string): InputLog {
  const refuse = (why: string) => new CairnError('INPUT_LOG_INVALID', `${file} is not a Cairn input log: ${why}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw refuse(`it is not valid JSON (${(e as Error).message})`);
  }
  if (!isRecord(data)) throw refuse('it must hold one JSON object');
  if (data.format !== INPUT_LOG_FORMAT) throw refuse(`its format is ${JSON.stringify(data.format)}; this Cairn reads format ${INPUT_LOG_FORMAT}`);
  const game = data.game;
  if (!isRecord(game) || typeof game.id !== 'string' || typeof game.version !== 'string') throw refuse('`game` must be {"id": …, "version": …}');
  if (!Number.isSafeInteger(data.seed)) throw refuse('`seed` must be a whole number');
  if (!Number.isSafeInteger(data.ticks) || (data.ticks as number) < 0) throw refuse('`ticks` must be a whole number of ticks');
  if (!Array.isArray(data.inputs)) throw refuse('`inputs` must be a list');
  const inputs: RecordedInput[] = [];
  let last = 0;
  data.inputs.forEach((entry: unknown, index: number) => {
    const where = `input ${index + 1}`;
    if (!isRecord(entry) || !Number.isSafeInteger(entry.tick)) throw refuse(`${where} needs a whole \`tick\``);
    const tick = entry.tick as number;
    if (tick < last || tick > (data as { ticks: number }).ticks) throw refuse(`${where} is at tick ${tick}, out of order or after the run's end`);
    last = tick;
    inputs.push({ tick, input: readInput(entry.input, where, refuse) });
  });
  const log: InputLog = { format: INPUT_LOG_FORMAT, game: { id: game.id, version: game.version }, seed: data.seed as number, inputs, ticks: data.ticks as number };
  if (data.languages !== undefined) {
    const ok = Array.isArray(data.languages) && data.languages.every((l: unknown) => isRecord(l) && Number.isSafeInteger(l.tick) && (l.tick as number) >= 0 && typeof l.lang === 'string' && Object.keys(l).length === 2);
    if (!ok) throw refuse('`languages` must be a list of {"tick": …, "lang": …}');
    log.languages = (data.languages as Array<{ tick: number; lang: string }>).map((l) => ({ tick: l.tick, lang: l.lang }));
  }
  return log;
}

/** Refuses a log recorded on another game or another version of it. */
export function checkLogIsFor(log: InputLog, game: { id: string; version: string }, file: string): void {
  if (log.game.id !== game.id || log.game.version !== game.version) {
    throw new CairnError('INPUT_LOG_INVALID', `${file} was recorded on ${log.game.id} ${log.game.version}, not on ${game.id} ${game.version}`, {
      hint: 'a replay only reproduces a run on the exact game it was recorded on',
    });
  }
}

/**
 * Feeds the log's inputs to a fresh game (created with the log's seed), each
 * before the tick it was recorded at, and runs to the recorded length.
 * `afterTick` sees the game after every tick (to print its transcript as it grows);
 * `setLanguage` switches the language where the log says the player did.
 */
export function replayInputLog(game: GameDriver, log: InputLog, afterTick?: () => void, stop?: () => boolean, setLanguage?: (lang: string) => void): void {
  let next = 0;
  let nextLanguage = 0;
  const languages = log.languages ?? [];
  while (game.tickCount < log.ticks && !stop?.()) {
    while (setLanguage !== undefined && nextLanguage < languages.length && languages[nextLanguage]!.tick <= game.tickCount) setLanguage(languages[nextLanguage++]!.lang);
    while (next < log.inputs.length && log.inputs[next]!.tick <= game.tickCount) game.input(log.inputs[next++]!.input);
    game.tick();
    afterTick?.();
  }
}

function readInput(value: unknown, where: string, refuse: (why: string) => CairnError): GameInput {
  if (!isRecord(value) || typeof value.type !== 'string' || !Object.hasOwn(INPUT_FIELDS, value.type)) {
    throw refuse(`${where} needs an \`input\` whose type is one of ${Object.keys(INPUT_FIELDS).join(', ')}`);
  }
  const spec = INPUT_FIELDS[value.type as GameInput['type']];
  const extra = Object.keys(value).find((k) => k !== 'type' && !spec.fields.includes(k));
  if (extra !== undefined || !spec.check(value)) throw refuse(`${where} is not a valid ${value.type} input`);
  // Rebuilt field by field, so nothing but the known fields reaches the game.
  const input: Record<string, unknown> = { type: value.type };
  for (const field of spec.fields) if (value[field] !== undefined) input[field] = value[field];
  return input as GameInput;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
