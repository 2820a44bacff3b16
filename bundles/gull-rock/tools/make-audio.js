#!/usr/bin/env node
// Synthesises the music and sound effects of Gull Rock into assets/audio/
// as mono 16-bit WAV at 22,050 Hz. Run it from anywhere:
//   node bundles/gull-rock/tools/make-audio.js [--out DIR] [name-filter]
// Deterministic (seeded noise); commit the output beside this script.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveWav } from './lib/wav.js';
import { RATE, buffer, declick, freq, noise, normalise, pluck, reverb, sequence, tone, wrapLoop } from './lib/synth.js';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const AUDIO = outAt >= 0 ? args.splice(outAt, 2)[1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'audio');
const filter = args[0] ?? '';

// ─── Instruments ────────────────────────────────────────────────────────────

const musicBox = (buf, t, f, len, vol = 0.22) =>
  tone(buf, t, Math.min(len, 0.3), f, { vol, env: { a: 0.004, d: 0.5, s: 0.12, r: 0.6 }, partials: [[2, 0.35, 5], [3.01, 0.14, 9], [4.2, 0.08, 14]] });

const concertina = (buf, t, f, len, vol = 0.16) =>
  tone(buf, t, len * 0.92, f, { wave: 'saw', detune: 0.004, lowpass: 2000, vol, vibrato: 0.003, env: { a: 0.03, d: 0.08, s: 0.85, r: 0.08 } });

const brass = (buf, t, f, len, vol = 0.18) =>
  tone(buf, t, len * 0.9, f, { wave: 'saw', detune: 0.003, lowpass: 1700, vol, vibrato: 0.004, vibratoRate: 5.5, env: { a: 0.05, d: 0.15, s: 0.75, r: 0.12 } });

const pad = (buf, t, f, len, vol = 0.06, lowpass = 900) =>
  tone(buf, t, len, f, { wave: 'saw', detune: 0.006, lowpass, vol, env: { a: 0.4, d: 0.3, s: 0.8, r: 0.6 } });

const bass = (buf, t, f, vol = 0.35, dur = 1.2) => pluck(buf, t, f, { vol, dur, damp: 0.994, bright: 0.2 });

const chordTones = {
  F: ['F3', 'A3', 'C4'], Dm: ['D3', 'F3', 'A3'], Bb: ['Bb2', 'D3', 'F3'], C: ['C3', 'E3', 'G3'], Gm: ['G2', 'Bb2', 'D3'], Am: ['A2', 'C3', 'E3'],
  G: ['G2', 'B2', 'D3'], E: ['E2', 'G#2', 'B2'],
};

function loop(seconds, draw, { wet = 0.22, room = 0.8 } = {}) {
  const buf = buffer(seconds + 3);
  draw(buf);
  return normalise(wrapLoop(reverb(buf, { wet, room }), seconds), 0.7);
}

// ─── Music ──────────────────────────────────────────────────────────────────

/** Gran's waltz: a music box over an oom-pah-pah, F major, 3/4. */
function cottageMusic() {
  const bpm = 120;
  const beat = 60 / bpm;
  const bars = ['F', 'Dm', 'Bb', 'C', 'F', 'Dm', 'Gm', 'F'];
  return loop(bars.length * 3 * beat, (buf) => {
    sequence('A5:1 C6:1 A5:1 F5:2 D5:1 D5:1 F5:1 Bb5:1 A5:2 G5:1 A5:1 C6:1 F6:1 E6:1 D6:1 A5:1 Bb5:1.5 A5:0.5 G5:1 F5:3', 0, bpm, (t, f, len) => musicBox(buf, t, f, len));
    bars.forEach((ch, i) => {
      const t = i * 3 * beat;
      const [root, third, fifth] = chordTones[ch];
      bass(buf, t, freq(root) / 2, 0.4);
      for (const k of [1, 2]) for (const n of [third, fifth]) tone(buf, t + k * beat, 0.16, freq(n) * 2, { wave: 'triangle', vol: 0.07, env: { a: 0.005, d: 0.12, s: 0.3, r: 0.12 } });
      if (ch === 'Gm') tone(buf, t + 2 * beat, 0.16, freq('E4'), { wave: 'triangle', vol: 0.07, env: { a: 0.005, d: 0.12, s: 0.3, r: 0.12 } });
    });
  });
}

/** The shore: a concertina shanty in D dorian, 6/8, over the sound of the sea. */
function shoreMusic() {
  const bpm = 180; // eighth notes
  const eighth = 60 / bpm;
  const bars = [['Dm'], ['C'], ['Dm'], ['Am'], ['F', 'C'], ['Dm']];
  const length = bars.length * 6 * eighth;
  return loop(length, (buf) => {
    sequence('A4:2 D5:1 D5:2 E5:1 F5:2 E5:1 C5:3 D5:2 F5:1 A5:2 G5:1 E5:3 C5:3 C5:2 F5:1 E5:2 C5:1 D5:5 r:1', 0, bpm, (t, f, len) => concertina(buf, t, f, len));
    bars.forEach((chs, i) => {
      const t0 = i * 6 * eighth;
      chs.forEach((ch, j) => {
        const span = 6 / chs.length;
        const t = t0 + j * span * eighth;
        const [root, third, fifth] = chordTones[ch];
        bass(buf, t, freq(root) / 2, 0.42, 1.4);
        if (span === 6) bass(buf, t + 3 * eighth, freq(fifth) / 2, 0.3, 1.2);
        for (const k of span === 6 ? [1, 2, 4, 5] : [1, 2]) {
          for (const n of [root, third, fifth]) tone(buf, t + k * eighth, eighth * 0.7, freq(n) * 2, { wave: 'square', lowpass: 1200, vol: 0.022, env: { a: 0.01, d: 0.05, s: 0.7, r: 0.05 } });
        }
      });
    });
    // The sea: two slow swells of filtered noise per loop (whole cycles, so it loops).
    noise(buf, 0, length + 0.5, { vol: 0.16, lowpass: 420, seed: 11, shape: (t) => 0.35 + 0.3 * (1 - Math.cos((2 * Math.PI * 2 * t) / length)) });
  }, { wet: 0.25 });
}

/** The lighthouse: harp arpeggios in A minor, a low drone and the wind in the stairwell. */
function lighthouseMusic() {
  const bpm = 144; // eighth notes at 72 crotchets
  const eighth = 60 / bpm;
  const bars = [['A2', 'C3', 'E3', 'A3'], ['F2', 'A2', 'C3', 'F3'], ['C3', 'E3', 'G3', 'C4'], ['E2', 'G#2', 'B2', 'E3']];
  const length = bars.length * 8 * eighth;
  return loop(length, (buf) => {
    bars.forEach((notes, i) => {
      const t0 = i * 8 * eighth;
      const arp = [0, 1, 2, 3, 2, 1, 2, 3];
      arp.forEach((k, j) => pluck(buf, t0 + j * eighth, freq(notes[k]) * 2, { vol: 0.22, dur: 1.6, damp: 0.997, bright: 0.45, seed: 3 + j }));
      pad(buf, t0, freq(notes[0]), 8 * eighth - 0.3, 0.05, 500);
      pad(buf, t0, freq(notes[2]), 8 * eighth - 0.3, 0.035, 500);
    });
    musicBox(buf, 0.02, freq('E5'), 1, 0.12);
    musicBox(buf, 2 * 8 * eighth + 4 * eighth, freq('C5'), 1, 0.1);
    musicBox(buf, 3 * 8 * eighth + 6 * eighth, freq('B4'), 1, 0.1);
    noise(buf, 0, length + 0.5, { vol: 0.07, lowpass: (t) => 500 + 300 * Math.sin((2 * Math.PI * t) / length), seed: 12, shape: (t) => 0.5 + 0.5 * Math.sin((2 * Math.PI * t) / length + 1) ** 2 });
  }, { wet: 0.35, room: 0.86 });
}

/** The finale: a brass fanfare in C over strings and timpani. */
function finaleMusic() {
  const bpm = 112;
  const beat = 60 / bpm;
  const bars = ['C', 'F', 'C', 'G', 'F', 'C'];
  const length = bars.length * 4 * beat;
  return loop(length, (buf) => {
    sequence('G4:1 C5:1 E5:1 G5:1 A5:2 G5:1 F5:1 E5:1.5 D5:0.5 C5:1 E5:1 D5:3 G4:1 A5:1 G5:1 F5:1 D5:1 C5:3 r:1', 0, bpm, (t, f, len) => {
      brass(buf, t, f, len);
      brass(buf, t, f / 2, len, 0.08);
    });
    bars.forEach((ch, i) => {
      const t = i * 4 * beat;
      const [root, third, fifth] = chordTones[ch];
      for (const n of [root, third, fifth]) pad(buf, t, freq(n) * 2, 4 * beat - 0.2, 0.04, 1400);
      bass(buf, t, freq(root) / 2, 0.4, 1.5);
      bass(buf, t + 2 * beat, freq(fifth) / 2, 0.3, 1.2);
      for (const k of [0, 2]) tone(buf, t + k * beat, 0.3, (x) => freq(root) / 2 * (1 + 0.5 * Math.exp(-x * 30)), { vol: 0.35, env: { a: 0.002, d: 0.25, s: 0.1, r: 0.3 } });
    });
  }, { wet: 0.28 });
}

// ─── Sound effects ──────────────────────────────────────────────────────────

function sfx(seconds, draw, { wet = 0.12, peak = 0.8 } = {}) {
  const buf = buffer(seconds);
  draw(buf);
  return declick(normalise(wet ? reverb(buf, { wet, room: 0.7 }) : buf, peak));
}

const SOUNDS = {
  pickup: () => sfx(0.7, (b) => {
    const bell = { env: { a: 0.003, d: 0.3, s: 0.1, r: 0.3 }, partials: [[2.76, 0.3, 8], [5.4, 0.1, 14]] };
    tone(b, 0, 0.12, freq('E6'), { vol: 0.3, ...bell });
    tone(b, 0.09, 0.2, freq('B6'), { vol: 0.3, ...bell });
  }),
  gull: () => sfx(1.1, (b) => {
    for (const [t, f0] of [[0, 1700], [0.42, 1600]]) {
      tone(b, t, 0.3, (x) => f0 - 700 * Math.min(1, x / 0.3) + 120 * Math.sin(x * 70), { wave: 'saw', lowpass: 2600, vol: 0.22, env: { a: 0.02, d: 0.1, s: 0.7, r: 0.08 } });
      noise(b, t, 0.3, { vol: 0.05, highpass: 2000, seed: 21 });
    }
  }, { wet: 0.2 }),
  paper: () => sfx(0.5, (b) => {
    for (let i = 0; i < 5; i++) noise(b, i * 0.08, 0.1, { vol: 0.3, highpass: 2500, lowpass: 7000, seed: 30 + i, shape: (t) => Math.sin((Math.PI * t) / 0.1) });
  }, { wet: 0 }),
  door: () => sfx(1.1, (b) => {
    tone(b, 0, 0.75, (x) => 95 + 50 * Math.sin(x * 9) + 30 * x, { wave: 'saw', lowpass: 900, vol: 0.25, vibrato: 0.05, vibratoRate: 31, env: { a: 0.05, d: 0.2, s: 0.8, r: 0.1 } });
    noise(b, 0.82, 0.2, { vol: 0.5, lowpass: 300, seed: 40, shape: (t) => Math.exp(-t * 25) });
    tone(b, 0.82, 0.05, 70, { vol: 0.5, env: { a: 0.001, d: 0.15, s: 0, r: 0.05 } });
  }),
  pour: () => sfx(1.1, (b) => {
    noise(b, 0, 1.0, { vol: 0.25, lowpass: 1800, highpass: 400, seed: 50, shape: (t) => Math.min(1, t * 8) * Math.min(1, (1 - t) * 6) });
    for (let i = 0; i < 12; i++) tone(b, i * 0.075, 0.04, (x) => 500 + i * 40 + x * 3000, { vol: 0.12, env: { a: 0.002, d: 0.04, s: 0, r: 0.02 } });
  }),
  sizzle: () => sfx(1.4, (b) => {
    noise(b, 0, 1.4, { vol: 0.3, highpass: 3000, seed: 60, shape: (t) => Math.min(1, t * 4) * Math.min(1, (1.4 - t) * 3) * (0.6 + 0.4 * Math.sin(t * 90)) });
  }, { wet: 0 }),
  fizzle: () => sfx(0.6, (b) => {
    noise(b, 0, 0.5, { vol: 0.4, highpass: 1200, lowpass: 6000, seed: 70, shape: (t) => Math.exp(-t * 9) });
    noise(b, 0.05, 0.4, { vol: 0.2, lowpass: 400, seed: 71, shape: (t) => Math.exp(-t * 6) });
  }, { wet: 0 }),
  steps: () => sfx(1.4, (b) => {
    for (let i = 0; i < 6; i++) {
      const t = i * 0.2;
      noise(b, t, 0.08, { vol: 0.3, lowpass: 1500, seed: 80 + i, shape: (x) => Math.exp(-x * 40) });
      tone(b, t, 0.02, 210 + (i % 2) * 25, { vol: 0.2, partials: [[2.7, 0.5, 20]], env: { a: 0.001, d: 0.12, s: 0, r: 0.05 } });
    }
  }, { wet: 0.35 }),
  unlock: () => sfx(0.6, (b) => {
    for (const [t, f] of [[0, 900], [0.22, 600]]) {
      noise(b, t, 0.05, { vol: 0.5, lowpass: 3000, seed: 90 + t * 10, shape: (x) => Math.exp(-x * 60) });
      tone(b, t, 0.02, f, { vol: 0.25, partials: [[2.3, 0.6, 25], [3.9, 0.3, 30]], env: { a: 0.001, d: 0.15, s: 0, r: 0.05 } });
    }
  }),
  flap: () => sfx(0.7, (b) => {
    for (let i = 0; i < 4; i++) noise(b, i * 0.14, 0.12, { vol: 0.5, lowpass: 700, seed: 100 + i, shape: (t) => Math.sin((Math.PI * t) / 0.12) ** 2 });
  }, { wet: 0 }),
  splash: () => sfx(0.9, (b) => {
    tone(b, 0, 0.08, (x) => 300 + x * 4000, { vol: 0.4, env: { a: 0.002, d: 0.08, s: 0, r: 0.02 } });
    noise(b, 0.03, 0.6, { vol: 0.35, lowpass: (t) => 4000 - t * 5000, highpass: 300, seed: 110, shape: (t) => Math.exp(-t * 7) });
    for (let i = 0; i < 5; i++) tone(b, 0.15 + i * 0.09, 0.03, 700 + i * 130, { vol: 0.1, env: { a: 0.002, d: 0.04, s: 0, r: 0.02 } });
  }),
  gulp: () => sfx(0.4, (b) => {
    tone(b, 0, 0.12, (x) => 420 - x * 1800, { vol: 0.4, env: { a: 0.005, d: 0.1, s: 0.3, r: 0.05 } });
    tone(b, 0.17, 0.1, (x) => 300 - x * 1200, { vol: 0.3, env: { a: 0.005, d: 0.08, s: 0.3, r: 0.05 } });
  }, { wet: 0 }),
  clink: () => sfx(0.8, (b) => {
    tone(b, 0, 0.03, 2100, { vol: 0.3, partials: [[2.4, 0.6, 8], [3.7, 0.4, 11], [5.1, 0.2, 15]], env: { a: 0.001, d: 0.5, s: 0, r: 0.1 } });
  }),
  glug: () => sfx(1.2, (b) => {
    for (let i = 0; i < 6; i++) tone(b, i * 0.17, 0.1, (x) => 170 + (i % 3) * 20 + x * 900, { vol: 0.4, env: { a: 0.01, d: 0.09, s: 0.2, r: 0.05 } });
    noise(b, 0, 1.1, { vol: 0.06, lowpass: 600, seed: 120 });
  }),
  strike: () => sfx(0.4, (b) => {
    noise(b, 0, 0.3, { vol: 0.5, highpass: 1500, seed: 130, shape: (t) => (t < 0.15 ? 1 : Math.exp(-(t - 0.15) * 20)) * (0.6 + 0.4 * Math.sin(t * 300)) });
  }, { wet: 0 }),
  whoosh: () => sfx(1.6, (b) => {
    noise(b, 0, 1.5, { vol: 0.5, lowpass: (t) => 200 + 2500 * Math.sin((Math.PI * t) / 1.5), seed: 140, shape: (t) => Math.sin((Math.PI * t) / 1.5) });
    tone(b, 0.2, 1.0, freq('C3'), { wave: 'triangle', vol: 0.12, env: { a: 0.3, d: 0.2, s: 0.6, r: 0.4 } });
  }, { wet: 0.25 }),
  squeak: () => sfx(0.7, (b) => {
    for (const [t, f] of [[0, 1900], [0.3, 2200]]) tone(b, t, 0.2, (x) => f + 500 * Math.sin(x * 18), { wave: 'triangle', vol: 0.2, env: { a: 0.02, d: 0.05, s: 0.8, r: 0.05 } });
  }, { wet: 0 }),
  horn: () => sfx(3.2, (b) => {
    for (const f of [110, 138.6]) tone(b, 0.1, 2.2, f, { wave: 'saw', lowpass: 700, vol: 0.25, vibrato: 0.002, env: { a: 0.25, d: 0.2, s: 0.9, r: 0.6 } });
  }, { wet: 0.45 }),
};

// ─── Write them ─────────────────────────────────────────────────────────────

const JOBS = {
  'music/cottage.wav': cottageMusic,
  'music/shore.wav': shoreMusic,
  'music/lighthouse.wav': lighthouseMusic,
  'music/finale.wav': finaleMusic,
  ...Object.fromEntries(Object.entries(SOUNDS).map(([name, make]) => [`sfx/${name}.wav`, make])),
};

let total = 0;
for (const [path, make] of Object.entries(JOBS)) {
  if (!path.includes(filter)) continue;
  const samples = make();
  const bytes = saveWav(join(AUDIO, path), samples, RATE);
  total += bytes;
  console.log(`${path.padEnd(24)} ${(samples.length / RATE).toFixed(2).padStart(6)} s ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
}
console.log(`${'total'.padEnd(33)} ${(total / 1024).toFixed(1).padStart(8)} KB`);
