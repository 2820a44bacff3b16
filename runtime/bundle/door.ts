// The door: openBundle checks a bundle before anything of it runs — container,
// limits, names, manifest, checksums, runtime version, then the caller's
// bytecode verifier — and hands back a Bundle that reads assets lazily, one
// entry at a time, checking each against its SHA-256 as it is read.

import { isCairnError } from '../../interpreter/errors.js';
import { sha256Hex, crc32 } from './checksums.js';
import { ASSETS_PREFIX, CODE_PREFIX, FORMAT_MIN_READABLE, FORMAT_VERSION, LIMITS, MANIFEST_NAME, MIMETYPE_NAME, RUNTIME_VERSION, STRINGS_PREFIX, STRINGS_SUFFIX } from './bundle-format.js';
import { hasFontExtension, namedFontFiles } from './fonts.js';
import { checkLimits } from './limits.js';
import { moduleName, validateManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { checkNames } from './names.js';
import { damaged, refuse, shown } from './refuse.js';
import { describeMismatch, parseRange, parseVersion, satisfies } from './version.js';
import { extract, readZip, type ZipEntry } from './zip.js';

/** How to open a bundle. */
export interface OpenOptions {
  /**
   * Called last, once per code module (in name order), after every other check
   * has passed; throws to refuse. The bytecode verifier plugs in here.
   */
  verifyModule?: (name: string, bytes: Uint8Array) => void;
  /** A faster SHA-256 where the host has one (Node's crypto); lowercase hex. */
  sha256?: (bytes: Uint8Array) => string;
}

/** One entry of the archive, for `cairn inspect`. */
export interface EntryInfo {
  name: string;
  size: number;
  compressedSize: number;
  method: 'stored' | 'deflated';
}

/** An opened, checked bundle. */
export interface Bundle {
  readonly manifest: Manifest;
  /** Code modules by name (`game` for `code/game.cbc`), inflated and checked. */
  readonly modules: ReadonlyMap<string, Uint8Array>;
  /** Every entry in archive order, `mimetype` and `manifest.json` included. */
  listEntries(): EntryInfo[];
  /** Asset paths relative to `assets/`, as scripts name them, in archive order. */
  assetPaths(): string[];
  /** True when the bundle has an asset at `path` (relative to `assets/`). */
  hasAsset(path: string): boolean;
  /** Inflates one asset (path relative to `assets/`) and checks its SHA-256; a fresh buffer each call. */
  readAsset(path: string): Uint8Array;
  /**
   * readAsset with the SHA-256 taken by `digest`, a host's own asynchronous
   * one (the Web Crypto API in a browser): a 20 MB piece of music is then
   * checked in milliseconds instead of holding the game's thread for a second.
   */
  readAssetAsync(path: string, digest: (bytes: Uint8Array) => Promise<string>): Promise<Uint8Array>;
  /** The languages with a string table (`strings/<lang>.json`), in archive order. */
  stringLanguages(): string[];
  /** Inflates the string table of `lang` and checks its SHA-256 (runtime/language.ts parses it); read only when that language is used. */
  readStrings(lang: string): Uint8Array;
  /** readStrings with the SHA-256 taken by `digest` (as readAssetAsync). */
  readStringsAsync(lang: string, digest: (bytes: Uint8Array) => Promise<string>): Promise<Uint8Array>;
  /** Reads and checks every asset; throws the first CairnError. For `cairn inspect`. */
  verifyAll(onProgress?: (doneBytes: number, totalBytes: number) => void): void;
}

/** Checks `bytes` as a bundle and opens it; throws a CairnError (code BUNDLE_*) on any problem. */
export function openBundle(input: Uint8Array, options: OpenOptions = {}): Bundle {
  const hash = options.sha256 ?? sha256Hex;
  const c = openContainer(input);
  const modules = new Map(codeEntries(c.manifest).map((e) => [moduleName(e.path), readChecked(c.bytes, c.byName.get(e.path)!, e, hash)] as const)); // 5. checksums (code now, assets when read)
  return finish(c, modules, hash, options.verifyModule);
}

/**
 * openBundle with the code's SHA-256 taken by `digest`, a host's own
 * asynchronous one (the Web Crypto API in a browser), which a page's cold
 * start does not have to compile and warm up; later synchronous reads use the
 * built-in SHA-256. Same checks, same refusals.
 */
export async function openBundleAsync(input: Uint8Array, digest: (bytes: Uint8Array) => Promise<string>, options: Omit<OpenOptions, 'sha256'> = {}): Promise<Bundle> {
  const c = openContainer(input);
  const code = codeEntries(c.manifest);
  const data = code.map((e) => inflated(c.bytes, c.byName.get(e.path)!));
  // 5. checksums: taken side by side, compared in name order, so the refusal is the one openBundle gives.
  const digests = await Promise.all(data.map((d) => digest(d)));
  code.forEach((e, i) => checkDigest(e, digests[i]!));
  return finish(c, new Map(code.map((e, i) => [moduleName(e.path), data[i]!] as const)), sha256Hex, options.verifyModule);
}

/** A bundle's container and manifest, checked (steps 1–4). */
interface Container {
  bytes: Uint8Array;
  zip: readonly ZipEntry[];
  byName: ReadonlyMap<string, ZipEntry>;
  manifest: Manifest;
}

function openContainer(input: Uint8Array): Container {
  // A plain view, so that a Node Buffer's subarray/slice quirks never leak in.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const zip = readZip(bytes); // 1. container structure
  checkLimits(zip); // 2. limits, from the headers alone
  checkNames(zip); // 3. entry names
  const byName = new Map(zip.map((e) => [e.name, e]));
  return { bytes, zip, byName, manifest: readManifest(bytes, byName) }; // 4. manifest schema and listing
}

/** The code modules' entries, in name order. */
function codeEntries(manifest: Manifest): ManifestEntry[] {
  return manifest.entries.filter((e) => e.path.startsWith(CODE_PREFIX)).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Steps 6 and 7 on checked code, then the bundle. */
function finish(c: Container, modules: Map<string, Uint8Array>, hash: (b: Uint8Array) => string, verifyModule: OpenOptions['verifyModule']): Bundle {
  checkRuntime(c.manifest); // 6. runtime version
  for (const [name, code] of modules) verify(name, code, verifyModule); // 7. bytecode
  return new CheckedBundle(c.bytes, c.zip, c.manifest, modules, c.byName, hash);
}

const NOT_LISTED = new Set([MIMETYPE_NAME, MANIFEST_NAME]);

function readManifest(bytes: Uint8Array, byName: ReadonlyMap<string, ZipEntry>): Manifest {
  const entry = byName.get(MANIFEST_NAME);
  if (entry === undefined) refuse('BUNDLE_MANIFEST', damaged('it has no manifest'));
  const raw = extract(bytes, entry);
  // Nothing else vouches for the manifest's own bytes, so its CRC-32 is checked.
  if (raw === undefined || crc32(raw) !== entry.crc32) refuse('BUNDLE_MANIFEST', damaged('its manifest does not match its checksum'), 'manifest.json fails its CRC-32');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (err) {
    refuse('BUNDLE_MANIFEST', damaged('its manifest is not valid'), `manifest.json is not UTF-8 JSON: ${(err as Error).message}`);
  }
  checkFormat(value);
  const manifest = validateManifest(value);
  if (typeof manifest === 'string') refuse('BUNDLE_MANIFEST', damaged(`its manifest is not valid (${manifest})`));
  checkListing(manifest, byName);
  return manifest;
}

/** Refuses a format this build cannot read, before the schema (which a newer format may change). */
function checkFormat(value: unknown): void {
  if (typeof value !== 'object' || value === null) return; // the schema check words this one
  const { format, minReaderFormat, runtime } = value as Record<string, unknown>;
  if (typeof format !== 'number' || typeof minReaderFormat !== 'number') return;
  if (minReaderFormat > FORMAT_VERSION) {
    const range = typeof runtime === 'string' ? parseRange(runtime) : undefined;
    const current = parseVersion(RUNTIME_VERSION)!;
    const sentence =
      range !== undefined && typeof runtime === 'string' && !satisfies(current, range)
        ? describeMismatch(runtime, range, RUNTIME_VERSION)
        : `This game file was made by a newer Cairn (bundle format ${format}); this is Cairn ${RUNTIME_VERSION}, which reads format ${FORMAT_VERSION}.`;
    refuse('BUNDLE_FORMAT_VERSION', sentence);
  }
  if (format < FORMAT_MIN_READABLE) {
    refuse('BUNDLE_FORMAT_VERSION', `This game file is in an old format (${format}) that Cairn ${RUNTIME_VERSION} no longer reads.`);
  }
}

/** The archive and the manifest must list the same files with the same sizes. */
function checkListing(manifest: Manifest, byName: ReadonlyMap<string, ZipEntry>): void {
  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  for (const name of byName.keys()) {
    if (!NOT_LISTED.has(name) && !listed.has(name)) refuse('BUNDLE_UNLISTED', damaged(`it contains ${shown(name)}, which its manifest does not list`));
  }
  for (const e of manifest.entries) {
    const z = byName.get(e.path);
    if (z === undefined) refuse('BUNDLE_MISSING_ENTRY', damaged(`${shown(e.path)} is missing`));
    if (z.size !== e.size) mismatch(e.path, `the manifest says ${e.size} bytes, the archive ${z.size}`);
  }
  for (const [lang, lines] of Object.entries(manifest.voices ?? {})) {
    for (const [id, voice] of Object.entries(lines)) {
      if (!listed.has(ASSETS_PREFIX + voice.asset)) refuse('BUNDLE_MANIFEST', damaged(`its manifest gives line ${shown(id)} the ${lang} voice ${shown(ASSETS_PREFIX + voice.asset)}, which it does not contain`));
    }
  }
  for (const lang of manifest.languages?.offered ?? []) {
    if (lang !== manifest.languages!.default || !listed.has(`${STRINGS_PREFIX}${lang}${STRINGS_SUFFIX}`)) continue;
    refuse('BUNDLE_MANIFEST', damaged(`it has a string table for ${shown(lang)}, the language its scripts are written in`));
  }
  for (const e of manifest.entries) {
    if (e.path.startsWith(STRINGS_PREFIX) && !(manifest.languages?.offered ?? []).includes(e.path.slice(STRINGS_PREFIX.length, -STRINGS_SUFFIX.length))) {
      refuse('BUNDLE_MANIFEST', damaged(`it has a string table ${shown(e.path)} for a language its manifest does not offer`));
    }
    if (e.path.startsWith(STRINGS_PREFIX) && e.size > LIMITS.maxStringTableSize) {
      refuse('BUNDLE_STRINGS', damaged(`its string table ${shown(e.path)} is larger than ${LIMITS.maxStringTableSize} bytes`));
    }
  }
  checkFonts(manifest, listed);
  const entryPath = `${CODE_PREFIX}${manifest.entry}.cbc`;
  if (!listed.has(entryPath)) refuse('BUNDLE_MISSING_ENTRY', damaged(`its code (${shown(entryPath)}) is missing`));
}

/**
 * Every font `fonts` names is an asset of the bundle with a font's extension
 * (a bitmap font's `.fnt`, else TTF/OTF/WOFF/WOFF2). The bytes are looked at
 * when a player loads the font (fontKind), not here: fonts load per language.
 */
function checkFonts(manifest: Manifest, listed: ReadonlyMap<string, ManifestEntry>): void {
  if (manifest.fonts === undefined) return;
  const bitmap = manifest.fonts.bitmap === true;
  for (const { field, path } of namedFontFiles(manifest.fonts)) {
    if (!listed.has(ASSETS_PREFIX + path)) refuse('BUNDLE_FONT', damaged(`its font ${shown(path)} (\`fonts.${field}\`) is missing`));
    if (!hasFontExtension(path, bitmap)) {
      refuse('BUNDLE_FONT', damaged(`its font ${shown(path)} (\`fonts.${field}\`) is not ${bitmap ? 'a BMFont .fnt file' : 'a .ttf, .otf, .woff or .woff2 file'}`));
    }
  }
}

function mismatch(path: string, detail: string): never {
  return refuse('BUNDLE_CHECKSUM', damaged(`${shown(path)} does not match its checksum`), detail);
}

/** Inflates one entry and checks it against the manifest's size and SHA-256. */
function readChecked(bytes: Uint8Array, z: ZipEntry, listed: ManifestEntry, hash: (b: Uint8Array) => string): Uint8Array {
  const data = inflated(bytes, z);
  checkDigest(listed, hash(data));
  return data;
}

/** Refuses an entry whose SHA-256 is not the manifest's. */
function checkDigest(listed: ManifestEntry, sha256: string): void {
  if (sha256 !== listed.sha256) mismatch(listed.path, 'SHA-256 differs from the manifest');
}

/** readChecked with an asynchronous SHA-256. */
async function readCheckedAsync(bytes: Uint8Array, z: ZipEntry, listed: ManifestEntry, digest: (b: Uint8Array) => Promise<string>): Promise<Uint8Array> {
  const data = inflated(bytes, z);
  checkDigest(listed, await digest(data));
  return data;
}

/** Inflates one entry, refusing one that does not inflate to its declared size. */
function inflated(bytes: Uint8Array, z: ZipEntry): Uint8Array {
  const data = extract(bytes, z);
  if (data === undefined) mismatch(z.name, 'its data does not inflate to its declared size');
  return data;
}

function checkRuntime(manifest: Manifest): void {
  const range = parseRange(manifest.runtime)!;
  if (!satisfies(parseVersion(RUNTIME_VERSION)!, range)) refuse('BUNDLE_RUNTIME_VERSION', describeMismatch(manifest.runtime, range, RUNTIME_VERSION));
}

/** Runs the caller's verifier; its failures become BUNDLE_CODE unless already a bundle refusal. */
function verify(name: string, code: Uint8Array, verifyModule: OpenOptions['verifyModule']): void {
  if (verifyModule === undefined) return;
  try {
    verifyModule(name, code);
  } catch (err) {
    if (isCairnError(err) && err.category === 'bundle') throw err;
    const detail = isCairnError(err) ? `${err.code}: ${err.message}` : String(err);
    refuse('BUNDLE_CODE', damaged(`its code (${shown(`${CODE_PREFIX}${name}.cbc`)}) failed verification`), detail, err);
  }
}

class CheckedBundle implements Bundle {
  readonly #assets: ReadonlyMap<string, { zip: ZipEntry; listed: ManifestEntry }>;
  readonly #strings: ReadonlyMap<string, { zip: ZipEntry; listed: ManifestEntry }>;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly zip: readonly ZipEntry[],
    readonly manifest: Manifest,
    readonly modules: ReadonlyMap<string, Uint8Array>,
    byName: ReadonlyMap<string, ZipEntry>,
    private readonly hash: (b: Uint8Array) => string,
  ) {
    const assets = manifest.entries.filter((e) => e.path.startsWith(ASSETS_PREFIX));
    this.#assets = new Map(assets.map((listed) => [listed.path.slice(ASSETS_PREFIX.length), { zip: byName.get(listed.path)!, listed }]));
    const strings = manifest.entries.filter((e) => e.path.startsWith(STRINGS_PREFIX));
    this.#strings = new Map(strings.map((listed) => [listed.path.slice(STRINGS_PREFIX.length, -STRINGS_SUFFIX.length), { zip: byName.get(listed.path)!, listed }]));
  }

  stringLanguages(): string[] {
    return [...this.#strings.keys()];
  }

  readStrings(lang: string): Uint8Array {
    const table = this.table(lang);
    return readChecked(this.bytes, table.zip, table.listed, this.hash);
  }

  async readStringsAsync(lang: string, digest: (bytes: Uint8Array) => Promise<string>): Promise<Uint8Array> {
    const table = this.table(lang);
    return readCheckedAsync(this.bytes, table.zip, table.listed, digest);
  }

  private table(lang: string): { zip: ZipEntry; listed: ManifestEntry } {
    const table = this.#strings.get(lang);
    if (table === undefined) refuse('BUNDLE_MISSING_ENTRY', `This game has no string table for the language ${shown(lang)}.`);
    return table;
  }

  listEntries(): EntryInfo[] {
    return this.zip.map((e) => ({ name: e.name, size: e.size, compressedSize: e.compressedSize, method: e.method === 0 ? 'stored' : 'deflated' }));
  }

  assetPaths(): string[] {
    return [...this.#assets.keys()];
  }

  hasAsset(path: string): boolean {
    return this.#assets.has(path);
  }

  readAsset(path: string): Uint8Array {
    const asset = this.asset(path);
    return readChecked(this.bytes, asset.zip, asset.listed, this.hash);
  }

  async readAssetAsync(path: string, digest: (bytes: Uint8Array) => Promise<string>): Promise<Uint8Array> {
    const asset = this.asset(path);
    return readCheckedAsync(this.bytes, asset.zip, asset.listed, digest);
  }

  private asset(path: string): { zip: ZipEntry; listed: ManifestEntry } {
    const asset = this.#assets.get(path);
    if (asset === undefined) refuse('BUNDLE_MISSING_ENTRY', `This game is missing a file it needs: ${shown(ASSETS_PREFIX + path)}.`);
    return asset;
  }

  verifyAll(onProgress?: (doneBytes: number, totalBytes: number) => void): void {
    let total = 0;
    for (const a of this.#assets.values()) total += a.zip.size;
    let done = 0;
    for (const path of this.#assets.keys()) {
      done += this.readAsset(path).length;
      onProgress?.(done, total);
    }
  }
}
