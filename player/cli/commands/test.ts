// `cairn test PROJECT_OR_BUNDLE [FILE.walk …]`: plays walkthroughs headless
// against a fresh game each and reports them, one line per walkthrough and
// every failure at its file:line; exit 1 on any failure. This is how authors
// test their games in CI. A project folder is built in memory first, exactly
// as `cairn build` would pack it, so the tests run what ships.

import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { CairnError, isCairnError } from '../../../interpreter/errors.js';
import { diagnosticsOf, formatError, type Diagnostic } from '../../../interpreter/diagnostic-format.js';
import type { GameDriver } from '../../../runtime/game-api.js';
import { loadGame, type LoadedGame } from '../../../runtime/game-loader.js';
import { formatInputLog } from '../../../runtime/input-log.js';
import { WALK_COMMANDS } from '../../../runtime/walkthrough/commands.js';
import { parseWalkthrough, type Walkthrough } from '../../../runtime/walkthrough/parse.js';
import { runWalkthrough, type WalkResult } from '../../../runtime/walkthrough/run.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { loadBundleFile } from '../bundle-file.js';
import { chosenLanguages, startGame } from '../game-session.js';
import { continueFromSave } from '../save-files.js';
import { readTextFile } from '../sources.js';
import { terminalSafeError, terminalSafeSources, type Terminal } from '../terminal.js';
import { buildProjectBundle, nodeSha256 } from '../project-bundle.js';
import type { Command } from './index.js';
import { ticksToSeconds } from '../../../interpreter/vm/ticks.js';

const commandWidth = Math.max(...WALK_COMMANDS.map((c) => c.syntax.length));

export const testCommand: Command = {
  name: 'test',
  summary: 'play walkthroughs (tests/*.walk) headless and check them',
  usage: [
    'cairn test PROJECT_OR_BUNDLE [FILE.walk …] [--seed N] [--lang LANG|all] [--record LOG.json] [--from FILE.cairnsave]',
    '',
    'Builds the project folder in memory (or opens and verifies a .cairn bundle), then plays each',
    'walkthrough against a fresh game: the named files (found from the current directory or, failing that,',
    'in PROJECT), or every PROJECT/tests/*.walk. Prints a line per',
    'walkthrough and each failure at its file:line; exit 1 when any fails.',
    '',
    '  --seed N          seed of the random generator (default 1)',
    '  --lang LANG       play in a language the game offers (`fr`); `all` plays each walkthrough in every one.',
    '                    `expect said "…"` matches a line in the language played or the scripts\' own',
    '  --from FILE.cairnsave  play each walkthrough from this save instead of a new game',
    '  --record LOG.json write the input log of the (one) walkthrough, for `cairn run --replay`',
    '  --json            print the results as one JSON object on stdout, for editors and CI: {"ok", "walkthroughs":',
    '                    [{file, passed, stopped, steps, ticks}], "diagnostics": [{file, range, code, severity, message,',
    '                    hint, notes}]} (docs/testing.md)',
    '',
    'Walkthrough commands (one per line, `#` starts a comment; each first waits until the player has control):',
    ...WALK_COMMANDS.map((c) => `  ${c.syntax.padEnd(commandWidth)}  ${c.summary}`),
  ].join('\n'),
  async run(args, term) {
    const { values, positionals } = parseCommandArgs('test', args, { seed: { type: 'string' }, record: { type: 'string' }, json: { type: 'boolean' }, from: { type: 'string' }, lang: { type: 'string' } });
    if (positionals.length === 0) throw new CairnError('USAGE', 'cairn test needs a project folder or a .cairn bundle (see `cairn test --help`)');
    const seed = integerOption('test', 'seed', values.seed, 1);
    const [target, ...named] = positionals as [string, ...string[]];
    if (values.json === true) return testAsJson(target, named, seed, values.lang, term);
    const { game, walkthroughs } = openTarget(target, named, term);
    const languages = chosenLanguages(game, values.lang);
    if (values.record !== undefined && walkthroughs.length * languages.length !== 1) {
      throw new CairnError('USAGE', `--record writes one walkthrough's input log, but ${walkthroughs.length * languages.length} would run; name one .walk file and one language`);
    }
    const results: Array<WalkResult | undefined> = [];
    for (const lang of languages) {
      for (const walk of walkthroughs) {
        const started = performance.now();
        const fresh = () => startGame(game, seed, undefined, lang);
        const played = playOne(walk, () => (values.from === undefined ? fresh() : continueFromSave(fresh(), values.from)), term);
        results.push(played?.result);
        report(lang === undefined ? walk.name : `${walk.name} [${lang}]`, played?.result, performance.now() - started, term);
        if (values.record !== undefined && played) writeFileSync(values.record, formatInputLog(played.game.inputLog()));
      }
    }
    const failed = results.filter((r) => !r?.passed).length;
    const count = `${results.length} walkthrough${results.length === 1 ? '' : 's'}`;
    term.out(`\n${count}${languages.length > 1 ? ` in ${languages.length} languages` : ''}: ${results.length - failed} passed${failed > 0 ? `, ${failed} failed` : ''}`);
    return failed > 0 ? 1 : 0;
  },
};

/** `cairn test --json`: builds, plays and reports as one JSON object; exit 1 when anything failed. */
function testAsJson(target: string, named: string[], seed: number, langOption: string | undefined, term: Terminal): number {
  const diagnostics: Diagnostic[] = [];
  const walkthroughs: Array<{ file: string; lang?: string; passed: boolean; stopped: boolean; steps: number; ticks: number }> = [];
  let ok = true;
  try {
    const { game, walkthroughs: files } = openTarget(target, named, term, (w) => diagnostics.push(...diagnosticsOf(w, 'warning')));
    for (const [lang, walk] of chosenLanguages(game, langOption).flatMap((l) => files.map((f) => [l, f] as const))) {
      let parsed: Walkthrough;
      try {
        parsed = parseWalkthrough(readTextFile(walk.path), walk.name);
      } catch (e) {
        if (!isCairnError(e)) throw e;
        diagnostics.push(...diagnosticsOf(e));
        walkthroughs.push({ file: walk.name, passed: false, stopped: true, steps: 0, ticks: 0 });
        ok = false;
        continue;
      }
      const result = runWalkthrough(parsed, startGame(game, seed, undefined, lang));
      for (const failure of result.failures) diagnostics.push(...diagnosticsOf(failure));
      walkthroughs.push({ file: walk.name, ...(lang === undefined ? {} : { lang }), passed: result.passed, stopped: result.stopped, steps: result.stepsRun, ticks: result.ticks });
      ok &&= result.passed;
    }
  } catch (e) {
    if (!isCairnError(e)) throw e;
    diagnostics.push(...diagnosticsOf(e));
    ok = false;
  }
  term.out(JSON.stringify({ ok, walkthroughs, diagnostics }, null, 2));
  return ok ? 0 : 1;
}

/** A walkthrough file: its path on disk and the name it goes by in reports. */
interface WalkFile {
  path: string;
  name: string;
}

/** The verified game and the walkthroughs to play on it. */
function openTarget(target: string, named: string[], term: Terminal, onWarning?: (warning: CairnError) => void): { game: LoadedGame; walkthroughs: WalkFile[] } {
  const folder = isFolder(target);
  // A named walkthrough is found from the current directory or, failing that, in the project (`tests/beach.walk`).
  const byName = named.map((path) => (folder && !existsSync(path) && existsSync(join(target, path)) ? { path: join(target, path), name: path } : { path, name: path }));
  if (folder) {
    const dir = resolve(target);
    const { project, bundle } = buildProjectBundle(dir, term, onWarning);
    const walkthroughs = byName.length > 0 ? byName : project.walkthroughs.map((path) => ({ path, name: relative(dir, path).split(sep).join('/') }));
    if (walkthroughs.length === 0) throw new CairnError('USAGE', `There are no walkthroughs: put .walk files in ${resolve(dir, 'tests')} or name them.`);
    return { game: loadGame(bundle, { sha256: nodeSha256 }), walkthroughs };
  }
  if (byName.length === 0) throw new CairnError('USAGE', 'A bundle holds no walkthroughs: name the .walk files to play on it (see `cairn test --help`).');
  return { game: loadBundleFile(target), walkthroughs: byName };
}

/** Reads, parses and plays one walkthrough on a fresh game; a file that does not parse is reported and counts as failed. */
function playOne(walk: WalkFile, newGame: () => GameDriver, term: Terminal): { result: WalkResult; game: GameDriver } | undefined {
  let parsed: Walkthrough;
  try {
    const text = readTextFile(walk.path);
    term.addSource(walk.name, text);
    parsed = parseWalkthrough(text, walk.name);
  } catch (e) {
    if (!isCairnError(e)) throw e;
    term.out(`${mark(false, term)} ${walk.name}  could not be read`);
    term.out(indent(formatError(terminalSafeError(e), { color: term.color, sources: terminalSafeSources(term.sources) })));
    return undefined;
  }
  const game = newGame();
  return { result: runWalkthrough(parsed, game), game };
}

/** `✓ tests/beach.walk  16 steps, 1,234 ticks (20.6 s of game time), 12 ms` and the failures below it. */
function report(name: string, result: WalkResult | undefined, ms: number, term: Terminal): void {
  if (!result) return;
  const count = `${result.stepsRun} step${result.stepsRun === 1 ? '' : 's'}`;
  const steps = result.stopped ? `stopped after ${count}` : count;
  const failures = result.failures.length === 0 ? '' : `, ${result.failures.length} failure${result.failures.length === 1 ? '' : 's'}`;
  const time = `${result.ticks.toLocaleString('en-US')} ticks (${ticksToSeconds(result.ticks).toFixed(1)} s of game time)`;
  term.out(`${mark(result.passed, term)} ${name}  ${steps}${failures}, ${time}, ${Math.round(ms)} ms`);
  for (const failure of result.failures) term.out(indent(formatError(terminalSafeError(failure), { color: term.color, sources: terminalSafeSources(term.sources) })));
}

function mark(passed: boolean, term: Terminal): string {
  if (!term.color) return passed ? '✓' : '✗';
  return passed ? '\x1b[32m✓\x1b[0m' : '\x1b[31m✗\x1b[0m';
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
