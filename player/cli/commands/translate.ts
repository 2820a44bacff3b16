// `cairn translate DIR --lang fr [--voice-script]`: writes or updates
// DIR/translations/<lang>.po with every player-readable string of the game
// (player/cli/po-merge.ts), and with --voice-script also
// DIR/translations/<lang>-voice.csv for the recording studio.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CairnError } from '../../../interpreter/errors.js';
import { parseCommandArgs } from '../args.js';
import { mergePo, voiceScriptCsv } from '../po-merge.js';
import { loadProject } from '../project.js';
import { compileScriptFiles } from '../sources.js';
import type { Command } from './index.js';

/** A language tag as BCP 47 spells the common ones: `fr`, `pt-BR`, `zh-Hant`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const translateCommand: Command = {
  name: 'translate',
  summary: 'write or update a translation file (gettext PO) for a language',
  usage: [
    'cairn translate DIR --lang LANG [--voice-script]',
    '',
    'Collects every string a player can read (lines, dialog options, names, verb',
    'labels) into DIR/translations/LANG.po, one entry per string with its stable id',
    'as msgctxt. Run it again after editing the scripts: new strings are added,',
    'reworded ones keep their translation marked fuzzy (with the old text), removed',
    'ones become obsolete entries. No translation is ever lost.',
    '',
    '  --lang LANG       the language, as a tag such as fr or pt-BR',
    '  --voice-script    also write DIR/translations/LANG-voice.csv (id, character, text, context, file)',
  ].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('translate', args, { lang: { type: 'string' }, 'voice-script': { type: 'boolean' } });
    if (positionals.length !== 1) throw new CairnError('USAGE', 'cairn translate needs one project folder (see `cairn translate --help`)');
    const lang = values.lang;
    if (typeof lang !== 'string' || !LANGUAGE_TAG.test(lang)) throw new CairnError('USAGE', 'cairn translate needs --lang with a language tag such as fr or pt-BR');
    const dir = positionals[0]!;
    const project = loadProject(dir);
    // Warnings (a line built with `+`) are printed: they name text a translator cannot translate.
    const { strings } = compileScriptFiles(
      project.scripts.map((s) => s.path),
      term,
      { displayNames: new Map(project.scripts.map((s) => [s.path, s.file])) },
    );
    const outDir = join(dir, 'translations');
    mkdirSync(outDir, { recursive: true });
    const poPath = join(outDir, `${lang}.po`);
    const { text, summary } = mergePo(existsSync(poPath) ? readFileSync(poPath, 'utf8') : undefined, strings, lang);
    writeFileSync(poPath, text);
    term.out(`wrote translations/${lang}.po: ${summary.total} strings (${summary.added} new, ${summary.fuzzy} fuzzy, ${summary.obsolete} newly obsolete)`);
    if (values['voice-script']) {
      writeFileSync(join(outDir, `${lang}-voice.csv`), voiceScriptCsv(strings));
      term.out(`wrote translations/${lang}-voice.csv`);
    }
    return 0;
  },
};
