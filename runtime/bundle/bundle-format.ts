// The facts of the bundle format in one place — magic, versions, layout,
// limits, which files are stored — read by the writer, the door and the docs
// (docs/bundle-format.md). Imports nothing.

/** The version of Cairn this build is; bundles state which versions they accept. */
export const RUNTIME_VERSION = '0.1.0';

/** The bundle format this build writes, and the oldest format number it reads. */
export const FORMAT_VERSION = 2;
export const FORMAT_MIN_READABLE = 1;
/** The format that added `languages`, `voices` and `strings/<lang>.json`; a game without them is still written in format 1. */
export const LANGUAGES_FORMAT = 2;

/** The first entry's name and content: the magic file managers look for at offset 30. */
export const MIMETYPE_NAME = 'mimetype';
export const MIMETYPE = 'application/x-cairn-bundle';
export const MANIFEST_NAME = 'manifest.json';
export const CODE_PREFIX = 'code/';
export const CODE_SUFFIX = '.cbc';
export const ASSETS_PREFIX = 'assets/';
/** String tables: `strings/<lang>.json`, one per translated language. */
export const STRINGS_PREFIX = 'strings/';
export const STRINGS_SUFFIX = '.json';
/** Language codes (BCP 47, as cairn.json writes them): `fr`, `pt-BR`, `zh-Hant`. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Code module names: what `code/<name>.cbc` may be called. */
export const MODULE_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

/**
 * Limits the door enforces from the ZIP headers alone, before inflating
 * anything. Every figure is far above what a real adventure needs.
 */
export const LIMITS = {
  /** Entries in the archive, including `mimetype` and `manifest.json`. */
  maxEntries: 10_000,
  /** Uncompressed size of any one entry. */
  maxEntrySize: 512 * 1024 * 1024,
  /** Uncompressed size of all entries together. */
  maxTotalSize: 2 * 1024 * 1024 * 1024,
  /** Entries above this size may not expand more than maxRatio times. */
  ratioThreshold: 1024 * 1024,
  maxRatio: 200,
  /** The manifest is parsed at open, so it is kept small. */
  maxManifestSize: 8 * 1024 * 1024,
  /** All code modules are inflated and hashed at open; this bounds the ready time. */
  maxCodeSize: 64 * 1024 * 1024,
  /** One string table (`strings/<lang>.json`), read whole when its language is chosen. */
  maxStringTableSize: 16 * 1024 * 1024,
  /** Entries of one string table. */
  maxStringEntries: 200_000,
  /** An entry name's length in UTF-8 bytes. */
  maxNameBytes: 512,
} as const;

/**
 * Extensions of formats that are compressed already: deflating them again
 * costs build time and saves nothing, so they are stored (method 0).
 */
export const STORED_EXTENSIONS: ReadonlySet<string> = new Set([
  'png', 'jpg', 'jpeg', 'webp', 'gif', 'avif',
  'ogg', 'oga', 'opus', 'mp3', 'm4a', 'aac', 'flac', 'webm', 'mp4',
  'woff', 'woff2', 'zip', 'gz',
]);

/** True when the entry at `path` is stored rather than deflated. */
export function isStored(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && STORED_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

/**
 * Every entry's DOS timestamp: 1980-01-01 00:00:00, the earliest ZIP can say.
 * fflate encodes a Date's local-time fields, so it is built from local fields
 * and the bytes are the same in every time zone.
 */
export function fixedMtime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

/** Compares two strings by their UTF-8 bytes, the order entries are written in. */
export function compareUtf8(a: string, b: string): number {
  // UTF-16 order equals code-point (= UTF-8 byte) order except where a surrogate
  // meets a code unit above it, so compare code points.
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}
