// A small synthesiser for the game's music and sound effects: oscillators,
// envelopes, noise, plucked strings (Karplus-Strong), one-pole and biquad
// filters, a Schroeder reverb, and a note sequencer whose loops wrap their
// tails round to the start so they repeat without a seam. All randomness
// comes from a seeded generator: the same script writes the same files.

import { rng } from './rng.js';

export const RATE = 22050;

/** A buffer of `seconds` of silence. */
export function buffer(seconds) {
  return new Float32Array(Math.ceil(seconds * RATE));
}

/** Frequency of a note name like "A4", "C#5", "Bb3". */
export function freq(note) {
  const m = /^([A-G])([#b]?)(-?\d)$/.exec(note);
  if (!m) throw new Error(`bad note ${note}`);
  const base = { C: -9, D: -7, E: -5, F: -4, G: -2, A: 0, B: 2 }[m[1]];
  const semis = base + (m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0) + (Number(m[3]) - 4) * 12;
  return 440 * 2 ** (semis / 12);
}

/** Attack-decay-sustain-release level at time t of a note lasting `dur` seconds. */
export function adsr(t, dur, { a = 0.01, d = 0.1, s = 0.7, r = 0.1 } = {}) {
  if (t < 0) return 0;
  if (t < a) return t / a;
  if (t < a + d) return 1 - ((1 - s) * (t - a)) / d;
  if (t < dur) return s;
  if (t < dur + r) return s * (1 - (t - dur) / r);
  return 0;
}

const WAVES = {
  sine: (p) => Math.sin(2 * Math.PI * p),
  triangle: (p) => 1 - 4 * Math.abs(((p + 0.25) % 1) - 0.5),
  square: (p) => (p % 1 < 0.5 ? 1 : -1),
  saw: (p) => 2 * (p % 1) - 1,
};

/**
 * Adds a tone to `buf` at `start` seconds: wave, frequency (or a function of
 * time for glides), envelope, volume, vibrato, a one-pole low-pass cutoff,
 * and extra partials [[ratio, level, decay], …] for bells.
 */
export function tone(buf, start, dur, f, o = {}) {
  const { wave = 'sine', vol = 0.3, env = {}, vibrato = 0, vibratoRate = 5, lowpass = 0, partials = null, detune = 0 } = o;
  const wav = WAVES[wave];
  const rel = env.r ?? 0.1;
  const n = Math.ceil((dur + rel) * RATE);
  const i0 = Math.round(start * RATE);
  let phase = 0;
  let phase2 = 0;
  let lp = 0;
  const k = lowpass ? 1 - Math.exp((-2 * Math.PI * lowpass) / RATE) : 1;
  const phases = partials ? partials.map(() => 0) : null;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const fr = (typeof f === 'function' ? f(t) : f) * (1 + vibrato * Math.sin(2 * Math.PI * vibratoRate * t));
    phase += fr / RATE;
    let s = wav(phase);
    if (detune) {
      phase2 += (fr * (1 + detune)) / RATE;
      s = 0.5 * (s + wav(phase2));
    }
    if (partials) {
      for (let j = 0; j < partials.length; j++) {
        const [ratio, level, decay] = partials[j];
        phases[j] += (fr * ratio) / RATE;
        s += level * Math.exp(-t * decay) * Math.sin(2 * Math.PI * phases[j]);
      }
    }
    if (lowpass) s = lp += k * (s - lp);
    const at = i0 + i;
    if (at >= 0 && at < buf.length) buf[at] += s * vol * adsr(t, dur, env);
  }
}

/** Adds filtered noise: `shape(t)` gives the level over `dur` seconds; `lowpass`/`highpass` may be functions of t. */
export function noise(buf, start, dur, o = {}) {
  const { vol = 0.3, shape = () => 1, lowpass = 0, highpass = 0, seed = 1 } = o;
  const r = rng(seed);
  const i0 = Math.round(start * RATE);
  let lp = 0;
  let hpIn = 0;
  let hpOut = 0;
  const n = Math.ceil(dur * RATE);
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    let s = r() * 2 - 1;
    const lc = typeof lowpass === 'function' ? lowpass(t) : lowpass;
    if (lc) s = lp += (1 - Math.exp((-2 * Math.PI * lc) / RATE)) * (s - lp);
    const hc = typeof highpass === 'function' ? highpass(t) : highpass;
    if (hc) {
      const a = Math.exp((-2 * Math.PI * hc) / RATE);
      const y = a * (hpOut + s - hpIn);
      hpIn = s;
      hpOut = y;
      s = y;
    }
    const at = i0 + i;
    if (at >= 0 && at < buf.length) buf[at] += s * vol * shape(t);
  }
}

/** A plucked string (Karplus-Strong) at `start`: harp and guitar-ish. */
export function pluck(buf, start, f, o = {}) {
  const { vol = 0.3, dur = 1.5, damp = 0.996, seed = 7, bright = 0.5 } = o;
  const r = rng(seed + Math.round(f));
  const period = Math.max(2, Math.round(RATE / f));
  const line = new Float32Array(period);
  for (let i = 0; i < period; i++) line[i] = r() * 2 - 1;
  // Soften the attack: pre-filter the noise burst.
  for (let pass = 0; pass < Math.round((1 - bright) * 4); pass++) for (let i = 1; i < period; i++) line[i] = 0.5 * (line[i] + line[i - 1]);
  const i0 = Math.round(start * RATE);
  const n = Math.ceil(dur * RATE);
  let idx = 0;
  for (let i = 0; i < n; i++) {
    const next = (idx + 1) % period;
    const s = line[idx];
    line[idx] = damp * 0.5 * (line[idx] + line[next]);
    idx = next;
    const fadeOut = i > n - 400 ? (n - i) / 400 : 1;
    const at = i0 + i;
    if (at < buf.length) buf[at] += s * vol * fadeOut;
  }
}

/** Schroeder reverb (four combs, two all-passes), mixed in at `wet`; returns a new buffer. */
export function reverb(buf, { wet = 0.25, room = 0.82, damp = 0.3 } = {}) {
  const combs = [1116, 1188, 1277, 1356].map((d) => ({ d: Math.round((d * RATE) / 44100), b: null, i: 0, lp: 0 }));
  for (const c of combs) c.b = new Float32Array(c.d);
  const alls = [556, 441].map((d) => ({ d: Math.round((d * RATE) / 44100), b: null, i: 0 }));
  for (const a of alls) a.b = new Float32Array(a.d);
  const out = new Float32Array(buf.length);
  for (let n = 0; n < buf.length; n++) {
    const x = buf[n];
    let y = 0;
    for (const c of combs) {
      const v = c.b[c.i];
      c.lp = v * (1 - damp) + c.lp * damp;
      c.b[c.i] = x + c.lp * room;
      c.i = (c.i + 1) % c.d;
      y += v;
    }
    y *= 0.25;
    for (const a of alls) {
      const v = a.b[a.i];
      a.b[a.i] = y + v * 0.5;
      a.i = (a.i + 1) % a.d;
      y = v - y * 0.5;
    }
    out[n] = x * (1 - wet) + y * wet;
  }
  return out;
}

/** Folds the part of `buf` past `length` seconds back onto its start, so it loops seamlessly. */
export function wrapLoop(buf, length) {
  const n = Math.round(length * RATE);
  const out = buf.slice(0, n);
  for (let i = n; i < buf.length; i++) out[i % n] += buf[i];
  return out;
}

/** Scales a buffer so its loudest sample is `peak`. */
export function normalise(buf, peak = 0.8) {
  let m = 0;
  for (const s of buf) m = Math.max(m, Math.abs(s));
  if (m === 0) return buf;
  const k = peak / m;
  for (let i = 0; i < buf.length; i++) buf[i] *= k;
  return buf;
}

/** Short fades at both ends, so a sound starts and stops without a click. */
export function declick(buf, ms = 6) {
  const n = Math.min(buf.length >> 1, Math.round((ms / 1000) * RATE));
  for (let i = 0; i < n; i++) {
    buf[i] *= i / n;
    buf[buf.length - 1 - i] *= i / n;
  }
  return buf;
}

/**
 * Plays a melody written as "C5:1 E5:0.5 r:0.5 …" (note:beats, r for a rest)
 * from `start` at `bpm`, calling play(t, f, seconds) for each note.
 */
export function sequence(text, start, bpm, play) {
  const beat = 60 / bpm;
  let t = start;
  for (const token of text.trim().split(/\s+/)) {
    const [note, beats = '1'] = token.split(':');
    const len = Number(beats) * beat;
    if (note !== 'r') for (const n of note.split('+')) play(t, freq(n), len);
    t += len;
  }
  return t;
}
