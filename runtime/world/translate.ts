// Declared text in the current language: names, verb labels and dialog
// options come from the declarations, not from code, so the VM's TEXT never
// sees them; the scene shows their translation while the text is still the
// one declared (a name a script changed shows as the script set it). Also
// finds the voice of a line for the current language.

import type { VoiceEntry } from '../bundle/index.js';
import type { Engine } from './engine.js';

/** `current` in the current language when it is the declared text under `key` (`object:lamp`, `verb:look`, `option:talk:0`). */
export function declaredText(engine: Engine, key: string, current: string): string {
  const declared = engine.decls.texts.get(key);
  if (declared === undefined || declared.text !== current) return current;
  const translated = engine.vm.texts.lookup(declared.id);
  return typeof translated === 'string' ? translated : current;
}

/** The name of an entity as the player reads it. */
export function shownName(engine: Engine, kind: 'room' | 'object' | 'actor', name: string, value: string): string {
  return declaredText(engine, `${kind}:${name}`, value);
}

/** The voice of line `id` in the current language, if it has one. */
export function voiceOf(engine: Engine, id: string | undefined): VoiceEntry | undefined {
  if (id === undefined) return undefined;
  const lines = engine.voices[engine.vm.texts.current];
  return lines !== undefined && Object.hasOwn(lines, id) ? lines[id] : undefined;
}
