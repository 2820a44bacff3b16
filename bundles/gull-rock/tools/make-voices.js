#!/usr/bin/env node
// Synthesises the voiced lines of Gull Rock — the opening scene and the
// ending — in every language the game offers, into
// assets/voice/<lang>/<id>.ogg, where the player finds a line's voice by its
// translation id. Run it from the repository root after `npm run build`:
//   node bundles/gull-rock/tools/make-voices.js [--out DIR] [--list] [id-filter]
// The ids and the English come from the compiler (dist/, the same strings
// `cairn translate` writes), the other languages from translations/<lang>.po;
// a line not translated there is reported and left unvoiced in that language.
// Needs espeak-ng and oggenc (Debian: apt-get install espeak-ng vorbis-tools).
// Output is mono Vorbis at 16 kHz, quality 0 (about 3 KB a second); with the
// same espeak-ng and vorbis-tools it is byte for byte the same every run.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import gettextParser from 'gettext-parser';

const GAME = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const OUT = outAt >= 0 ? args.splice(outAt, 2)[1] : join(GAME, 'assets', 'voice');
const listOnly = args.includes('--list');
const filter = args.filter((a) => a !== '--list')[0] ?? '';

/** The handlers whose lines are voiced: the opening cutscene and the ending. */
const VOICED = ['fn intro', 'fn finale', 'fn give_parcel'];

/** Who speaks a `say` that names nobody: the player character (`control wren` in 00-cast.adv). */
const PLAYER = 'wren';

/** espeak-ng voice variant, pitch (0–99) and speed (words a minute) for each speaker. */
const CAST = {
  wren: { variant: 'f4', pitch: 72, speed: 165 },
  mags: { variant: 'f2', pitch: 38, speed: 140 },
  barnaby: { variant: 'm3', pitch: 22, speed: 130 },
  gulliver: { variant: 'm6', pitch: 99, speed: 190 },
};

/** espeak-ng's voice for each language tag the game offers. */
const ESPEAK_VOICE = { en: 'en-gb', fr: 'fr-fr' };

/** The lines to voice, from the compiler: id, speaker, English text. */
async function voicedLines() {
  const compilerPath = join(GAME, '..', '..', 'dist', 'interpreter', 'compiler', 'compile.js');
  let compile;
  try {
    ({ compile } = await import(compilerPath));
  } catch {
    fail(`cannot load the compiler at ${compilerPath}: run \`npm run build\` first`);
  }
  const scripts = readdirSync(join(GAME, 'scripts')).filter((f) => f.endsWith('.adv')).sort();
  const files = scripts.map((f) => ({ file: `scripts/${f}`, text: readFileSync(join(GAME, 'scripts', f), 'utf8') }));
  const { strings } = compile(files);
  return strings
    .filter((s) => s.role === 'line' && VOICED.includes(s.context) && s.id.includes(filter))
    .map((s) => ({ id: s.id, speaker: s.speaker ?? PLAYER, en: s.text }));
}

/** id → translated text of one PO file, leaving out untranslated and fuzzy entries. */
function readTranslations(lang) {
  const po = gettextParser.po.parse(readFileSync(join(GAME, 'translations', `${lang}.po`)));
  const table = new Map();
  for (const [ctx, entries] of Object.entries(po.translations)) {
    for (const entry of Object.values(entries)) {
      const text = entry.msgstr[0] ?? '';
      const fuzzy = /\bfuzzy\b/.test(entry.comments?.flag ?? '');
      if (ctx !== '' && text !== '' && !fuzzy) table.set(ctx, text);
    }
  }
  return table;
}

// espeak-ng spells out short words in capitals (OUT → "O, U, T"): shouted words are spoken as words.
const speakable = (text) => text.replace(/(?<!\p{L})\p{Lu}{2,}(?!\p{L})/gu, (w) => w.toLowerCase());

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.error?.code === 'ENOENT') fail(`${cmd} is not installed (Debian: apt-get install espeak-ng vorbis-tools)`);
  if (r.status !== 0) fail(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
}

function fail(message) {
  process.stderr.write(`make-voices: ${message}\n`);
  process.exit(1);
}

/** Speaks `text` as `speaker` in `lang` into the OGG file `out`. */
function synthesise(text, speaker, lang, out, scratch) {
  const voice = CAST[speaker] ?? fail(`no voice for the speaker \`${speaker}\`: add one to CAST`);
  const wav = join(scratch, 'line.wav');
  run('espeak-ng', ['-v', `${ESPEAK_VOICE[lang]}+${voice.variant}`, '-p', String(voice.pitch), '-s', String(voice.speed), '-w', wav, speakable(text)]);
  // A fixed stream serial number keeps the file the same from run to run.
  run('oggenc', ['-Q', '-s', '1', '--resample', '16000', '--downmix', '-q', '0', '-o', out, wav]);
}

const config = JSON.parse(readFileSync(join(GAME, 'cairn.json'), 'utf8'));
const languages = config.languages?.offered ?? ['en'];
const source = config.languages?.default ?? 'en';
const lines = await voicedLines();
const scratch = mkdtempSync(join(tmpdir(), 'gull-rock-voices-'));
let made = 0;
let bytes = 0;
try {
  for (const lang of languages) {
    if (!(lang in ESPEAK_VOICE)) fail(`no espeak-ng voice for the language \`${lang}\`: add one to ESPEAK_VOICE`);
    const table = lang === source ? undefined : readTranslations(lang);
    mkdirSync(join(OUT, lang), { recursive: true });
    for (const line of lines) {
      const text = table === undefined ? line.en : table.get(line.id);
      if (text === undefined) {
        process.stdout.write(`${lang}: ${line.id} is not translated in translations/${lang}.po, left unvoiced\n`);
        continue;
      }
      const out = join(OUT, lang, `${line.id}.ogg`);
      if (listOnly) {
        process.stdout.write(`${lang}/${line.id}.ogg  ${line.speaker}: ${text}\n`);
        continue;
      }
      synthesise(text, line.speaker, lang, out, scratch);
      made += 1;
      bytes += statSync(out).size;
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (!listOnly) process.stdout.write(`${made} voiced lines in ${languages.join(', ')} (${Math.round(bytes / 1024)} KB) in ${OUT}\n`);
