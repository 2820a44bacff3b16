// The bundle's public surface: write a `.cairn` file, open one through the
// door, and the facts (versions, limits) callers need. Everything else in
// this folder is private to it.

export { openBundle, openBundleAsync, type Bundle, type EntryInfo, type OpenOptions } from './door.js';
export { writeBundle, type BundleInput, type WriteOptions } from './write.js';
export type { Manifest, ManifestEntry, ManifestLanguages, VoiceEntry, VoiceIndex } from './manifest.js';
export { FONT_ROLES, fontFor, fontKind, namedFontFiles, type FontRole, type ManifestFonts } from './fonts.js';
export { FORMAT_VERSION, LIMITS, MIMETYPE, RUNTIME_VERSION } from './bundle-format.js';
export { sha256Hex } from './checksums.js';
