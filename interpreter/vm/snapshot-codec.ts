// The byte codec under snapshots, ScummVM style: one Codec interface that a
// Writer and a Reader implement, so each record type has ONE sync function
// that both saves and loads it and the two directions cannot drift apart.
// The Reader checks every length against the bytes left and throws
// SNAPSHOT_INVALID on anything malformed, never another exception.

import { CairnError } from '../errors.js';

/** Reads or writes; every method returns the value read, or the value given when writing. */
export interface Codec {
  readonly reading: boolean;
  u8(v: number): number;
  /** A non-negative integer up to 2^53, 7 bits a byte. */
  uint(v: number): number;
  /** A signed integer (zig-zag). */
  int(v: number): number;
  f64(v: number): number;
  /** A string as UTF-16 code units (exact, even for lone surrogates). */
  str(v: string): string;
  /** A list: its length, then each item; when reading, `make()` gives the blank each item is read into. */
  list<T>(items: readonly T[], make: () => T, sync: (c: Codec, item: T) => T): T[];
}

/** The SNAPSHOT_INVALID error. */
export function damaged(why: string): CairnError {
  return new CairnError('SNAPSHOT_INVALID', `the snapshot is damaged: ${why}`);
}

/** Writes into a growing buffer. */
export class Writer implements Codec {
  readonly reading = false;
  private bytes = new Uint8Array(1024);
  private length = 0;
  private readonly view8 = new DataView(new ArrayBuffer(8));

  private ensure(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  u8(v: number): number {
    this.ensure(1);
    this.bytes[this.length++] = v & 0xff;
    return v;
  }
  uint(v: number): number {
    if (!Number.isSafeInteger(v) || v < 0) throw new CairnError('RUNTIME', `snapshot writer: ${v} is not a non-negative integer`);
    let rest = v;
    while (rest >= 0x80) {
      this.u8((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.u8(rest);
    return v;
  }
  int(v: number): number {
    this.uint(v < 0 ? -v * 2 - 1 : v * 2);
    return v;
  }
  f64(v: number): number {
    this.view8.setFloat64(0, v, true);
    this.ensure(8);
    for (let i = 0; i < 8; i++) this.bytes[this.length++] = this.view8.getUint8(i);
    return v;
  }
  str(v: string): string {
    this.uint(v.length);
    for (let i = 0; i < v.length; i++) this.uint(v.charCodeAt(i));
    return v;
  }
  list<T>(items: readonly T[], _make: () => T, sync: (c: Codec, item: T) => T): T[] {
    this.uint(items.length);
    for (const item of items) sync(this, item);
    return items as T[];
  }
  /** The bytes written. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads from bytes, checking every step. */
export class Reader implements Codec {
  readonly reading = true;
  private pos = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** Bytes not yet read. */
  get remaining(): number {
    return this.bytes.length - this.pos;
  }
  u8(_v: number): number {
    if (this.pos >= this.bytes.length) throw damaged('it ends too early');
    return this.bytes[this.pos++]!;
  }
  uint(_v: number): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.u8(0);
      result += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
      if (scale > 2 ** 53) throw damaged('a number is too long');
    }
    if (!Number.isSafeInteger(result)) throw damaged('a number is too large');
    return result;
  }
  int(_v: number): number {
    const z = this.uint(0);
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }
  f64(_v: number): number {
    if (this.remaining < 8) throw damaged('it ends too early');
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
  str(_v: string): string {
    const n = this.count();
    const units = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const u = this.uint(0);
      if (u > 0xffff) throw damaged('a string holds an invalid character');
      units[i] = u;
    }
    let out = '';
    for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
    return out;
  }
  list<T>(_items: readonly T[], make: () => T, sync: (c: Codec, item: T) => T): T[] {
    const n = this.count();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(sync(this, make()));
    return out;
  }
  /** A count of items that each take at least one byte, so it cannot exceed the bytes left. */
  private count(): number {
    const n = this.uint(0);
    if (n > this.remaining) throw damaged('a length is larger than the data');
    return n;
  }
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (the ZIP one) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
