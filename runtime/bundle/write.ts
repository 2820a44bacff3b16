// The writer: turns manifest fields, code modules and assets into bundle
// bytes with fflate — reproducibly (fixed timestamps and attributes, sorted
// entries) — and refuses anything the door would refuse, so every bundle it
// writes opens. Used by `cairn build`; imports fflate and this folder only.

import { zipSync, type Zippable } from 'fflate';
import { CairnError, type ErrorCode } from '../../interpreter/errors.js';
import { sha256Hex } from './checksums.js';
import {
  ASSETS_PREFIX, CODE_PREFIX, CODE_SUFFIX, FORMAT_MIN_READABLE, LANGUAGES_FORMAT, LIMITS, MANIFEST_NAME, MIMETYPE, MIMETYPE_NAME,
  LANGUAGE_PATTERN, MODULE_NAME_PATTERN, RUNTIME_VERSION, STRINGS_PREFIX, STRINGS_SUFFIX, compareUtf8, fixedMtime, isStored,
} from './bundle-format.js';
import { formatSize, isBomb } from './limits.js';
import { serializeManifest, validateManifest, type Manifest, type ManifestLanguages, type VoiceIndex } from './manifest.js';
import { foldName, nameProblem } from './names.js';
import { quoted } from './refuse.js';
import { readZip } from './zip.js';
import { fontKind, hasFontExtension, namedFontFiles, type ManifestFonts } from './fonts.js';

/** Everything a bundle is made of. */
export interface BundleInput {
  id: string;
  title: string;
  author: string;
  /** The game's version (semver). */
  version: string;
  resolution: readonly [number, number];
  pixelArt: boolean;
  /** The code module that starts the game. */
  entry: string;
  /** The Cairn versions the game runs on; defaults to `^RUNTIME_VERSION`. */
  runtime?: string;
  /** Code modules by name: `game` becomes `code/game.cbc`. */
  modules: ReadonlyMap<string, Uint8Array>;
  /** Assets by path relative to `assets/`, as scripts name them: `rooms/beach.png`. */
  assets: ReadonlyMap<string, Uint8Array>;
  /** The languages offered (absent: a game in one language). */
  languages?: ManifestLanguages;
  /** String tables by language: `fr` becomes `strings/fr.json` (runtime/language.ts reads them). */
  strings?: ReadonlyMap<string, Uint8Array>;
  /** Voiced lines by language and id, durations measured by the caller. */
  voices?: VoiceIndex;
  /** The fonts text is drawn in: asset paths (runtime/bundle/fonts.ts); each must be among `assets` and be a font. */
  fonts?: ManifestFonts;
}

/** How to write. */
export interface WriteOptions {
  /** A faster SHA-256 where the host has one (Node's crypto); lowercase hex. */
  sha256?: (bytes: Uint8Array) => string;
}

const cannot = (code: ErrorCode, why: string): never => {
  throw new CairnError(code, `Cannot build the game: ${why}.`);
};

const encoder = new TextEncoder();

/** Writes a bundle; the same input always gives the same bytes. Throws CairnError (BUNDLE_*) on bad input. */
export function writeBundle(input: BundleInput, options: WriteOptions = {}): Uint8Array {
  const files = collectFiles(input);
  const hash = options.sha256 ?? sha256Hex;
  const hasStrings = input.strings !== undefined && input.strings.size > 0;
  const hasVoices = input.voices !== undefined && Object.keys(input.voices).length > 0;
  // A game in one language stays format 1, byte for byte; string tables need a reader that knows format 2.
  const manifest: Manifest = {
    // Fonts are a format-2 field too (a format-1 reader knows no `fonts`).
    format: input.languages !== undefined || hasStrings || hasVoices || input.fonts !== undefined ? LANGUAGES_FORMAT : FORMAT_MIN_READABLE,
    minReaderFormat: hasStrings ? LANGUAGES_FORMAT : FORMAT_MIN_READABLE,
    id: input.id,
    title: input.title,
    author: input.author,
    version: input.version,
    runtime: input.runtime ?? `^${RUNTIME_VERSION}`,
    resolution: [input.resolution[0], input.resolution[1]],
    pixelArt: input.pixelArt,
    entry: input.entry,
    entries: files.map(([path, data]) => ({ path, size: data.length, sha256: hash(data) })),
    ...(input.languages === undefined ? {} : { languages: input.languages }),
    ...(hasVoices ? { voices: input.voices! } : {}),
    ...(input.fonts === undefined ? {} : { fonts: input.fonts }),
  };
  const problem = validateManifest(JSON.parse(serializeManifest(manifest)));
  if (typeof problem === 'string') cannot('BUNDLE_MANIFEST', problem);
  for (const [lang, lines] of Object.entries(manifest.voices ?? {})) {
    for (const [id, voice] of Object.entries(lines)) if (!input.assets.has(voice.asset)) cannot('BUNDLE_MANIFEST', `the ${lang} voice of line ${quoted(id)} names ${quoted(voice.asset)}, which is not among the assets`);
  }
  for (const lang of input.strings?.keys() ?? []) {
    if (!(input.languages?.offered ?? []).includes(lang) || input.languages?.default === lang) cannot('BUNDLE_STRINGS', `a string table for ${quoted(lang)} needs a language offered besides the default`);
  }
  if (input.fonts !== undefined) checkFontFiles(input.fonts, input.assets);
  if (!input.modules.has(input.entry)) cannot('BUNDLE_MISSING_ENTRY', `the entry module ${quoted(input.entry)} is not among the code modules`);
  const manifestBytes = encoder.encode(serializeManifest(manifest));
  if (manifestBytes.length > LIMITS.maxManifestSize) cannot('BUNDLE_TOO_LARGE', `its manifest would be ${formatSize(manifestBytes.length)}`);

  const head: Array<[string, Uint8Array]> = [[MIMETYPE_NAME, encoder.encode(MIMETYPE)], [MANIFEST_NAME, manifestBytes]];
  const all = [...head, ...files];
  let stored = new Set(all.filter(([path]) => path === MIMETYPE_NAME || isStored(path)).map(([path]) => path));
  let bytes = pack(all, stored);
  // A file that deflates beyond the door's ratio limit (a long silent WAV) is
  // stored instead: bigger, but the door opens it. So is one that deflate
  // hardly shrinks (noise, data compressed already): inflating it would cost
  // every player time for a few bytes saved. Rare, so checked after the fact.
  const restore = readZip(bytes).filter((e) => e.method === 8 && e.name !== MANIFEST_NAME && (isBomb(e.size, e.compressedSize) || e.compressedSize > e.size * INCOMPRESSIBLE));
  if (restore.length > 0) {
    stored = new Set([...stored, ...restore.map((e) => e.name)]);
    bytes = pack(all, stored);
  }
  return bytes;
}

/** Deflated to more than this share of its size, a file is stored instead. */
const INCOMPRESSIBLE = 0.95;

/** Every font named is an asset whose bytes are a font of the kind declared (outline or BMFont). */
function checkFontFiles(fonts: ManifestFonts, assets: ReadonlyMap<string, Uint8Array>): void {
  const bitmap = fonts.bitmap === true;
  for (const { field, path } of namedFontFiles(fonts)) {
    const bytes = assets.get(path);
    if (bytes === undefined) return cannot('BUNDLE_FONT', `\`fonts.${field}\` names ${quoted(path)}, which is not among the assets`);
    const kind = fontKind(bytes);
    if (kind === null || (kind === 'bmfont') !== bitmap || !hasFontExtension(path, bitmap)) {
      cannot('BUNDLE_FONT', `\`fonts.${field}\` names ${quoted(path)}, which is not ${bitmap ? 'a BMFont .fnt file' : 'a TTF, OTF, WOFF or WOFF2 font'}`);
    }
  }
}

/** Checks names and limits; returns code then assets, each sorted by UTF-8 bytes. */
function collectFiles(input: BundleInput): Array<[string, Uint8Array]> {
  const code: Array<[string, Uint8Array]> = [];
  for (const [name, data] of input.modules) {
    if (!MODULE_NAME_PATTERN.test(name)) cannot('BUNDLE_BAD_NAME', `${quoted(name)} is not a valid code module name (letters, digits, \`_\`, \`.\`, \`-\`)`);
    code.push([`${CODE_PREFIX}${name}${CODE_SUFFIX}`, data]);
  }
  const assets: Array<[string, Uint8Array]> = [];
  for (const [path, data] of input.assets) {
    const problem = nameProblem(ASSETS_PREFIX + path);
    if (problem !== undefined) cannot('BUNDLE_BAD_NAME', `the asset ${quoted(path)} ${problem}`);
    assets.push([ASSETS_PREFIX + path, data]);
  }
  const tables: Array<[string, Uint8Array]> = [];
  for (const [lang, data] of input.strings ?? []) {
    if (!LANGUAGE_PATTERN.test(lang)) cannot('BUNDLE_BAD_NAME', `${quoted(lang)} is not a language code like "fr" or "pt-BR"`);
    if (data.length > LIMITS.maxStringTableSize) cannot('BUNDLE_STRINGS', `the ${quoted(lang)} string table is ${formatSize(data.length)}; the limit is ${formatSize(LIMITS.maxStringTableSize)}`);
    tables.push([`${STRINGS_PREFIX}${lang}${STRINGS_SUFFIX}`, data]);
  }
  const byPath = (a: [string, Uint8Array], b: [string, Uint8Array]) => compareUtf8(a[0], b[0]);
  const files = [...code.sort(byPath), ...tables.sort(byPath), ...assets.sort(byPath)];

  const folded = new Map<string, string>();
  let total = 0;
  let codeSize = 0;
  for (const [path, data] of files) {
    const other = folded.get(foldName(path));
    if (other !== undefined) cannot('BUNDLE_DUPLICATE', `${quoted(other)} and ${quoted(path)} would be the same file on some computers`);
    folded.set(foldName(path), path);
    if (data.length > LIMITS.maxEntrySize) cannot('BUNDLE_TOO_LARGE', `${quoted(path)} is ${formatSize(data.length)}; the limit is ${formatSize(LIMITS.maxEntrySize)}`);
    total += data.length;
    if (path.startsWith(CODE_PREFIX)) codeSize += data.length;
  }
  if (files.length + 2 > LIMITS.maxEntries) cannot('BUNDLE_TOO_LARGE', `it has ${files.length} files; the limit is ${LIMITS.maxEntries - 2}`);
  if (total > LIMITS.maxTotalSize) cannot('BUNDLE_TOO_LARGE', `its files add up to ${formatSize(total)}; the limit is ${formatSize(LIMITS.maxTotalSize)}`);
  if (codeSize > LIMITS.maxCodeSize) cannot('BUNDLE_TOO_LARGE', `its code adds up to ${formatSize(codeSize)}; the limit is ${formatSize(LIMITS.maxCodeSize)}`);
  return files;
}

/** Zips `files` in the given order; `stored` names the entries kept uncompressed. */
function pack(files: ReadonlyArray<[string, Uint8Array]>, stored: ReadonlySet<string>): Uint8Array {
  // fflate walks the object with for…in, which follows insertion order for
  // names that are not array indices — and every name here contains a `/` or
  // a letter. A null prototype keeps guest names off Object.prototype.
  const zippable: Zippable = Object.create(null) as Zippable;
  for (const [path, data] of files) zippable[path] = [data, { level: stored.has(path) ? 0 : 6 }];
  return zipSync(zippable, { mtime: fixedMtime(), os: 0, attrs: 0 });
}
