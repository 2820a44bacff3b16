// `cairn build DIR [-o FILE] [--web OUTDIR] [--app] [--json]`: builds the project's bundle
// (project-bundle.ts), writes it without ever leaving half a file (write-output.ts), and
// exports it for the web when asked.

import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { CairnError, isCairnError } from '../../../interpreter/errors.js';
import { diagnosticsOf, type Diagnostic } from '../../../interpreter/diagnostic-format.js';
import { parseCommandArgs } from '../args.js';
import { formatBytes } from '../format-bytes.js';
import { buildProjectBundle } from '../project-bundle.js';
import type { Terminal } from '../terminal.js';
import { exportWeb } from '../web-export.js';
import { writeGameApp } from '../../release/game-app.js';
import { writeOutputFile } from '../write-output.js';
import type { Command } from './index.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'compile a game project into a .cairn bundle',
  usage: [
    'cairn build DIR [-o FILE] [--web OUTDIR] [--app]',
    '',
    'Checks DIR/cairn.json, compiles DIR/scripts/*.adv, checks every asset the',
    'scripts name and packs code and DIR/assets/** into one bundle. The same',
    'project always gives a byte-identical bundle.',
    '',
    '  -o, --output FILE   where to write the bundle (default: ./DIRNAME.cairn)',
    '  --web OUTDIR        also write a web export: OUTDIR with index.html, the',
    '                      player and the bundle (any static host serves it),',
    '                      and OUTDIR.zip of it for game portals',
    '  --app               also write the game as one Linux app beside the bundle:',
    '                      <id>-linux-x64 (the single-file runtime with the bundle',
    '                      inside; run it to play), <id>.desktop and <id>.svg',
    '  --json              print the result as one JSON object on stdout, for editors',
    '                      and CI: {"ok", "output", "diagnostics": [{file, range, code,',
    '                      severity, message, hint, notes}]} (docs/testing.md)',
  ].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('build', args, { output: { type: 'string', short: 'o' }, web: { type: 'string' }, app: { type: 'boolean' }, json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new CairnError('USAGE', 'cairn build needs one project folder (see `cairn build --help`)');
    const dir = resolve(positionals[0]!);
    const output = resolve(values.output ?? `${basename(dir)}.cairn`);
    if (values.json === true) return buildAsJson(dir, output, term);
    const started = performance.now();
    const { project, bundle, assetCount } = buildProjectBundle(dir, term);
    writeOutputFile(output, bundle);
    const ms = Math.round(performance.now() - started);
    term.out(`Built ${output} (${formatBytes(bundle.length)}, ${project.scripts.length} script${project.scripts.length === 1 ? '' : 's'}, ${assetCount} asset${assetCount === 1 ? '' : 's'}) in ${ms} ms`);
    if (values.web !== undefined) {
      const web = exportWeb(values.web, bundle, project.config.title);
      term.out(`Exported ${web.dir} (${web.files} files) and ${web.zip} (${formatBytes(web.zipBytes)})`);
    }
    if (values.app === true) {
      const { id, title, description } = project.config;
      const app = writeGameApp(dirname(output), bundle, { id, title, description }, process.env);
      term.out(`Wrote ${app.app} (${formatBytes(statSync(app.app).size)}; run it to play), ${app.desktop} and ${app.icon}`);
    }
    return 0;
  },
};

/** `cairn build --json`: the same build, its errors and warnings as diagnostics on stdout; exit 1 on an error. */
function buildAsJson(dir: string, output: string, term: Terminal): number {
  const diagnostics: Diagnostic[] = [];
  let ok = true;
  try {
    const { bundle } = buildProjectBundle(dir, term, (w) => diagnostics.push(...diagnosticsOf(w, 'warning')));
    writeOutputFile(output, bundle);
  } catch (e) {
    if (!isCairnError(e)) throw e;
    diagnostics.push(...diagnosticsOf(e));
    ok = false;
  }
  term.out(JSON.stringify({ ok, output: ok ? output : null, diagnostics }, null, 2));
  return ok ? 0 : 1;
}
