// One `cairn dev` from start to end: build the project, serve it through the
// desktop's play session (player/desktop/) with the dev routes added, watch
// the project and rebuild on each change, telling the page and the terminal.
// Knows nothing of the command line: the CLI hands it the folder and a terminal.

import { loadProject } from '../cli/project.js';
import type { Terminal } from '../cli/terminal.js';
import { runPlaySession } from '../desktop/play-session.js';
import type { StopReason } from '../desktop/server.js';
import { DevBuilder, type DevBuild } from './dev-builds.js';
import { devRoutes } from './dev-routes.js';
import { RebuildScheduler, watchProject } from './watcher.js';

/** What a dev session needs. */
export interface DevSessionOptions {
  dir: string;
  open: boolean;
  port?: number;
  term: Terminal;
}

/** Serves and rebuilds until the window closes or Ctrl-C; resolves with why it ended. */
export async function runDevSession(options: DevSessionOptions): Promise<StopReason> {
  const { dir, term } = options;
  // A broken cairn.json is a usage error now; broken scripts are shown in the page and fixed live.
  const { config } = loadProject(dir);
  const builder = new DevBuilder(dir);
  const routes = devRoutes(builder, (line) => term.err(line));
  let warnings = '';
  const report = (build: DevBuild, cause: string): void => {
    const ms = `${Math.round(build.ms)} ms`;
    if (!build.ok) return term.err(`${build.text}\n(build ${build.version} failed in ${ms}; the page shows the error until it is fixed)`);
    // Warnings once, not again on every rebuild that still has them.
    const now = build.warnings.join('\n');
    if (now !== warnings && now !== '') term.err(now);
    warnings = now;
    term.out(`Built ${config.id} (build ${build.version}) in ${ms}${cause}`);
  };
  report(builder.build(), '');

  const changed = new Set<string>();
  const scheduler = new RebuildScheduler(() => {
    const paths = [...changed].sort();
    changed.clear();
    const build = builder.build();
    report(build, paths.length > 0 ? `: ${paths.join(', ')} changed` : '');
    routes.publish(build);
  });
  const watch = watchProject(
    dir,
    (path) => {
      if (path !== null) changed.add(path);
      scheduler.poke();
    },
    (e) => term.err(`cairn dev: watching ${dir} failed: ${e.message}`),
  );
  try {
    return await runPlaySession({
      fileName: config.title,
      game: { bytes: builder.bundle ?? new Uint8Array(), id: config.id, title: config.title, resolution: config.resolution },
      open: options.open,
      port: options.port,
      env: process.env,
      say: (line) => term.out(line),
      warn: (line) => term.err(line),
      dev: routes,
    });
  } finally {
    watch.close();
    scheduler.dispose();
  }
}
