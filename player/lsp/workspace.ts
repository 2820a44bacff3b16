// A game project as the language server holds it: the folder with
// `cairn.json` (found upward from a file), its scripts, walkthroughs and
// asset names, with the editor's unsaved buffers laid over the files on disk.
// Each analysis runs the compiler's public entry point (compile) and the
// world check exactly as `cairn build` does, so the problems the editor shows
// are the build's, and indexes the names for navigation.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CairnError, isCairnError } from '../../interpreter/errors.js';
import { compile } from '../../interpreter/compiler/compile.js';
import type * as A from '../../interpreter/syntax/ast.js';
import { parse } from '../../interpreter/syntax/parse.js';
import { checkWorld } from '../../runtime/world/check-world.js';
import { listFiles, validateProjectConfig } from '../cli/project.js';
import { readTextFile } from '../cli/sources.js';
import { ProjectIndex } from './project-index.js';
import { checkWalkthrough } from './walk-check.js';

/** What one analysis found: problems by project file, and the names. */
export interface Analysis {
  /** Project-relative file → errors and warnings (every file of the project has an entry). */
  problems: Map<string, Array<{ error: CairnError; warning: boolean }>>;
  index: ProjectIndex;
}

/** The folder holding `cairn.json` at or above `path`, or undefined. */
export function findProjectDir(path: string): string | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'cairn.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** One project: its files' current text and its asset names. */
export class Workspace {
  /** Project-relative path (`scripts/beach.adv`) → text on disk. */
  private readonly disk = new Map<string, string>();
  /** Project-relative path → the editor's unsaved text. */
  private readonly open = new Map<string, string>();
  private assetList: string[] | undefined;
  /** The last parse that succeeded per file, so navigation survives a half-typed line. */
  private readonly parsed = new Map<string, { text: string; program: A.Program }>();
  private latest: Analysis | undefined;

  /** A project at `dir`; a lone script (no `cairn.json`) is a project of its own folder with just that file. */
  constructor(
    readonly dir: string,
    private readonly lone?: string,
  ) {
    if (lone !== undefined) this.disk.set(this.relative(lone), readTextFile(lone));
    else for (const sub of ['scripts', 'tests']) for (const path of listFiles(join(dir, sub))) if (/\.(adv|walk)$/.test(path)) this.disk.set(this.relative(path), readTextFile(path));
  }

  /** The project-relative name of an absolute path (with `/`). */
  relative(path: string): string {
    return relative(this.dir, path).split(sep).join('/');
  }

  /** The absolute path of a project-relative name. */
  absolute(file: string): string {
    return join(this.dir, ...file.split('/'));
  }

  /** The text the project sees for a file: the unsaved buffer, else the file on disk. */
  text(file: string): string | undefined {
    return this.open.get(file) ?? this.disk.get(file);
  }

  /** The editor opened or changed a buffer. */
  setBuffer(file: string, text: string): void {
    this.open.set(file, text);
    this.latest = undefined;
  }

  /** The editor closed a buffer: the file on disk counts again. */
  closeBuffer(file: string): void {
    this.open.delete(file);
    this.reloadFromDisk(file);
  }

  /** A file changed, appeared or vanished on disk. */
  reloadFromDisk(file: string): void {
    const path = this.absolute(file);
    if (file.startsWith('assets/')) this.assetList = undefined;
    else if (file === 'cairn.json') this.latest = undefined;
    else if (existsSync(path) && statSync(path).isFile()) this.disk.set(file, readTextFile(path));
    else this.disk.delete(file);
    this.latest = undefined;
  }

  /** Every script, sorted by name as the build orders them. */
  scripts(): string[] {
    return this.files().filter((f) => f.endsWith('.adv'));
  }

  /** Every walkthrough, sorted. */
  walkthroughs(): string[] {
    return this.files().filter((f) => f.endsWith('.walk'));
  }

  private files(): string[] {
    return [...new Set([...this.disk.keys(), ...this.open.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Asset paths relative to `assets/`, sorted. */
  assets(): string[] {
    this.assetList ??= listFiles(join(this.dir, 'assets')).map((p) => relative(join(this.dir, 'assets'), p).split(sep).join('/'));
    return this.assetList;
  }

  /** Compiles and indexes the project as it is now (cached until something changes). */
  analyze(): Analysis {
    if (this.latest) return this.latest;
    const scripts = this.scripts().map((file) => ({ file, text: this.text(file)! }));
    const problems = new Map<string, Array<{ error: CairnError; warning: boolean }>>();
    for (const f of [...(this.lone === undefined ? ['cairn.json'] : []), ...this.files()]) problems.set(f, []);
    const report = (error: CairnError, warning: boolean) => {
      const file = error.span?.source ?? scripts[0]?.file;
      if (file !== undefined) (problems.get(file) ?? problems.set(file, []).get(file)!).push({ error, warning });
    };
    // `cairn build` reads cairn.json first; its problems are the project's too.
    let screen: readonly [number, number] | undefined;
    if (this.lone === undefined) {
      try {
        screen = validateProjectConfig(readTextFile(join(this.dir, 'cairn.json')), 'cairn.json').resolution;
      } catch (e) {
        if (!isCairnError(e)) throw e;
        for (const one of e.all()) report(one, false);
      }
    }
    const assets = new Set(this.assets());
    if (scripts.length > 0) {
      try {
        // A lone script has no assets folder to check against, as with `cairn run FILE.adv`.
        const assetOptions = this.lone === undefined ? { assetExists: (p: string) => assets.has(p), assetNames: () => [...assets] } : {};
        const result = compile(scripts, assetOptions);
        for (const w of result.warnings) report(w, true);
        // The screen size places hotspots in rooms without a `size`, as the build does.
        for (const e of checkWorld(result.module, screen)) report(e, false);
      } catch (e) {
        if (!isCairnError(e)) throw e;
        for (const one of e.all()) report(one, false);
      }
    }
    const index = new ProjectIndex(scripts.flatMap(({ file, text }) => this.program(file, text) ?? []));
    for (const walk of this.walkthroughs()) for (const error of checkWalkthrough(this.text(walk)!, walk, scripts.length > 0 ? index : undefined)) report(error, false);
    this.latest = { problems, index };
    return this.latest;
  }

  /** The file's syntax tree, or the last one that parsed. */
  private program(file: string, text: string): A.Program | undefined {
    const cached = this.parsed.get(file);
    if (cached?.text === text) return cached.program;
    try {
      const program = parse(text, file);
      this.parsed.set(file, { text, program });
      return program;
    } catch (e) {
      if (!isCairnError(e)) throw e;
      return cached?.program;
    }
  }
}
