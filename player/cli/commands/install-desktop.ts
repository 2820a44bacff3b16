// `cairn install-desktop` and `cairn uninstall-desktop`: register (or remove)
// the .cairn file type, its icon and a .desktop entry for the current user, so
// that double-clicking a bundle runs `cairn play` (player/desktop/xdg-install.ts).

import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { CairnError } from '../../../interpreter/errors.js';
import { packageRoot } from '../../desktop/player-files.js';
import { isSingleExecutable } from '../../release/embedded-files.js';
import { installDesktop, MIME_TYPE, uninstallDesktop, type DesktopReport } from '../../desktop/xdg-install.js';
import { parseCommandArgs } from '../args.js';
import type { Terminal } from '../terminal.js';
import type { Command } from './index.js';

export const installDesktopCommand: Command = {
  name: 'install-desktop',
  summary: 'open .cairn files with a double-click (this user, Linux desktops)',
  usage: [
    'cairn install-desktop',
    '',
    `Registers ${MIME_TYPE} (*.cairn, and bundles by their content), an icon and a cairn.desktop entry under`,
    '$XDG_DATA_HOME, makes it the default with xdg-mime and updates the MIME and desktop databases. The entry',
    'runs this copy of Cairn by absolute path (Node.js and bin/cairn.js, or the single-file runtime): run it again',
    'after moving it. No root needed;',
    'running it twice changes nothing. Needs shared-mime-info; xdg-utils and desktop-file-utils are used when present.',
  ].join('\n'),
  async run(args, term) {
    const { positionals } = parseCommandArgs('install-desktop', args, {});
    if (positionals.length > 0) throw new CairnError('USAGE', 'cairn install-desktop takes no arguments');
    requireFreedesktop();
    // The single-file runtime is the whole CLI; an npm install or a checkout is Node.js running bin/cairn.js.
    const cliPath = isSingleExecutable() ? undefined : realpathSync(join(packageRoot(), 'bin', 'cairn.js'));
    const report = installDesktop({ env: process.env, nodePath: realpathSync(process.execPath), cliPath });
    return tell(term, report, 'Double-click a .cairn file to play it (a desktop may need a new login to notice).');
  },
};

export const uninstallDesktopCommand: Command = {
  name: 'uninstall-desktop',
  summary: 'undo install-desktop for this user',
  usage: ['cairn uninstall-desktop', '', 'Removes the files install-desktop wrote and Cairn\'s lines in mimeapps.list, then updates the databases.'].join('\n'),
  async run(args, term) {
    const { positionals } = parseCommandArgs('uninstall-desktop', args, {});
    if (positionals.length > 0) throw new CairnError('USAGE', 'cairn uninstall-desktop takes no arguments');
    requireFreedesktop();
    return tell(term, uninstallDesktop({ env: process.env }), 'Cairn no longer opens .cairn files.');
  },
};

function requireFreedesktop(): void {
  if (process.platform === 'darwin' || process.platform === 'win32') {
    throw new CairnError('USAGE', `desktop integration on ${process.platform === 'darwin' ? 'macOS' : 'Windows'} is designed (docs/desktop.md) but not built yet`);
  }
}

function tell(term: Terminal, report: DesktopReport, done: string): number {
  for (const line of report.lines) term.out(line);
  for (const warning of report.warnings) term.err(`cairn: warning: ${warning}`);
  term.out(done);
  return 0;
}
