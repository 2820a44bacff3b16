// The VM's seeded random generator (sfc32). Its whole state is four 32-bit
// words kept in the VM state, so snapshots capture it and a restored game draws
// the same numbers. Nothing here reads the clock or Math.random.

/** Generator state: four 32-bit words, mutated in place by each draw. */
export type RngState = Int32Array;

/** A fresh generator state for `seed` (any number; its low 32 bits are used). */
export function seedRng(seed: number): RngState {
  // splitmix32 spreads a small seed over all four words, as sfc32 wants.
  let x = seed >>> 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
  };
  const state = new Int32Array([next(), next(), next(), next()]);
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** The next 32-bit unsigned integer. */
export function nextUint32(s: RngState): number {
  let a = s[0]!, b = s[1]!, c = s[2]!, d = s[3]!;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
  return t >>> 0;
}

/** A float in [0, 1) with 53 random bits. */
export function nextFloat(s: RngState): number {
  const hi = nextUint32(s) >>> 5; // 27 bits
  const lo = nextUint32(s) >>> 6; // 26 bits
  return (hi * 67108864 + lo) / 9007199254740992;
}
