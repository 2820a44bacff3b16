// The door's third check, shared with the writer: entry names that could
// point outside the bundle on any system (`..`, absolute and drive paths,
// backslashes, NUL), and names that collide when case or Unicode form is ignored.

import { LIMITS } from './bundle-format.js';
import { damaged, quoted, refuse, shown } from './refuse.js';
import type { ZipEntry } from './zip.js';

const encoder = new TextEncoder();

/**
 * Why `name` is unsafe as an entry name, as a phrase that follows "which"
 * ("points outside the game"), or undefined when it is fine.
 */
export function nameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (encoder.encode(name).length > LIMITS.maxNameBytes) return `is longer than ${LIMITS.maxNameBytes} bytes`;
  if (name.includes('\0')) return 'contains a NUL character';
  if (/[\u0001-\u001f\u007f]/.test(name)) return 'contains a control character';
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'names a drive';
  // A colon selects an alternate data stream on Windows.
  if (name.includes(':')) return 'contains a colon';
  const parts = name.split('/');
  if (parts.includes('..')) return 'points outside the game';
  if (parts.includes('.')) return 'contains a `.` path segment';
  if (parts.includes('')) return 'has an empty path segment';
  if (/[\uD800-\uDFFF]/u.test(name)) return 'contains an unpaired surrogate';
  return undefined;
}

/**
 * The key under which two names count as the same file on a case-insensitive
 * or normalising file system (Windows, macOS).
 */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Refuses unsafe names, then duplicates — exact, or equal once case-folded. */
export function checkNames(entries: readonly ZipEntry[]): void {
  for (const e of entries) {
    const problem = e.nameIsUtf8 ? nameProblem(e.name) : 'is not valid UTF-8';
    if (problem !== undefined) {
      refuse('BUNDLE_BAD_NAME', `This game file was refused as unsafe: it contains a file named ${quoted(e.name)}, which ${problem}.`);
    }
  }
  const seen = new Map<string, string>();
  for (const e of entries) {
    const key = foldName(e.name);
    const earlier = seen.get(key);
    if (earlier === e.name) refuse('BUNDLE_DUPLICATE', damaged(`it contains ${shown(e.name)} twice`));
    if (earlier !== undefined) refuse('BUNDLE_DUPLICATE', damaged(`it contains both ${shown(earlier)} and ${shown(e.name)}, which would be the same file on some computers`));
    seen.set(key, e.name);
  }
}
