// Lines of speech: `say` shows a line for a time that grows with its length,
// then wakes the thread that said it. One line per actor at a time — a new
// line from the same actor ends the old one — and `skip` ends them all.

import type { Engine, SaidLine } from './engine.js';
import type { Line } from './state.js';
import { isForeground } from './threads.js';
import { shownName, voiceOf } from './translate.js';
import { secondsToTicks, TICKS_PER_SECOND } from '../../interpreter/vm/ticks.js';

/** Shortest time a line shows, and the time per character (the language leaves it to the runtime: 1.5 s, 0.08 s). */
export const MIN_LINE_TICKS = secondsToTicks(1.5);
export const TICKS_PER_CHARACTER = (TICKS_PER_SECOND * 8) / 100;

/** How many ticks a line of `text` shows. */
export function lineTicks(text: string): number {
  let characters = 0;
  for (const _ of text) characters++;
  return Math.max(MIN_LINE_TICKS, Math.ceil(characters * TICKS_PER_CHARACTER));
}

/** How many ticks a voice of `ms` milliseconds lasts (at least one). */
export function voiceTicks(ms: number): number {
  return Math.max(1, Math.ceil((ms * TICKS_PER_SECOND) / 1000));
}

/** Shows a line said by `actor` ('' for the narrator) for thread `thread`; `id` is its translation id. A voiced line lasts as long as its voice. */
export function startLine(engine: Engine, actor: string, text: string, thread: number, id?: string): void {
  const s = engine.state;
  const previous = s.lines.findIndex((l) => l.actor === actor);
  if (previous >= 0) {
    const [old] = s.lines.splice(previous, 1);
    if (old!.thread !== 0) engine.vm.resume(old!.thread, null);
  }
  const now = engine.now;
  const voice = voiceOf(engine, id);
  const line: Line = { actor, text, thread, since: now, until: now + (voice === undefined ? lineTicks(text) : voiceTicks(voice.ms)), foreground: thread !== 0 && isForeground(engine, thread) };
  if (id !== undefined) line.id = id;
  s.lines.push(line);
  const said: SaidLine = id === undefined ? { actor, text } : { actor, text, id };
  const source = engine.vm.texts.sourceOf(text);
  if (source !== undefined) said.source = source;
  engine.said.push(said);
  const name = actor === '' ? '' : s.actors.get(actor)?.props.get('name');
  const shown = typeof name === 'string' ? shownName(engine, 'actor', actor, name) : actor;
  engine.story.push(id === undefined ? { kind: 'say', actor, name: shown, text } : { kind: 'say', actor, name: shown, text, id });
  engine.emitAudio({ type: 'speech', actor, text });
}

/** Ends the lines whose time is up (at the start of a tick), waking their threads. */
export function expireLines(engine: Engine): void {
  const s = engine.state;
  if (s.lines.length === 0) return;
  const now = engine.now;
  const kept = [];
  for (const l of s.lines) {
    if (l.until > now) kept.push(l);
    else if (l.thread !== 0) engine.vm.resume(l.thread, null);
  }
  s.lines = kept;
}

/** Ends every line now (`skip line`, or `skip` outside a cutscene). */
export function skipLines(engine: Engine): void {
  for (const l of engine.state.lines) l.until = Math.min(l.until, engine.now);
}
