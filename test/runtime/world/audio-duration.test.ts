// Voice lengths measured from the files' headers (runtime/world/audio-duration.ts):
// a WAV's data over its byte rate, an Ogg's last granule over its sample rate.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioDurationMs } from '../../../runtime/world/audio-duration.js';

const VOICES = join(import.meta.dirname, '../../player/fixtures/harbour-lang/assets/voice');

/** A mono 16-bit WAV of `samples` silent samples at `rate` Hz. */
function wav(rate: number, samples: number): Uint8Array {
  const data = samples * 2;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(data, 40);
  return new Uint8Array(b);
}

describe('audio durations', () => {
  it('reads a WAV\'s length from its format and data chunks', () => {
    expect(audioDurationMs(wav(22050, 22050 * 2))).toBe(2000);
    expect(audioDurationMs(wav(8000, 12))).toBe(2);
  });

  it('reads an Ogg Vorbis file\'s length from its last page (espeak-ng through oggenc: 26586 samples at 22050 Hz, 1.206 s)', () => {
    expect(audioDurationMs(readFileSync(join(VOICES, 'en/main.on_start.c95bb509.ogg')))).toBe(1206);
    expect(audioDurationMs(readFileSync(join(VOICES, 'fr/main.on_start.c95bb509.wav')))).toBe(995);
  });

  it('says why a file cannot be measured instead of throwing', () => {
    expect(audioDurationMs(new Uint8Array([1, 2, 3]))).toBe('it is not a WAV or Ogg file');
    expect(audioDurationMs(wav(8000, 10).subarray(0, 36))).toBe('it has no data chunk');
    expect(audioDurationMs(new TextEncoder().encode('OggS'))).toBe('its first Ogg page is cut short');
  });
});
