// A game project folder as the toolchain reads it: `cairn.json` validated
// (unknown keys are errors with a hint, so a typo never passes silently), the
// scripts in file-name order, and the list of asset files. Node-only.

import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CairnError, type Span } from '../../interpreter/errors.js';
import { didYouMean } from '../../interpreter/edit-distance.js';
import { FONT_ROLES, type ManifestFonts } from '../../runtime/bundle/index.js';
import { readTextFile } from './sources.js';

/** The validated contents of `cairn.json`. */
export interface ProjectConfig {
  id: string;
  title: string;
  version: string;
  author: string;
  resolution: [number, number];
  pixelArt: boolean;
  description?: string;
  /** The languages the game offers (docs/localization.md): the one it is written in, the translations, those declared complete. */
  languages?: { default: string; offered: string[]; complete?: string[] };
  /** The fonts text is drawn in (docs/localization.md, Fonts): asset paths per role, per language where needed. */
  fonts?: ManifestFonts;
}

/** A project read from disk. */
export interface Project {
  dir: string;
  config: ProjectConfig;
  /** `scripts/*.adv`, sorted by file name; `file` is relative to the project (`scripts/beach.adv`). */
  scripts: Array<{ file: string; path: string; text: string }>;
  /** Asset path relative to `assets/` (with `/`) → absolute file path, sorted. */
  assets: Map<string, string>;
  /** Walkthroughs `tests/*.walk`, sorted. */
  walkthroughs: string[];
}

type FieldCheck = (value: unknown) => string | undefined;

const isNonEmptyString: FieldCheck = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'must be a non-empty string');

/** Each key of cairn.json with its check; one table for validation, hints and docs. */
const FIELDS: Record<string, { required: boolean; check: FieldCheck; doc: string }> = {
  id: {
    required: true,
    doc: 'reverse-domain identifier, e.g. "org.example.mygame"',
    check: (v) => (typeof v === 'string' && /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/i.test(v) ? undefined : 'must look like "org.example.mygame" (letters, digits, dashes, dots)'),
  },
  title: { required: true, doc: 'the game title players see', check: isNonEmptyString },
  version: {
    required: true,
    doc: 'the game version, semantic versioning ("1.0.0")',
    check: (v) => (typeof v === 'string' && /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(v) ? undefined : 'must be a version like "1.0.0"'),
  },
  author: { required: true, doc: 'who made the game', check: isNonEmptyString },
  resolution: {
    required: true,
    doc: 'the game screen size in pixels, [width, height]',
    check: (v) =>
      Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && n >= 16 && n <= 8192) ? undefined : 'must be [width, height] in whole pixels, e.g. [640, 360]',
  },
  pixelArt: { required: true, doc: 'true for pixel art: scale by whole numbers, no smoothing', check: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false') },
  description: { required: false, doc: 'a sentence about the game', check: (v) => (typeof v === 'string' ? undefined : 'must be a string') },
  languages: {
    required: false,
    doc: 'the languages offered: {"default": "en", "offered": ["en", "fr"], "complete": ["fr"]}',
    check: checkLanguages,
  },
  fonts: {
    required: false,
    doc: 'the fonts text is drawn in: {"speech": "fonts/x.woff2", "ui": …, "dialog": …, "bitmap": false, "languages": {"ar": {"speech": …}}}',
    check: checkFonts,
  },
};

/** `fonts`: asset paths (relative to assets/) per role, `bitmap`, and per-language paths per role. */
function checkFonts(v: unknown): string | undefined {
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const roles = FONT_ROLES.map((r) => `"${r}"`).join(', ');
  // `prefix` names where the files are (`languages.ar.`); the phrase follows "`fonts` in cairn.json".
  const files = (x: Record<string, unknown>, prefix: string): string | undefined => {
    for (const [k, p] of Object.entries(x)) {
      if (!(FONT_ROLES as readonly string[]).includes(k)) return `has an unknown role \`${prefix}${k}\`: the roles are ${roles}`;
      if (typeof p !== 'string' || p === '' || p.startsWith('/') || p.startsWith('assets/') || p.split('/').includes('..')) {
        return `has \`${prefix}${k}\`, which must be a font file's path inside assets/, like "fonts/story.woff2"`;
      }
    }
    return undefined;
  };
  if (!isObject(v)) return 'must be an object like {"speech": "fonts/story.woff2"}';
  const { bitmap, languages, ...byRole } = v;
  if (bitmap !== undefined && typeof bitmap !== 'boolean') return 'has `bitmap`, which must be true (BMFont .fnt files) or false';
  const problem = files(byRole, '');
  if (problem !== undefined || languages === undefined) return problem;
  if (!isObject(languages)) return 'has `languages`, which must map language tags to font files by role';
  for (const [lang, f] of Object.entries(languages)) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) return `has \`languages\` with "${lang}", which is not a language tag like "fr" or "zh-Hant"`;
    if (!isObject(f)) return `has \`languages.${lang}\`, which must be an object of font files by role (${roles})`;
    const p = files(f, `languages.${lang}.`);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** `languages`: a default that is among the offered tags; `complete` (translations the build must find finished) a subset of them. */
function checkLanguages(v: unknown): string | undefined {
  const tags = (x: unknown): x is string[] => Array.isArray(x) && x.every((t) => typeof t === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(t));
  const shape = 'must be {"default": "en", "offered": ["en", "fr"], "complete": ["fr"]} with language tags';
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return shape;
  const { default: def, offered, complete, ...rest } = v as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof def !== 'string' || !tags(offered) || (complete !== undefined && !tags(complete))) return shape;
  if (!offered.includes(def)) return `must list its default "${def}" among "offered"`;
  const stray = (complete as string[] | undefined)?.find((t) => !offered.includes(t));
  return stray === undefined ? undefined : `declares "${stray}" complete but does not offer it`;
}

/** The keys `cairn.json` accepts. */
export const PROJECT_KEYS: readonly string[] = Object.keys(FIELDS);

/** Validates parsed `cairn.json` text; `file` names it in errors. Collects every problem. */
export function validateProjectConfig(text: string, file = 'cairn.json'): ProjectConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CairnError('INVALID_DECLARATION', `${file} is not valid JSON: ${(e as Error).message}`, { span: spanAt(text, file, 0) });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CairnError('INVALID_DECLARATION', `${file} must hold one JSON object, like {"id": "org.example.mygame", …}`, { span: spanAt(text, file, 0) });
  }
  const problems: CairnError[] = [];
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (Object.hasOwn(FIELDS, key)) continue;
    problems.push(
      new CairnError('INVALID_DECLARATION', `unknown key \`${key}\` in cairn.json`, {
        span: keySpan(text, file, key),
        hint: didYouMean(key, PROJECT_KEYS) ?? `the keys are ${PROJECT_KEYS.map((k) => `\`${k}\``).join(', ')}`,
      }),
    );
  }
  for (const [key, field] of Object.entries(FIELDS)) {
    if (!Object.hasOwn(record, key)) {
      if (field.required) problems.push(new CairnError('INVALID_DECLARATION', `${file} needs \`${key}\`: ${field.doc}`, { span: spanAt(text, file, 0) }));
      continue;
    }
    const problem = field.check(record[key]);
    if (problem) problems.push(new CairnError('INVALID_DECLARATION', `\`${key}\` in ${file} ${problem}`, { span: keySpan(text, file, key) }));
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new CairnError('COMPILE_FAILED', `${file} has ${problems.length} problems`, { related: problems });
  return record as unknown as ProjectConfig;
}

/** Reads and validates a project folder. */
export function loadProject(dir: string): Project {
  const configPath = join(dir, 'cairn.json');
  const configText = readTextFile(configPath);
  const config = validateProjectConfig(configText, configPath);
  const scriptsDir = join(dir, 'scripts');
  const scripts = listFiles(scriptsDir)
    .filter((p) => p.endsWith('.adv'))
    .map((path) => ({ file: toProjectPath(dir, path), path, text: readTextFile(path) }));
  if (scripts.length === 0) throw new CairnError('FILE_NOT_FOUND', `The project has no scripts: put .adv files in ${scriptsDir}.`);
  const assetsDir = join(dir, 'assets');
  const assets = new Map<string, string>();
  for (const path of listFiles(assetsDir)) assets.set(relative(assetsDir, path).split(sep).join('/'), path);
  const walkthroughs = listFiles(join(dir, 'tests')).filter((p) => p.endsWith('.walk'));
  return { dir, config, scripts, assets, walkthroughs };
}

function toProjectPath(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

/** Files under `dir`, recursively, sorted by their relative path's bytes; [] if it does not exist. */
export function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue; // editor and OS droppings (.DS_Store, .swp) are not game files
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listFiles(path));
    else if (stat.isFile()) out.push(path);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function keySpan(text: string, file: string, key: string): Span {
  const at = text.indexOf(JSON.stringify(key));
  return spanAt(text, file, Math.max(0, at), at >= 0 ? JSON.stringify(key).length : 1);
}

function spanAt(text: string, file: string, offset: number, length = 1): Span {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { source: file, start: { offset, line, column }, end: { offset: offset + length, line, column: column + length } };
}
