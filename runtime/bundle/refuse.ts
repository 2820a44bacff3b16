// How the bundle code says no: every refusal is a CairnError with a bundle
// code and a sentence a player understands; the technical detail, when there
// is one, rides along as a note for `cairn inspect` and bug reports.

import { CairnError, type ErrorCode } from '../../interpreter/errors.js';

/** Throws a CairnError; `detail` is for developers and goes into a note. */
export function refuse(code: ErrorCode, sentence: string, detail?: string, cause?: unknown): never {
  throw new CairnError(code, sentence, { notes: detail === undefined ? [] : [{ message: detail }], cause });
}

/** "This game file is damaged: <what>." */
export function damaged(what: string): string {
  return `This game file is damaged: ${what}.`;
}

const cut = (name: string) => (name.length > 120 ? `${name.slice(0, 117)}...` : name);

/** An entry name fit to print: plain names as they are, odd ones quoted and escaped, long ones cut. */
export function shown(name: string): string {
  return /^[\p{L}\p{M}\p{N} ._\-/()[\]+,@&'!~]+$/u.test(cut(name)) ? cut(name) : quoted(name);
}

/** An entry name in quotes, with control characters escaped and long names cut. */
export function quoted(name: string): string {
  return JSON.stringify(cut(name));
}
