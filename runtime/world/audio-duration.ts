// How long a sound file plays, read from its headers: a WAV's data length
// over its byte rate; an Ogg's last granule position over the sample rate of
// its Vorbis or Opus stream (Opus counts at 48 kHz, less its pre-skip). The
// build measures voice files with it, so a voiced line's length is a fact of
// the bundle and every run lasts the same. Never throws.

const ascii = (b: Uint8Array, at: number, n: number): string => String.fromCharCode(...b.subarray(at, at + n));
const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;

/** The playing time of a WAV or Ogg (Vorbis, Opus) file in whole milliseconds (at least 1), or a phrase saying why it cannot be measured. */
export function audioDurationMs(bytes: Uint8Array): number | string {
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return wavMs(bytes);
  if (bytes.length >= 4 && ascii(bytes, 0, 4) === 'OggS') return oggMs(bytes);
  return 'it is not a WAV or Ogg file';
}

function wavMs(b: Uint8Array): number | string {
  let byteRate = 0;
  for (let at = 12; at + 8 <= b.length; ) {
    const id = ascii(b, at, 4);
    const size = u32(b, at + 4);
    if (id === 'fmt ' && size >= 16 && at + 24 <= b.length) byteRate = u32(b, at + 16);
    if (id === 'data') {
      if (byteRate === 0) return 'its data comes before a format chunk with a byte rate';
      const bytes = Math.min(size, b.length - at - 8);
      return Math.max(1, Math.round((bytes * 1000) / byteRate));
    }
    at += 8 + size + (size & 1);
  }
  return 'it has no data chunk';
}

function oggMs(b: Uint8Array): number | string {
  // The first page carries the identification header of the stream.
  if (b.length < 28) return 'its first Ogg page is cut short';
  const segments = b[26]!;
  const packet = 27 + segments;
  let rate = 0;
  let preSkip = 0;
  if (packet + 16 <= b.length && ascii(b, packet, 7) === '\u0001vorbis') rate = u32(b, packet + 12);
  else if (packet + 12 <= b.length && ascii(b, packet, 8) === 'OpusHead') {
    rate = 48000;
    preSkip = u16(b, packet + 10);
  } else return 'its Ogg stream is neither Vorbis nor Opus';
  if (rate === 0) return 'its stream gives no sample rate';
  // The last page's granule position counts the samples up to the end.
  for (let at = b.length - 27; at >= 0; at--) {
    if (b[at] !== 0x4f || ascii(b, at, 4) !== 'OggS') continue;
    const granule = u32(b, at + 6) + u32(b, at + 10) * 0x100000000;
    return Math.max(1, Math.round(((granule - preSkip) * 1000) / rate));
  }
  return 'it has no last Ogg page';
}
