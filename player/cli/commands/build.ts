// `cairn build DIR [-o FILE]`: validates the project, compiles its scripts
// (checking every asset they name), warns about assets nothing uses, and
// packs a reproducible `.cairn` bundle.

import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { encodeModule } from '../../../interpreter/bytecode/binary.js';
import { CairnError } from '../../../interpreter/errors.js';
import { writeBundle } from '../../../runtime/bundle/index.js';
import { checkWorld } from '../../../runtime/world/check-world.js';
import { parseCommandArgs } from '../args.js';
import { createProgress } from '../progress.js';
import { loadProject, type Project } from '../project.js';
import { compileScriptFiles } from '../sources.js';
import type { Terminal } from '../terminal.js';
import { exportWeb } from '../web-export.js';
import type { Command } from './index.js';

/** Node's SHA-256, several times faster than the portable one the browser uses. */
export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Projects with more asset bytes than this get a progress bar on a terminal. */
const PROGRESS_MIN_BYTES = 20 * 1024 * 1024;

export const buildCommand: Command = {
  name: 'build',
  summary: 'compile a game project into a .cairn bundle',
  usage: [
    'cairn build DIR [-o FILE] [--web OUTDIR]',
    '',
    'Checks DIR/cairn.json, compiles DIR/scripts/*.adv, checks every asset the',
    'scripts name and packs code and DIR/assets/** into one bundle. The same',
    'project always gives a byte-identical bundle.',
    '',
    '  -o, --output FILE   where to write the bundle (default: ./DIRNAME.cairn)',
    '  --web OUTDIR        also write a web export: OUTDIR with index.html, the',
    '                      player and the bundle (any static host serves it),',
    '                      and OUTDIR.zip of it for game portals',
  ].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('build', args, { output: { type: 'string', short: 'o' }, web: { type: 'string' } });
    if (positionals.length !== 1) throw new CairnError('USAGE', 'cairn build needs one project folder (see `cairn build --help`)');
    const dir = resolve(positionals[0]!);
    const started = performance.now();
    const { project, bundle, assetCount } = buildProjectBundle(dir, term);
    const output = resolve(values.output ?? `${basename(dir)}.cairn`);
    // Write beside the target and rename, so a failed write never leaves half a bundle.
    const temporary = `${output}.partial`;
    writeFileSync(temporary, bundle);
    renameSync(temporary, output);
    const ms = Math.round(performance.now() - started);
    term.out(`Built ${output} (${formatBytes(bundle.length)}, ${project.scripts.length} script${project.scripts.length === 1 ? '' : 's'}, ${assetCount} asset${assetCount === 1 ? '' : 's'}) in ${ms} ms`);
    if (values.web !== undefined) {
      const web = exportWeb(values.web, bundle, project.config.title);
      term.out(`Exported ${web.dir} (${web.files} files) and ${web.zip} (${formatBytes(web.zipBytes)})`);
    }
    return 0;
  },
};

/** A project compiled (every asset the scripts name checked) and packed, in memory. */
export function buildProjectBundle(dir: string, term: Terminal): { project: Project; bundle: Uint8Array; assetCount: number } {
  const project = loadProject(dir);
  const { module, assetsUsed } = compileScriptFiles(
    project.scripts.map((s) => s.path),
    term,
    {
      displayNames: new Map(project.scripts.map((s) => [s.path, s.file])),
      assetExists: (path) => project.assets.has(path),
      assetNames: () => [...project.assets.keys()],
    },
  );
  const worldProblems = checkWorld(module, project.config.resolution);
  if (worldProblems.length === 1) throw worldProblems[0];
  if (worldProblems.length > 1) throw new CairnError('COMPILE_FAILED', `The game has ${worldProblems.length} errors.`, { related: worldProblems });
  const used = new Set(assetsUsed);
  for (const path of project.assets.keys()) {
    if (!used.has(path)) term.err(`warning: assets/${path} is not used by any script`);
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
  const { id, title, author, version, resolution, pixelArt } = project.config;
  const bundle = writeBundle(
    { id, title, author, version, resolution, pixelArt, entry: 'game', modules: new Map([['game', encodeModule(module)]]), assets },
    { sha256: nodeSha256 },
  );
  return { project, bundle, assetCount: assets.size };
}

/** "1.2 MB", "640 KB", "12 bytes". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
