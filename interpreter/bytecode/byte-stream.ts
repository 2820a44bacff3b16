// The primitives of the bytecode format, in both directions. binary.ts walks a
// Module once through the Channel interface, so the writer and the reader are
// the same code and cannot drift apart (the ScummVM serializer way). The reader
// checks every length before it reads or allocates; it only throws CairnError.

import { CairnError } from '../errors.js';
import { keepAlive } from '../keep-alive.js';

/**
 * One direction of the format. Writing returns the value it was given; reading
 * ignores that value and returns what it read. `what` names the field for errors.
 */
export interface Channel {
  readonly reading: boolean;
  /** One byte, 0..255. */
  byte(value: number, what: string): number;
  /** A little-endian 16-bit unsigned integer. */
  u16(value: number, what: string): number;
  /** An unsigned LEB128 integer, 0..2^32-1, in its shortest form. */
  uint(value: number, what: string): number;
  /** A zigzag LEB128 integer, -2^33..2^33, in its shortest form. */
  sint(value: number, what: string): number;
  /** A little-endian IEEE-754 double; NaN only with the one canonical bit pattern. */
  f64(value: number, what: string): number;
  /** A UTF-8 string preceded by its byte length. */
  string(value: string, what: string): string;
  /** A count of items each taking at least `bytesEach` bytes, refused above `max` before anything is allocated. */
  count(value: number, bytesEach: number, max: number, what: string): number;
  /** Little-endian 32-bit words preceded by their count. */
  words(value: Int32Array, max: number, what: string): Int32Array;
  /** A section: id byte, byte length, then the body, which must use exactly that many bytes. */
  section<T>(id: number, what: string, body: () => T): T;
  /** Reports a value the format cannot hold (writing) or refuses (reading). */
  fail(message: string): never;
}

const MAX_UINT = 0xffff_ffff;
const MAX_SINT = 2 ** 33;
// Strings in a module are names, texts and JSON; 64 MiB is far beyond any of them.
const MAX_STRING_BYTES = 64 * 1024 * 1024;
// Bit pattern written for every NaN so that encoding never depends on the engine.
const NAN_HI = 0x7ff8_0000;
const ILL_FORMED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const utf8Encoder = new TextEncoder();
// fatal: invalid UTF-8 is refused, not patched; ignoreBOM: a leading U+FEFF is content.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function invalid(message: string): never {
  throw new CairnError('MODULE_INVALID', message);
}

/** Writes a module into a growing buffer. */
export class ByteWriter implements Channel {
  readonly reading = false;
  private buffer = new Uint8Array(1024);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  constructor() {
    keepAlive(this);
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  fail(message: string): never {
    return invalid(`cannot encode the module: ${message}`);
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  byte(value: number, what: string): number {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) this.fail(`${what} ${value} does not fit in a byte`);
    this.reserve(1);
    this.buffer[this.length++] = value;
    return value;
  }

  u16(value: number, what: string): number {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff) this.fail(`${what} ${value} does not fit in 16 bits`);
    this.reserve(2);
    this.view.setUint16(this.length, value, true);
    this.length += 2;
    return value;
  }

  uint(value: number, what: string): number {
    if (!Number.isInteger(value) || value < 0 || value > MAX_UINT) this.fail(`${what} ${value} is not a whole number from 0 to ${MAX_UINT}`);
    this.varint(value);
    return value;
  }

  sint(value: number, what: string): number {
    if (!Number.isInteger(value) || Math.abs(value) > MAX_SINT) this.fail(`${what} ${value} is not a whole number within ±2^33`);
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
    return value;
  }

  f64(value: number, what: string): number {
    if (typeof value !== 'number') this.fail(`${what} is not a number`);
    this.reserve(8);
    if (Number.isNaN(value)) {
      this.view.setUint32(this.length, 0, true);
      this.view.setUint32(this.length + 4, NAN_HI, true);
    } else {
      this.view.setFloat64(this.length, value, true);
    }
    this.length += 8;
    return value;
  }

  string(value: string, what: string): string {
    if (typeof value !== 'string') this.fail(`${what} is not a string`);
    if (ILL_FORMED.test(value)) this.fail(`${what} ${JSON.stringify(value)} has a lone surrogate, which UTF-8 cannot hold`);
    const bytes = utf8Encoder.encode(value);
    this.count(bytes.length, 1, MAX_STRING_BYTES, what);
    this.raw(bytes);
    return value;
  }

  count(value: number, _bytesEach: number, max: number, what: string): number {
    if (!Number.isInteger(value) || value < 0 || value > max) this.fail(`${what} count ${value} is above the format's limit of ${max}`);
    this.varint(value);
    return value;
  }

  words(value: Int32Array, max: number, what: string): Int32Array {
    if (!(value instanceof Int32Array)) this.fail(`${what} is not an Int32Array`);
    this.count(value.length, 4, max, what);
    this.reserve(4 * value.length);
    for (let i = 0; i < value.length; i++) this.view.setInt32(this.length + 4 * i, value[i]!, true);
    this.length += 4 * value.length;
    return value;
  }

  section<T>(id: number, what: string, body: () => T): T {
    // The body is written after the id, then its length is spliced in front of it.
    this.byte(id, `${what} section id`);
    const start = this.length;
    const result = body();
    const bodyBytes = this.buffer.slice(start, this.length);
    this.length = start;
    this.uint(bodyBytes.length, `${what} section length`);
    this.raw(bodyBytes);
    return result;
  }

  private varint(value: number): void {
    this.reserve(8);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buffer[this.length++] = value;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

/** Reads a module, checking every length against what is left before reading or allocating. */
export class ByteReader implements Channel {
  readonly reading = true;
  private readonly view: DataView;
  private pos = 0;
  /** Where reading must stop: the end of the file or of the current section. */
  private end: number;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.length;
  }

  /** The current read offset. */
  get offset(): number {
    return this.pos;
  }

  /** Bytes left before the end of the file (or of the current section). */
  get remaining(): number {
    return this.end - this.pos;
  }

  fail(message: string): never {
    return invalid(message);
  }

  raw(n: number, what: string): Uint8Array {
    this.need(n, what);
    this.pos += n;
    return this.bytes.subarray(this.pos - n, this.pos);
  }

  byte(_value: number, what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  u16(_value: number, what: string): number {
    this.need(2, what);
    this.pos += 2;
    return this.view.getUint16(this.pos - 2, true);
  }

  uint(_value: number, what: string): number {
    const at = this.pos;
    const value = this.varint(what);
    if (value > MAX_UINT) this.fail(`${what} at offset ${at} is ${value}, above ${MAX_UINT}`);
    return value;
  }

  sint(_value: number, what: string): number {
    const at = this.pos;
    const zigzag = this.varint(what);
    const value = zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    if (Math.abs(value) > MAX_SINT) this.fail(`${what} at offset ${at} is ${value}, beyond ±2^33`);
    return value;
  }

  f64(_value: number, what: string): number {
    this.need(8, what);
    const value = this.view.getFloat64(this.pos, true);
    if (Number.isNaN(value) && (this.view.getUint32(this.pos, true) !== 0 || this.view.getUint32(this.pos + 4, true) !== NAN_HI)) {
      this.fail(`${what} at offset ${this.pos} is a NaN with a non-canonical bit pattern`);
    }
    this.pos += 8;
    return value;
  }

  string(_value: string, what: string): string {
    const lengthAt = this.pos;
    const length = this.uint(0, `${what} length`);
    if (length > MAX_STRING_BYTES) this.fail(`${what} at offset ${lengthAt} is ${length} bytes long, above the format's limit of ${MAX_STRING_BYTES}`);
    const at = this.pos;
    const bytes = this.raw(length, what);
    try {
      return utf8Decoder.decode(bytes);
    } catch {
      return this.fail(`${what} at offset ${at} is not valid UTF-8`);
    }
  }

  count(_value: number, bytesEach: number, max: number, what: string): number {
    const at = this.pos;
    const n = this.uint(0, `${what} count`);
    if (n > max) this.fail(`${what} count ${n} at offset ${at} is above the format's limit of ${max}`);
    // Every item needs at least bytesEach bytes: a huge count in a short file is refused here, before any allocation.
    this.need(n * bytesEach, `a list of ${n} ${what} entries`);
    return n;
  }

  words(_value: Int32Array, max: number, what: string): Int32Array {
    const n = this.count(0, 4, max, what);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.view.getInt32(this.pos + 4 * i, true);
    this.pos += 4 * n;
    return out;
  }

  section<T>(id: number, what: string, body: () => T): T {
    const at = this.pos;
    const found = this.byte(id, `${what} section id`);
    if (found !== id) this.fail(`expected the ${what} section (id ${id}) at offset ${at}, found id ${found}`);
    const length = this.uint(0, `${what} section length`);
    this.need(length, `${what} section`);
    const outerEnd = this.end;
    this.end = this.pos + length;
    const result = body();
    if (this.pos !== this.end) this.fail(`the ${what} section has ${this.end - this.pos} bytes left over at offset ${this.pos}`);
    this.end = outerEnd;
    return result;
  }

  /** The next byte, without reading it (0 at the end). */
  peekByte(): number {
    return this.pos < this.end ? this.bytes[this.pos]! : 0;
  }

  /** Skips a section this reader does not know (in a module from a newer writer); returns its id. */
  skipSection(): number {
    const id = this.byte(0, 'section id');
    this.raw(this.uint(0, 'section length'), `section ${id}`);
    return id;
  }

  private varint(what: string): number {
    const at = this.pos;
    let value = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      // Eight groups of seven bits hold every value up to 2^53; longer is not a number we write.
      if (i === 8) this.fail(`${what} at offset ${at} is an over-long integer`);
      const b = this.byte(0, what);
      value += (b & 0x7f) * scale;
      if (b < 0x80) {
        // A final zero group means a shorter encoding existed: the writer never does that.
        if (b === 0 && i > 0) this.fail(`${what} at offset ${at} is not in its shortest form`);
        return value;
      }
      scale *= 0x80;
    }
  }

  private need(n: number, what: string): void {
    const left = this.end - this.pos;
    if (n <= left) return;
    if (this.end === this.bytes.length) {
      throw new CairnError('MODULE_TRUNCATED', `the module ends inside ${what}: ${n} bytes needed at offset ${this.pos}, ${left} left`);
    }
    this.fail(`${what} at offset ${this.pos} runs past the end of its section (${n} bytes needed, ${left} left)`);
  }
}
