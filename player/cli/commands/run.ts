// `cairn run FILE.adv` compiles a script and runs it headless: `on start`
// runs, `print` lines go to stdout, and the process ends when no thread is
// left (exit 0) or on the first error (exit 1, with the script's place).
// An adventure bundle runs in the Game instead (game-session.ts), where an
// input log can be recorded and replayed. `--trace` compiles with debug info
// and writes each line run to stderr, so stdout stays the transcript.

import { CairnError } from '../../../interpreter/errors.js';
import { hasDebugInfo, lineTracer, type DebugHook, type LineHook } from '../../../interpreter/vm/debug-hooks.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { isGameFile, loadBundleFile } from '../bundle-file.js';
import { isAdventure, runHeadless } from '../game-session.js';
import { isReportFile, replayReport } from '../report-replay.js';
import { compileScriptFiles } from '../sources.js';
import { terminalSafe, type Terminal } from '../terminal.js';
import type { Command } from './index.js';
import { secondsToTicks } from '../../../interpreter/vm/ticks.js';

/** Ticks `run` allows by default: one hour of game time. */
const DEFAULT_MAX_TICKS = secondsToTicks(60 * 60);

export const runCommand: Command = {
  name: 'run',
  summary: 'run scripts or a bundle headless and print the transcript',
  usage: [
    'cairn run FILE.adv [FILE.adv …] [--seed N] [--ticks N] [--trace] [--quiet]',
    'cairn run GAME.cairn [--seed N] [--ticks N] [--trace] [--quiet] [--lang LANG] [--record LOG.json] [--replay LOG.json] [--load FILE.cairnsave]',
    '',
    'Compiles the scripts as one program (or opens and verifies a bundle), runs `on start` and prints every `print`',
    'line. Ends when no thread is left (exit 0) or on an error (exit 1, with its file:line:col and code frame). An',
    'adventure (rooms, actors, …) runs in the adventure runtime until the game ends or hands control to the player,',
    'and prints the transcript a player would read: `Name: text` for spoken lines, narration and `print` lines,',
    '`-- room --` on a room change, `[options] 1. "…"` and `> …` for dialog choices, `-- the end --`.',
    '',
    '  -q, --quiet        print only the `print` lines, not the transcript',
    '  --seed N           seed of the random generator (default 1)',
    '  --lang LANG        play in one of the languages the game offers (`fr`; default: the one it is written in);',
    '                     a replay plays in the languages its log recorded',
    '  --ticks N          stop after N ticks of game time (default 216000, one hour)',
    '  --record LOG.json  write the run\'s input log (JSON: format, game, seed, ticks, inputs) at the end',
    '  --replay LOG.json  feed a recorded input log at its ticks and run to its recorded length; a FILE.cairnreport',
    '                     (a player\'s bug report) plays from its save to its error and says whether it came again',
    '  --load FILE.cairnsave  continue from a save file (any player\'s; see `cairn inspect FILE.cairnsave`)',
    '  --trace            write each source line as it runs to stderr, as `[t2] scripts/main.adv:12` (t2: thread 2),',
    '                     and where each `debug` statement is reached; scripts are compiled with debug info (a bundle',
    '                     from `cairn build` is an exported game and has none: only its `debug` statements show)',
  ].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('run', args, {
      seed: { type: 'string' },
      ticks: { type: 'string' },
      record: { type: 'string' },
      replay: { type: 'string' },
      trace: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      load: { type: 'string' },
      lang: { type: 'string' },
    });
    const quiet = values.quiet === true;
    if (positionals.length === 0) throw new CairnError('USAGE', 'cairn run needs a script file (see `cairn run --help`)');
    const seed = integerOption('run', 'seed', values.seed, 1);
    const maxTicks = integerOption('run', 'ticks', values.ticks, DEFAULT_MAX_TICKS);
    const trace = values.trace === true ? traceHooks(term) : undefined;
    const bundle = positionals.length === 1 && isGameFile(positionals[0]!) ? loadBundleFile(positionals[0]!) : undefined;
    if (bundle && trace && !hasDebugInfo(bundle.module)) {
      term.err(`cairn run: ${positionals[0]} has no debug info (\`cairn build\` makes exported games); --trace shows only its \`debug\` statements.`);
    }
    if (bundle && isAdventure(bundle.module)) {
      if (values.replay !== undefined && isReportFile(values.replay) && values.load === undefined) return replayReport(bundle, values.replay, term);
      if (values.replay !== undefined && values.seed !== undefined) throw new CairnError('USAGE', 'a replay uses the seed its log recorded; leave out --seed');
      if (values.replay !== undefined && values.lang !== undefined) throw new CairnError('USAGE', 'a replay plays in the languages its log recorded; leave out --lang');
      return runHeadless(bundle, { seed, maxTicks, record: values.record, replay: values.replay, debug: trace, quiet, load: values.load, lang: values.lang }, term).exitCode;
    }
    const { module } = bundle ?? compileScriptFiles(positionals, term, { debug: trace !== undefined });
    if (!bundle && isAdventure(module)) {
      return runHeadless(module, { seed, maxTicks, debug: trace, record: values.record, replay: values.replay, quiet, lang: values.lang }, term).exitCode;
    }
    if (values.record !== undefined || values.replay !== undefined || values.load !== undefined) throw new CairnError('USAGE', '--record, --replay and --load need an adventure game bundle (.cairn with rooms or actors)');
    if (values.lang !== undefined) throw new CairnError('USAGE', '--lang needs an adventure game bundle (.cairn with rooms or actors)');
    const vm = new VM(module, { seed, print: (line) => term.out(terminalSafe(line)), ...trace });
    vm.init();
    vm.startHandlers('start');
    while (vm.threadCount > 0 && vm.tickCount < maxTicks) vm.tick();
    if (vm.threadCount > 0) term.err(`cairn run: stopped after ${maxTicks} ticks with ${vm.threadCount} thread(s) still running.`);
    return 0;
  },
};

/** The hooks of `--trace`: lines run and `debug` statements reached, to stderr. */
function traceHooks(term: Terminal): { onLine: LineHook; onDebug: DebugHook } {
  return {
    onLine: lineTracer((text) => term.err(text)),
    onDebug: (threadId, place) => term.err(`[t${threadId}] ${place.file}:${place.line}: debug (in \`${place.function}\`)`),
  };
}
