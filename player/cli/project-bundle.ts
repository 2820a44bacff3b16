// A project compiled and packed in memory, for `cairn build`, `cairn test`,
// `cairn dev` and the tests: validates the project, compiles its scripts
// (checking every asset they name), warns about assets nothing uses, and
// packs a reproducible bundle, hashing with Node's SHA-256.

import { compileStringTables } from './string-tables.js';
import { buildVoiceIndex } from './voice-index.js';
import { checkTranslations } from './translation-check.js';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { encodeModule } from '../../interpreter/bytecode/binary.js';
import { CairnError } from '../../interpreter/errors.js';
import { namedFontFiles, writeBundle } from '../../runtime/bundle/index.js';
import { checkWorld } from '../../runtime/world/check-world.js';
import { sniffAsset } from '../../runtime/world/asset-sniff.js';
import { createProgress } from './progress.js';
import { loadProject, type Project } from './project.js';
import { compileScriptFiles, printWarning } from './sources.js';
import type { Terminal } from './terminal.js';

/** Node's SHA-256, several times faster than the portable one the browser uses. */
export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Projects with more asset bytes than this get a progress bar on a terminal. */
const PROGRESS_MIN_BYTES = 20 * 1024 * 1024;

/** A project compiled (every asset the scripts name checked) and packed, in memory. */
export function buildProjectBundle(dir: string, term: Terminal, onWarning: (warning: CairnError) => void = printWarning(term)): { project: Project; bundle: Uint8Array; assetCount: number } {
  const project = loadProject(dir);
  const { module, assetsUsed, strings } = compileScriptFiles(
    project.scripts.map((s) => s.path),
    term,
    {
      displayNames: new Map(project.scripts.map((s) => [s.path, s.file])),
      assetExists: (path) => project.assets.has(path),
      assetNames: () => [...project.assets.keys()],
      assetInfo: (path) => sniffAsset(path, readFileSync(project.assets.get(path)!)),
      onWarning,
    },
  );
  const poTexts = checkTranslations(project, strings, onWarning, (file, text) => term.addSource(file, text));
  const worldProblems = checkWorld(module, project.config.resolution);
  if (worldProblems.length === 1) throw worldProblems[0];
  if (worldProblems.length > 1) throw new CairnError('COMPILE_FAILED', `The game has ${worldProblems.length} errors.`, { related: worldProblems });
  const { voices, used: voiceFiles } = buildVoiceIndex(project, strings, onWarning);
  // Fonts are named by cairn.json, not by scripts: they are used too.
  const fontFiles = project.config.fonts === undefined ? [] : namedFontFiles(project.config.fonts).map((f) => f.path);
  const used = new Set([...assetsUsed, ...voiceFiles, ...fontFiles]);
  for (const path of project.assets.keys()) {
    if (!used.has(path)) onWarning(new CairnError('UNUSED_ASSET', `assets/${path} is not used by any script`, { hint: 'delete it, or name it in a script; it is packed all the same' }));
  }
  const totalBytes = [...project.assets.values()].reduce((sum, p) => sum + statSync(p).size, 0);
  const progress = createProgress(term, 'Reading assets', totalBytes, PROGRESS_MIN_BYTES);
  const assets = new Map<string, Uint8Array>();
  let read = 0;
  for (const [path, file] of project.assets) {
    const bytes = readFileSync(file);
    assets.set(path, bytes);
    read += bytes.length;
    progress.update(read);
  }
  progress.done();
  const { id, title, author, version, resolution, pixelArt, languages, fonts } = project.config;
  const translated = languages === undefined ? {} : {
    languages: { default: languages.default, offered: [...languages.offered], complete: [...(languages.complete ?? [])] },
    strings: compileStringTables(poTexts, strings),
  };
  const bundle = writeBundle(
    { id, title, author, version, resolution, pixelArt, entry: 'game', modules: new Map([['game', encodeModule(module)]]), assets, ...translated, voices, ...(fonts === undefined ? {} : { fonts }) },
    { sha256: nodeSha256 },
  );
  return { project, bundle, assetCount: assets.size };
}
