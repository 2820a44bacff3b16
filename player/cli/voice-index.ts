// The build's voice index (docs/bundle-format.md): for each language the game
// offers, the voice file of each spoken line — named by `say … voice "…"` (the
// scripts' own language) or found by its id under
// `assets/voice/<lang>/<id>.ogg` or `.wav` — with its length measured from the
// file, so a voiced line lasts the same in every run. A language with voices
// gets a warning counting its lines that have none.

import { readFileSync } from 'node:fs';
import { CairnError } from '../../interpreter/errors.js';
import type { TranslatableString } from '../../interpreter/compiler/compile.js';
import type { VoiceIndex } from '../../runtime/bundle/index.js';
import { audioDurationMs } from '../../runtime/world/audio-duration.js';
import type { Project } from './project.js';

/** Where a line's voice is found by its id, in the order tried. */
export const VOICE_EXTENSIONS = ['ogg', 'wav'] as const;

/** The voice index of a project, and the assets it uses. */
export function buildVoiceIndex(project: Project, strings: readonly TranslatableString[], onWarning: (w: CairnError) => void): { voices: VoiceIndex; used: Set<string> } {
  const languages = project.config.languages;
  const source = languages?.default ?? 'en';
  const offered = languages?.offered ?? [source];
  const lines = strings.filter((s) => s.role === 'line');
  const voices: VoiceIndex = {};
  const used = new Set<string>();
  const measure = (path: string): number => {
    const ms = audioDurationMs(readFileSync(project.assets.get(path)!));
    if (typeof ms === 'string') throw new CairnError('ASSET_DAMAGED', `assets/${path} cannot be measured as a voice: ${ms}`, { hint: 'voices are Ogg (Vorbis or Opus) or WAV files' });
    return ms;
  };
  for (const lang of offered) {
    const found: Record<string, { asset: string; ms: number }> = {};
    for (const s of lines) {
      const explicit = lang === source && s.voice !== undefined && project.assets.has(s.voice) ? s.voice : undefined;
      const asset = explicit ?? VOICE_EXTENSIONS.map((ext) => `voice/${lang}/${s.id}.${ext}`).find((p) => project.assets.has(p));
      if (asset === undefined) continue;
      found[s.id] = { asset, ms: measure(asset) };
      used.add(asset);
    }
    const count = Object.keys(found).length;
    if (count === 0) continue;
    voices[lang] = found;
    if (count < lines.length) {
      onWarning(new CairnError('VOICE_MISSING', `${lines.length - count} of ${lines.length} spoken lines have no voice in "${lang}"`, {
        hint: `record them as assets/voice/${lang}/<id>.ogg (the ids are in \`cairn translate --voice-script\`'s CSV), or name a file with \`say … voice "…"\``,
      }));
    }
  }
  return { voices, used };
}
