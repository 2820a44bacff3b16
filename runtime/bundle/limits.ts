// The door's second check: sizes and expansion ratios read from the ZIP
// headers alone, so a zip bomb is refused before a byte of it is inflated.
// The limits themselves live in bundle-format.ts (LIMITS).

import { CODE_PREFIX, LIMITS, MANIFEST_NAME } from './bundle-format.js';
import { refuse, shown } from './refuse.js';
import type { ZipEntry } from './zip.js';

/** "1.5 MB", "512 MB", "1 GB": sizes as a player reads them (binary units). */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) value /= 1024, unit++;
  return unit === 0 ? `${bytes} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/** 10,000: counts with thousands separators, the same in every locale. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** True when an entry expands more than the ratio limit allows. */
export function isBomb(size: number, compressedSize: number): boolean {
  return size > LIMITS.ratioThreshold && size > compressedSize * LIMITS.maxRatio;
}

/** Refuses an archive whose headers exceed a limit; reads nothing but the entries' fields. */
export function checkLimits(entries: readonly ZipEntry[]): void {
  if (entries.length > LIMITS.maxEntries) {
    refuse('BUNDLE_TOO_LARGE', `This game file holds too many files (${count(entries.length)}; the limit is ${count(LIMITS.maxEntries)}).`);
  }
  let total = 0;
  let code = 0;
  for (const e of entries) {
    // The ratio comes first so that a bomb is called one, however large it claims to be.
    if (isBomb(e.size, e.compressedSize)) {
      refuse(
        'BUNDLE_BOMB',
        `This game file was refused as unsafe: ${shown(e.name)} would expand from ${formatSize(e.compressedSize)} to ${formatSize(e.size)}.`,
        `expansion ratio above ${LIMITS.maxRatio}:1 for an entry over ${formatSize(LIMITS.ratioThreshold)}`,
      );
    }
    if (e.size > LIMITS.maxEntrySize) {
      refuse('BUNDLE_TOO_LARGE', `This game file is too large: ${shown(e.name)} would unpack to ${formatSize(e.size)}; the limit is ${formatSize(LIMITS.maxEntrySize)}.`);
    }
    if (e.name === MANIFEST_NAME && e.size > LIMITS.maxManifestSize) {
      refuse('BUNDLE_TOO_LARGE', `This game file is too large: its manifest would unpack to ${formatSize(e.size)}; the limit is ${formatSize(LIMITS.maxManifestSize)}.`);
    }
    total += e.size;
    if (e.name.startsWith(CODE_PREFIX)) code += e.size;
  }
  if (total > LIMITS.maxTotalSize) {
    refuse('BUNDLE_TOO_LARGE', `This game file is too large: it would unpack to ${formatSize(total)}; the limit is ${formatSize(LIMITS.maxTotalSize)}.`);
  }
  if (code > LIMITS.maxCodeSize) {
    refuse('BUNDLE_TOO_LARGE', `This game file is too large: its code would unpack to ${formatSize(code)}; the limit is ${formatSize(LIMITS.maxCodeSize)}.`);
  }
}
