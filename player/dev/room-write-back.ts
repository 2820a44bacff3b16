// The room editor's server side in `cairn dev`: what the scripts say about the
// world's geometry (the compiler's declarations plus the source range of every
// geometric value), and edits written back into the `.adv` files as the
// smallest text change (room-edits.ts) — but only after the changed project
// passed the build's own checks (compile, then the world checks), so nothing
// the build would refuse is ever written. Undo and redo are source edits too,
// kept here, so they outlive page and game reloads. Node-only.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue, Module } from '../../interpreter/bytecode/module.js';
import { compile } from '../../interpreter/compiler/compile.js';
import { geometrySources, type GeometryOwner } from '../../interpreter/compiler/geometry-sources.js';
import { CairnError, isCairnError } from '../../interpreter/errors.js';
import { formatError } from '../../interpreter/diagnostic-format.js';
import { parse } from '../../interpreter/syntax/parse.js';
import { checkWorld } from '../../runtime/world/check-world.js';
import { loadProject, type Project } from '../cli/project.js';
import { applyEdits, propertyEdits, type RoomEdit, type TextEdit } from './room-edits.js';

export type { RoomEdit } from './room-edits.js';

/** What the editor draws from: the screen, the compiled declarations and where each geometric value is written. */
export interface RoomGeometry {
  resolution: [number, number];
  /** The compiler's declarations JSON (interpreter/compiler/declarations.ts). */
  declarations: JsonValue;
  owners: GeometryOwner[];
  /** How many edits undo and redo can take back or make again. */
  undo: number;
  redo: number;
}

/** The answer to an edit, undo or redo: written (with the text edits) or refused with the build's message. */
export type EditAnswer = { ok: true; file: string; edits: TextEdit[]; geometry: RoomGeometry } | { ok: false; message: string };

interface Change {
  file: string;
  before: string;
  after: string;
}

/** Undo and redo remember this many edits. */
const HISTORY_KEPT = 200;

/** Reads and writes one project's geometry. */
export class RoomWriteBack {
  private readonly undone: Change[] = [];
  private readonly done: Change[] = [];

  constructor(private readonly dir: string) {}

  /** The geometry as the scripts on disk say it; throws the build's CairnError when they do not compile. */
  geometry(): RoomGeometry {
    const project = loadProject(this.dir);
    return this.geometryOf(project, this.check(project, new Map()), new Map());
  }

  /** The geometry of `project` with `texts` overriding its files, `module` being its build. */
  private geometryOf(project: Project, module: Module, texts: ReadonlyMap<string, string>): RoomGeometry {
    const owners = geometrySources(project.scripts.map((s) => parse(texts.get(s.file) ?? s.text, s.file)));
    return { resolution: project.config.resolution, declarations: module.declarations, owners, undo: this.done.length, redo: this.undone.length };
  }

  /** Writes one edit if the build accepts the result; else refuses with the build's message and writes nothing. */
  edit(edit: RoomEdit): EditAnswer {
    const project = loadProject(this.dir);
    const owner = this.findOwner(project, edit);
    if (typeof owner === 'string') return { ok: false, message: owner };
    const script = project.scripts.find((s) => s.file === owner.file)!;
    let edits: TextEdit[];
    try {
      edits = propertyEdits(script.text, owner, edit.property, edit.occurrence, edit.value);
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    if (edits.length === 0) return { ok: true, file: owner.file, edits, geometry: this.geometry() };
    const after = applyEdits(script.text, edits);
    const texts = new Map([[script.file, after]]);
    const built = this.build(project, texts);
    if (typeof built === 'string') return { ok: false, message: built };
    this.write(script.file, after);
    this.done.push({ file: script.file, before: script.text, after });
    if (this.done.length > HISTORY_KEPT) this.done.shift();
    this.undone.length = 0;
    return { ok: true, file: script.file, edits, geometry: this.geometryOf(project, built, texts) };
  }

  /** Takes back the last edit, byte for byte; refuses when the file changed since. */
  undo(): EditAnswer {
    return this.replay(this.done, this.undone, 'undo', (c) => [c.after, c.before]);
  }

  /** Makes again the last edit undone. */
  redo(): EditAnswer {
    return this.replay(this.undone, this.done, 'redo', (c) => [c.before, c.after]);
  }

  private replay(from: Change[], to: Change[], what: string, texts: (c: Change) => [string, string]): EditAnswer {
    const change = from[from.length - 1];
    if (change === undefined) return { ok: false, message: `nothing to ${what}` };
    const [expected, next] = texts(change);
    const now = readFileSync(join(this.dir, change.file), 'utf8');
    if (now !== expected) {
      from.length = 0;
      return { ok: false, message: `${change.file} changed outside the room editor since: ${what} it in your text editor` };
    }
    from.pop();
    this.write(change.file, next);
    to.push(change);
    return { ok: true, file: change.file, edits: [{ start: 0, end: now.length, text: next }], geometry: this.geometry() };
  }

  private findOwner(project: Project, edit: RoomEdit): GeometryOwner | string {
    const owners = geometrySources(project.scripts.map((s) => parse(s.text, s.file)));
    const owner = owners.find((o) => o.kind === edit.kind && o.name === edit.name);
    return owner ?? `there is no ${edit.kind} called \`${edit.name}\` in the scripts`;
  }

  /** The project's build with `texts` overriding its files, or the build's message when it would not build. */
  private build(project: Project, texts: ReadonlyMap<string, string>): Module | string {
    try {
      return this.check(project, texts);
    } catch (e) {
      if (!isCairnError(e)) throw e;
      const sources = (f: string) => texts.get(f) ?? project.scripts.find((s) => s.file === f)?.text;
      // The build's own words, without the code frame: the editor shows them in one line under the pointer.
      const first = e.code === 'COMPILE_FAILED' && e.related.length > 0 ? e.related[0]! : e;
      return formatError(first, { sources }).split('\n')[0]!;
    }
  }

  /** Compiles and checks the project as `cairn build` does (texts override files); throws the build's error. */
  private check(project: Project, texts: ReadonlyMap<string, string>): Module {
    const { module } = compile(
      project.scripts.map((s) => ({ file: s.file, text: texts.get(s.file) ?? s.text })),
      { assetExists: (path) => project.assets.has(path), assetNames: () => [...project.assets.keys()] },
    );
    const problems = checkWorld(module, project.config.resolution);
    if (problems.length === 1) throw problems[0];
    if (problems.length > 1) throw new CairnError('COMPILE_FAILED', `The game has ${problems.length} errors.`, { related: problems });
    return module;
  }

  private write(file: string, text: string): void {
    writeFileSync(join(this.dir, file), text);
  }
}
