// The manifest (`manifest.json`): its shape, the one table of its fields with
// the rule each obeys, a validator that names the field at fault, and the
// canonical serialisation the writer uses. Imports nothing but bundle-format.ts, fonts.ts and version.ts.

import { ASSETS_PREFIX, CODE_PREFIX, CODE_SUFFIX, FORMAT_VERSION, LANGUAGES_FORMAT, LANGUAGE_PATTERN, LIMITS, MODULE_NAME_PATTERN, STRINGS_PREFIX, STRINGS_SUFFIX } from './bundle-format.js';
import { FONT_ROLES, type ManifestFonts } from './fonts.js';
import { parseRange, parseVersion } from './version.js';

/** One archive entry as the manifest records it. */
export interface ManifestEntry {
  /** The entry's name in the archive: `code/game.cbc`, `assets/rooms/beach.png`. */
  path: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** SHA-256 of the uncompressed bytes, 64 lowercase hex digits. */
  sha256: string;
}

/** The languages a game offers (cairn.json `languages`): the scripts' own, every one a player may pick, and those declared finished. */
export interface ManifestLanguages {
  default: string;
  offered: string[];
  complete: string[];
}

/** A voice file of a line and how long it plays, measured at build. */
export interface VoiceEntry {
  /** Asset path relative to `assets/`: `voice/fr/<id>.ogg`. */
  asset: string;
  ms: number;
}

/** Voiced lines: language → line id → voice. */
export type VoiceIndex = Record<string, Record<string, VoiceEntry>>;

/** What `manifest.json` holds. */
export interface Manifest {
  /** The bundle format this file was written in. */
  format: number;
  /** The oldest format a reader may know and still read this file. */
  minReaderFormat: number;
  id: string;
  title: string;
  author: string;
  /** The game's own version (semver). */
  version: string;
  /** The Cairn versions the game runs on, as a range: `^0.1.0`. */
  runtime: string;
  resolution: [number, number];
  pixelArt: boolean;
  /** The code module that starts the game: `game` for `code/game.cbc`. */
  entry: string;
  /** Every entry except `mimetype` and `manifest.json`, in archive order. */
  entries: ManifestEntry[];
  /** Absent for a game in one language. */
  languages?: ManifestLanguages;
  /** Absent when no line is voiced. */
  voices?: VoiceIndex;
  /** The fonts text is drawn in (runtime/bundle/fonts.ts); absent: the player's own. */
  fonts?: ManifestFonts;
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max && !/[\u0000-\u001f\u007f]/.test(v);
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/;

/** The one table of manifest fields, in the order the writer emits them. */
export const MANIFEST_FIELDS: ReadonlyArray<{ key: keyof Manifest; rule: string; check: (v: unknown) => boolean }> = [
  { key: 'format', rule: 'must be a whole number, 1 or more', check: (v) => isInt(v, 1, 0xffff) },
  { key: 'minReaderFormat', rule: 'must be a whole number from 1 up to `format`', check: (v) => isInt(v, 1, 0xffff) },
  { key: 'id', rule: 'must be a reverse-domain name like "org.example.mygame" (letters, digits, `-`, `_`; at most 128 characters)', check: (v) => typeof v === 'string' && v.length <= 128 && ID_PATTERN.test(v) },
  { key: 'title', rule: 'must be a non-empty line of text of at most 200 characters', check: (v) => isText(v, 200) && (v as string).trim() !== '' },
  { key: 'author', rule: 'must be a line of text of at most 200 characters', check: (v) => isText(v, 200) },
  { key: 'version', rule: 'must be a semantic version like "1.0.0"', check: (v) => typeof v === 'string' && parseVersion(v) !== undefined },
  { key: 'runtime', rule: 'must be a version range like "^0.1.0" or ">=0.1.0 <0.2.0"', check: (v) => typeof v === 'string' && parseRange(v) !== undefined },
  { key: 'resolution', rule: 'must be [width, height], two whole numbers from 1 to 16384', check: (v) => Array.isArray(v) && v.length === 2 && v.every((n) => isInt(n, 1, 16384)) },
  { key: 'pixelArt', rule: 'must be true or false', check: (v) => typeof v === 'boolean' },
  { key: 'entry', rule: 'must be a code module name like "game"', check: (v) => typeof v === 'string' && MODULE_NAME_PATTERN.test(v) },
  { key: 'entries', rule: 'must be a list of {path, size, sha256}', check: (v) => Array.isArray(v) },
];

const isLanguage = (v: unknown): v is string => typeof v === 'string' && v.length <= 35 && LANGUAGE_PATTERN.test(v);
const isLanguageList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 200 && v.every(isLanguage) && new Set(v).size === v.length;

const isAssetPath = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 512 && !v.startsWith('/') && !v.split('/').includes('..');
const isFontFiles = (v: unknown): boolean => isPlainObject(v) && Object.entries(v).every(([k, p]) => (FONT_ROLES as readonly string[]).includes(k) && isAssetPath(p));

/** `fonts`: files per role, `bitmap`, and per-language files per role. */
function isManifestFonts(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  const { bitmap, languages, ...files } = v;
  if (bitmap !== undefined && typeof bitmap !== 'boolean') return false;
  if (languages !== undefined && !(isPlainObject(languages) && Object.entries(languages).every(([lang, f]) => isLanguage(lang) && isFontFiles(f)))) return false;
  return isFontFiles(files);
}

/** Fields a manifest may leave out, in the order the writer emits them after the required ones. */
export const OPTIONAL_MANIFEST_FIELDS: ReadonlyArray<{ key: keyof Manifest; rule: string; check: (v: unknown) => boolean }> = [
  {
    key: 'languages',
    rule: 'must be {default, offered, complete}: language codes, the default among those offered and the complete ones too',
    check: (v) => {
      if (!isPlainObject(v) || Object.keys(v).some((k) => !['default', 'offered', 'complete'].includes(k))) return false;
      const { default: d, offered, complete } = v;
      return isLanguage(d) && isLanguageList(offered) && isLanguageList(complete) && offered.includes(d) && complete.every((c) => offered.includes(c));
    },
  },
  {
    key: 'voices',
    rule: 'must map languages to line ids to {asset, ms}',
    check: (v) =>
      isPlainObject(v) &&
      Object.entries(v).every(
        ([lang, lines]) =>
          isLanguage(lang) &&
          isPlainObject(lines) &&
          Object.values(lines).every((e) => isPlainObject(e) && Object.keys(e).length === 2 && typeof e.asset === 'string' && e.asset.length > 0 && isInt(e.ms, 1, 3_600_000)),
      ),
  },
  {
    key: 'fonts',
    rule: 'must be {speech?, ui?, dialog?, bitmap?, languages?: {<lang>: {speech?, ui?, dialog?}}} naming asset paths',
    check: isManifestFonts,
  },
];

const ENTRY_KEYS = ['path', 'size', 'sha256'];

/** True when `path` is where a bundle may keep a file: `code/<module>.cbc`, `assets/<path>` or `strings/<lang>.json`. */
export function isContentPath(path: string): boolean {
  if (path.startsWith(ASSETS_PREFIX)) return path.length > ASSETS_PREFIX.length;
  if (path.startsWith(STRINGS_PREFIX)) return path.endsWith(STRINGS_SUFFIX) && isLanguage(path.slice(STRINGS_PREFIX.length, path.length - STRINGS_SUFFIX.length));
  return path.startsWith(CODE_PREFIX) && path.endsWith(CODE_SUFFIX) && MODULE_NAME_PATTERN.test(moduleName(path));
}

/** `game` for `code/game.cbc`. */
export function moduleName(path: string): string {
  return path.slice(CODE_PREFIX.length, path.length - CODE_SUFFIX.length);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed manifest against the table. Returns the manifest, or the
 * problem as a phrase naming the field ("`resolution` must be …").
 * Unknown keys are an error in a manifest of this build's format, and
 * ignored in a newer one whose `minReaderFormat` still lets us read it.
 */
export function validateManifest(value: unknown): Manifest | string {
  if (!isPlainObject(value)) return 'it is not a JSON object';
  for (const field of MANIFEST_FIELDS) {
    if (!Object.hasOwn(value, field.key)) return `\`${field.key}\` is missing`;
    if (!field.check(value[field.key])) return `\`${field.key}\` ${field.rule}`;
  }
  const format = value.format as number;
  if ((value.minReaderFormat as number) > format) return `\`minReaderFormat\` ${MANIFEST_FIELDS[1]!.rule}`;
  const strict = format <= FORMAT_VERSION;
  if (strict) {
    const optional = format >= LANGUAGES_FORMAT ? OPTIONAL_MANIFEST_FIELDS : [];
    const unknown = Object.keys(value).find((k) => !MANIFEST_FIELDS.some((f) => f.key === k) && !optional.some((f) => f.key === k));
    if (unknown !== undefined) return `it has an unknown field ${JSON.stringify(unknown)}`;
  }
  for (const field of OPTIONAL_MANIFEST_FIELDS) {
    if (Object.hasOwn(value, field.key) && !field.check(value[field.key])) return `\`${field.key}\` ${field.rule}`;
  }
  const list = value.entries as unknown[];
  if (list.length > LIMITS.maxEntries) return '`entries` lists too many files';
  const entries: ManifestEntry[] = [];
  const paths = new Set<string>();
  for (const [i, item] of list.entries()) {
    if (!isPlainObject(item)) return `\`entries[${i}]\` must be an object {path, size, sha256}`;
    if (strict && Object.keys(item).some((k) => !ENTRY_KEYS.includes(k))) return `\`entries[${i}]\` has an unknown field`;
    const { path, size, sha256 } = item;
    if (typeof path === 'string' && path.startsWith(STRINGS_PREFIX) && format < LANGUAGES_FORMAT) return `\`entries[${i}].path\` is a string table, which a format ${format} bundle cannot have`;
    if (typeof path !== 'string' || !isContentPath(path)) return `\`entries[${i}].path\` must be "code/<module>.cbc", "assets/<path>" or "strings/<lang>.json"`;
    if (!isInt(size, 0, 0xfffffffe)) return `\`entries[${i}].size\` (${path}) must be a whole number of bytes`;
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return `\`entries[${i}].sha256\` (${path}) must be 64 lowercase hex digits`;
    if (paths.has(path)) return `\`entries\` lists ${path} twice`;
    paths.add(path);
    entries.push({ path, size, sha256 });
  }
  const v = value as Record<keyof Manifest, unknown>;
  return {
    format,
    minReaderFormat: v.minReaderFormat as number,
    id: v.id as string,
    title: v.title as string,
    author: v.author as string,
    version: v.version as string,
    runtime: v.runtime as string,
    resolution: [...(v.resolution as [number, number])],
    pixelArt: v.pixelArt as boolean,
    entry: v.entry as string,
    entries,
    ...(v.languages !== undefined ? { languages: structuredCopy(v.languages) as ManifestLanguages } : {}),
    ...(v.voices !== undefined ? { voices: structuredCopy(v.voices) as VoiceIndex } : {}),
    ...(v.fonts !== undefined ? { fonts: structuredCopy(v.fonts) as ManifestFonts } : {}),
  };
}

// The validated value, detached from the parsed JSON it came from.
function structuredCopy(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}

/** The manifest as the writer stores it: fields in table order, two-space indent, final newline. */
export function serializeManifest(m: Manifest): string {
  const ordered: Record<string, unknown> = {};
  for (const field of MANIFEST_FIELDS) {
    ordered[field.key] = field.key === 'entries' ? m.entries.map((e) => ({ path: e.path, size: e.size, sha256: e.sha256 })) : m[field.key];
  }
  for (const field of OPTIONAL_MANIFEST_FIELDS) if (m[field.key] !== undefined) ordered[field.key] = m[field.key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
