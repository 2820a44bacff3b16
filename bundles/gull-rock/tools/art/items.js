// Things: the sprites of objects placed in rooms (drawn at the size they
// appear, standing on their bottom centre) and the 40 × 40 inventory icons.
// Each drawing is a function of a canvas and a centre, so a sprite and its
// icon share one hand.

import { Canvas, INK, ellipsePts, fade, glow, mix, rectPts, smooth } from '../lib/raster.js';
import { P } from '../lib/palette.js';

// ─── Drawings, centred on (x, y) at scale s ─────────────────────────────────

function mug(c, x, y, s = 1, tea = false) {
  if (tea) {
    for (const dx of [-3, 2]) c.stroke(smooth([[x + dx * s, y - 9 * s], [x + (dx + 2) * s, y - 13 * s], [x + dx * s, y - 17 * s], [x + (dx + 2) * s, y - 21 * s]], false, 4), fade(P.cream, 0.85), 1.4 * s, false);
  }
  c.circle(x + 6 * s, y + 1 * s, 3.6 * s, null, { outline: INK, w: 3.4 * s });
  c.circle(x + 6 * s, y + 1 * s, 3.6 * s, null, { outline: P.navy, w: 1.6 * s });
  c.rrect(x - 6 * s, y - 6 * s, 12 * s, 13 * s, 2 * s, P.navy, { w: 1.4 });
  c.fill(ellipsePts(x, y - 5.5 * s, 5.4 * s, 1.4 * s), tea ? mix(P.brown, P.peach, 0.4) : P.plum);
  c.circle(x - 1 * s, y + 1 * s, 2 * s, P.cream, { outline: null });
}

function kettle(c, x, y) {
  c.stroke(smooth([[x - 10, y - 18], [x, y - 30], [x + 10, y - 18]], false, 5), INK, 4, false);
  c.stroke(smooth([[x - 10, y - 18], [x, y - 30], [x + 10, y - 18]], false, 5), P.stone, 2, false);
  c.shape([[x + 10, y - 8], [x + 22, y - 18], [x + 24, y - 16], [x + 13, y - 3]], mix(P.stone, P.cream, 0.3), { w: 1.4 });
  c.shape(smooth([[x - 15, y], [x - 14, y - 12], [x, y - 19], [x + 14, y - 12], [x + 15, y]], true, 5), mix(P.stone, P.cream, 0.3), { w: 1.6 });
  c.fill(ellipsePts(x - 5, y - 10, 4, 5), fade(P.cream, 0.6));
  c.circle(x, y - 19, 2.5, P.bark, { w: 1.2 });
  for (const [dx, r] of [[26, 3], [30, 4], [35, 5]]) c.circle(x + dx, y - 20 - dx / 3, r, fade(P.cream, 0.4), { outline: null });
}

function magnet(c, x, y, s = 1) {
  const outer = [];
  for (let i = 0; i <= 16; i++) {
    const a = Math.PI + (Math.PI * i) / 16;
    outer.push([x + Math.cos(a) * 8 * s, y - 2 * s + Math.sin(a) * 8 * s]);
  }
  const inner = [];
  for (let i = 16; i >= 0; i--) {
    const a = Math.PI + (Math.PI * i) / 16;
    inner.push([x + Math.cos(a) * 3.5 * s, y - 2 * s + Math.sin(a) * 3.5 * s]);
  }
  const shape = [...outer, [x + 8 * s, y + 7 * s], [x + 3.5 * s, y + 7 * s], ...inner, [x - 3.5 * s, y + 7 * s], [x - 8 * s, y + 7 * s]];
  c.shape(shape, P.red, { w: 1.4 });
  c.rect(x - 8 * s, y + 4 * s, 4.5 * s, 3.5 * s, P.fog, { w: 1.1 });
  c.rect(x + 3.5 * s, y + 4 * s, 4.5 * s, 3.5 * s, P.fog, { w: 1.1 });
}

function note(c, x, y) {
  c.shape([[x - 7, y - 18], [x + 7, y - 17], [x + 8, y], [x - 6, y + 1]], P.cream, { w: 1.2 });
  for (let i = 0; i < 4; i++) c.line(x - 4, y - 13 + i * 3.5, x + 4 - (i % 2) * 2, y - 13 + i * 3.5, fade(P.ink, 0.6), 0.9);
}

function woolBall(c, x, y, s = 1, color = P.navy) {
  c.circle(x, y, 6.5 * s, mix(color, P.fog, 0.25), { w: 1.4 });
  c.clip(ellipsePts(x, y, 6.5 * s, 6.5 * s), () => {
    for (let i = -2; i <= 2; i++) c.stroke(smooth([[x - 8 * s, y + i * 3 * s - 2 * s], [x, y + i * 3 * s + 2 * s], [x + 8 * s, y + i * 3 * s - 1 * s]], false, 4), mix(color, P.ink, 0.3), 0.9, false);
  });
}

function basket(c, x, y) {
  c.shape(smooth([[x - 24, y - 22], [x + 24, y - 22], [x + 19, y], [x - 19, y]], true, 2), mix(P.brown, P.peach, 0.35), { w: 1.6 });
  c.clip(smooth([[x - 24, y - 22], [x + 24, y - 22], [x + 19, y], [x - 19, y]], true, 2), () => {
    for (let k = 0; k < 5; k++) c.line(x - 26, y - 18 + k * 4.5, x + 26, y - 18 + k * 4.5, fade(P.bark, 0.7), 1.1);
    for (let k = -5; k <= 5; k++) c.line(x + k * 5, y - 22, x + k * 4.2, y, fade(P.bark, 0.5), 1);
  });
  woolBall(c, x - 10, y - 24, 1, P.red);
  woolBall(c, x + 3, y - 26, 0.9, P.gold);
  c.line(x - 4, y - 40, x + 8, y - 20, P.stone, 1.6);
  c.line(x + 2, y - 42, x + 12, y - 20, P.stone, 1.6);
}

function sardine(c, x, y, s = 1) {
  const body = smooth([[x - 13 * s, y], [x - 4 * s, y - 5 * s], [x + 8 * s, y - 3 * s], [x + 12 * s, y], [x + 8 * s, y + 3 * s], [x - 4 * s, y + 4 * s]], true, 4);
  c.shape([[x + 10 * s, y], [x + 17 * s, y - 6 * s], [x + 17 * s, y + 6 * s]], mix(P.stone, P.teal, 0.4), { w: 1.2 });
  c.shape(body, mix(P.stone, P.teal, 0.4), { w: 1.4 });
  c.clip(body, () => c.fill(rectPts(x - 14 * s, y, 28 * s, 6 * s), fade(P.cream, 0.6)));
  c.circle(x - 8 * s, y - 1 * s, 1.2 * s, INK, { outline: null });
}

function key(c, x, y, s = 1) {
  c.circle(x - 8 * s, y, 5.5 * s, null, { outline: INK, w: 4.5 * s });
  c.circle(x - 8 * s, y, 5.5 * s, null, { outline: P.lilac, w: 2 * s });
  c.line(x - 2.5 * s, y, x + 12 * s, y, INK, 4.5 * s);
  c.line(x - 2.5 * s, y, x + 12 * s, y, P.lilac, 2 * s);
  c.rect(x + 6 * s, y, 3 * s, 6 * s, P.lilac, { w: 1.2 });
  c.rect(x + 10 * s, y, 3 * s, 4 * s, P.lilac, { w: 1.2 });
}

function oilcan(c, x, y, s = 1, full = false) {
  c.line(x + 5 * s, y - 18 * s, x + 16 * s, y - 28 * s, INK, 3.6 * s);
  c.line(x + 5 * s, y - 18 * s, x + 16 * s, y - 28 * s, P.gold, 1.8 * s);
  c.stroke(smooth([[x - 8 * s, y - 14 * s], [x - 14 * s, y - 8 * s], [x - 8 * s, y - 2 * s]], false, 4), INK, 3.4 * s, false);
  c.shape(smooth([[x - 8 * s, y], [x - 9 * s, y - 12 * s], [x - 3 * s, y - 17 * s], [x + 3 * s, y - 17 * s], [x + 9 * s, y - 12 * s], [x + 8 * s, y]], true, 3), full ? P.red : mix(P.red, P.stone, 0.5), { w: 1.5 });
  c.fill(rectPts(x - 6 * s, y - 10 * s, 12 * s, 5 * s), fade(P.cream, 0.7));
  if (full) c.circle(x + 17 * s, y - 26 * s, 1.8 * s, P.gold, { w: 1 });
}

function matchbox(c, x, y, s = 1, dry = false) {
  c.shape([[x - 9 * s, y - 6 * s], [x + 9 * s, y - 6 * s], [x + 9 * s, y + 1 * s], [x - 9 * s, y + 1 * s]], dry ? P.gold : mix(P.gold, P.stone, 0.5), { w: 1.4 });
  c.fill(rectPts(x - 7 * s, y - 5 * s, 6 * s, 5 * s), P.red);
  c.line(x + 1 * s, y - 3 * s, x + 7 * s, y - 3 * s, fade(P.ink, 0.6), 1);
  for (let i = 0; i < 3; i++) {
    c.line(x - 5 * s + i * 3 * s, y - 6 * s, x - 4 * s + i * 3 * s, y - 13 * s, mix(P.cream, P.brown, 0.3), 1.5 * s);
    c.circle(x - 4 * s + i * 3 * s, y - 13.5 * s, 1.4 * s, P.red, { w: 0.8 });
  }
  if (!dry) {
    for (const [dx, dy] of [[11, -10], [-12, -9], [13, 0]]) c.shape(smooth([[x + dx * s, y + dy * s - 3 * s], [x + dx * s + 2 * s, y + dy * s + 1 * s], [x + dx * s, y + dy * s + 2.4 * s], [x + dx * s - 2 * s, y + dy * s + 1 * s]], true, 3), mix(P.teal, P.fog, 0.3), { w: 1 });
  }
}

function rag(c, x, y, s = 1) {
  const pts = smooth([[x - 12 * s, y], [x - 10 * s, y - 6 * s], [x - 2 * s, y - 8 * s], [x + 8 * s, y - 5 * s], [x + 12 * s, y], [x + 2 * s, y + 2 * s]], true, 4);
  c.shape(pts, mix(P.cream, P.stone, 0.3), { w: 1.4 });
  c.clip(pts, () => {
    for (let k = -2; k <= 2; k++) c.line(x + k * 5 * s - 4 * s, y - 10 * s, x + k * 5 * s + 4 * s, y + 4 * s, fade(P.red, 0.6), 1.2 * s);
    c.fill(ellipsePts(x + 4 * s, y - 3 * s, 4 * s, 2 * s), fade(P.ink, 0.35));
  });
}

function parcel(c, x, y, s = 1) {
  c.rect(x - 12 * s, y - 9 * s, 24 * s, 16 * s, mix(P.brown, P.peach, 0.45), { w: 1.5 });
  c.line(x, y - 9 * s, x, y + 7 * s, P.red, 1.6 * s);
  c.line(x - 12 * s, y - 1 * s, x + 12 * s, y - 1 * s, P.red, 1.6 * s);
  c.circle(x - 3 * s, y - 11 * s, 3 * s, null, { outline: P.red, w: 1.4 * s });
  c.circle(x + 3 * s, y - 11 * s, 3 * s, null, { outline: P.red, w: 1.4 * s });
  c.rect(x + 3 * s, y + 1 * s, 7 * s, 4 * s, P.cream, { w: 0.8 });
}

function logbook(c, x, y) {
  c.shape([[x - 18, y], [x - 16, y - 8], [x + 16, y - 8], [x + 18, y]], P.navy, { w: 1.5 });
  c.fill(rectPts(x - 15, y - 7, 30, 3), P.cream);
  c.line(x, y - 8, x, y, P.gold, 1.2);
}

// ─── Sheets ──────────────────────────────────────────────────────────────────

function canvas(w, h, draw) {
  const c = new Canvas(w, h, { ss: 4 });
  draw(c);
  return c;
}

/** Room sprites, by asset path: size and drawing (bottom centre is the object's `at`). */
export const SPRITES = {
  'cottage/kettle.png': () => canvas(64, 48, (c) => kettle(c, 22, 46)),
  'cottage/mug.png': () => canvas(22, 18, (c) => mug(c, 9, 10)),
  'cottage/magnet.png': () => canvas(20, 20, (c) => magnet(c, 10, 10)),
  'cottage/note.png': () => canvas(20, 22, (c) => note(c, 10, 20)),
  'cottage/basket.png': () => canvas(56, 46, (c) => basket(c, 28, 44)),
  'cottage/wool.png': () => canvas(18, 18, (c) => woolBall(c, 9, 9, 1.05)),
  'lighthouse/oilcan.png': () => canvas(36, 34, (c) => oilcan(c, 15, 32)),
  'lighthouse/matches.png': () => canvas(32, 26, (c) => matchbox(c, 16, 22)),
  'lighthouse/rag.png': () => canvas(30, 14, (c) => rag(c, 15, 11)),
  'lamproom/logbook.png': () => canvas(40, 12, (c) => logbook(c, 20, 11)),
  'lamproom/soot.png': () =>
    canvas(116, 140, (c) => {
      // Soot smudged over the lens: blotches, darkest low down where the smoke rose.
      const blobs = [[40, 118, 30, 12], [76, 110, 26, 16], [58, 90, 34, 14], [30, 70, 18, 12], [88, 64, 20, 10], [56, 40, 24, 10], [22, 100, 14, 20], [96, 92, 12, 22]];
      for (const [x, y, rx, ry] of blobs) c.fill(ellipsePts(x, y, rx, ry), fade(P.ink, 0.55));
      for (const [x, y, rx, ry] of blobs) c.fill(ellipsePts(x + 3, y - 2, rx * 0.55, ry * 0.5), fade(P.plum, 0.45));
    }),
  'lamproom/flame.png': () =>
    canvas(40, 46, (c) => {
      c.fill(ellipsePts(20, 28, 20, 20), glow(20, 28, 20, fade(P.gold, 0.8)));
      c.shape(smooth([[12, 42], [14, 26], [20, 8], [26, 26], [28, 42]], true, 5), P.gold, { outline: P.red, w: 1.4 });
      c.fill(smooth([[16, 42], [17, 32], [20, 22], [23, 32], [24, 42]], true, 4), P.cream);
    }),
  'lamproom/beam.png': () =>
    canvas(640, 200, (c) => {
      // Two beams, left and right of the lens, fanning out through the windows.
      for (const dir of [-1, 1]) {
        const x0 = 320 + dir * 40;
        const pts = [[x0, 92], [x0, 116], [320 + dir * 330, 196], [320 + dir * 330, 6]];
        c.fill(pts, (x) => [...hex(P.gold), 0.55 * Math.max(0, 1 - Math.abs(x - 320) / 360)]);
      }
      c.fill(ellipsePts(320, 104, 80, 80), glow(320, 104, 80, fade(P.cream, 0.75)));
    }),
  'cottage/the-end.png': () => canvas(300, 110, (c) => theEnd(c)),
  'shore/door-shut.png': () => canvas(44, 78, (c) => door(c, false)),
  'shore/door-open.png': () => canvas(44, 78, (c) => door(c, true)),
  'shore/glint.png': () =>
    canvas(20, 20, (c) => {
      c.fill([[10, 1], [12, 8], [19, 10], [12, 12], [10, 19], [8, 12], [1, 10], [8, 8]], P.cream);
      c.fill(ellipsePts(10, 10, 3, 3), P.gold);
    }),
  'shore/mailboat.png': () => canvas(180, 96, (c) => mailboat(c)),
  'shore/beam.png': () =>
    canvas(720, 150, (c) => {
      c.fill([[712, 22], [712, 40], [0, 150], [0, 0]], (x) => [...hex(P.gold), 0.5 * Math.max(0, x / 720) + 0.05]);
      c.fill(ellipsePts(712, 31, 24, 24), glow(712, 31, 24, fade(P.cream, 0.9)));
    }),
};

// Letters as strokes on a 4 × 6 grid: enough for the end card.
const GLYPHS = {
  T: [[[0, 0], [4, 0]], [[2, 0], [2, 6]]],
  H: [[[0, 0], [0, 6]], [[4, 0], [4, 6]], [[0, 3], [4, 3]]],
  E: [[[4, 0], [0, 0], [0, 6], [4, 6]], [[0, 3], [3, 3]]],
  N: [[[0, 6], [0, 0], [4, 6], [4, 0]]],
  D: [[[0, 0], [0, 6]], smooth([[0, 0], [2, 0], [4, 3], [2, 6], [0, 6]], false, 5)],
};

function lettering(c, text, x, y, size, color, w) {
  let at = x;
  for (const ch of text) {
    if (ch !== ' ') for (const stroke of GLYPHS[ch]) c.stroke(stroke.map(([gx, gy]) => [at + gx * size, y + gy * size]), color, w, false);
    at += size * (ch === ' ' ? 4 : 6);
  }
}

function theEnd(c) {
  // A ribbon banner with the words, and the light shining from a little lighthouse.
  const band = [[26, 22], [274, 22], [262, 58], [274, 94], [26, 94], [38, 58]];
  c.shape([[4, 36], [40, 36], [40, 104], [4, 104], [16, 70]], mix(P.red, P.ink, 0.25), { w: 1.8 });
  c.shape([[296, 36], [260, 36], [260, 104], [296, 104], [284, 70]], mix(P.red, P.ink, 0.25), { w: 1.8 });
  c.shape(band, P.cream, { w: 2.2 });
  c.stroke([[40, 30], [260, 30]], fade(P.red, 0.7), 2, false);
  c.stroke([[40, 86], [260, 86]], fade(P.red, 0.7), 2, false);
  const size = 5;
  const text = 'THE END';
  const width = [...text].reduce((w, ch) => w + size * (ch === ' ' ? 4 : 6), 0) - size * 2;
  lettering(c, text, 150 - width / 2, 43, size, INK, 4.2);
  lettering(c, text, 150 - width / 2, 43, size, P.red, 2.2);
  // The lighthouse on top of the banner, beaming.
  c.fill([[150, 8], [70, 0], [70, 16]], fade(P.gold, 0.6));
  c.fill([[150, 8], [230, 0], [230, 16]], fade(P.gold, 0.6));
  c.shape([[143, 24], [146, 8], [154, 8], [157, 24]], P.cream, { w: 1.4 });
  c.rect(144.5, 14, 11, 4, P.red, { outline: null });
  c.rect(145, 3, 10, 6, P.gold, { w: 1.2 });
}

function door(c, open) {
  const pts = smooth([[2, 78], [2, 22], [22, 2], [42, 22], [42, 78]], true, 5);
  c.shape(pts, open ? mix(P.ink, P.plum, 0.4) : mix(P.teal, P.navy, 0.35), { w: 1.8 });
  c.clip(pts, () => {
    if (open) {
      c.fill(rectPts(0, 40, 44, 40), fade(P.gold, 0.15));
      c.line(8, 78, 20, 50, fade(P.stone, 0.6), 3); // the foot of the stair inside
      return;
    }
    for (let x = 10; x < 44; x += 9) c.line(x, 0, x, 80, mix(P.navy, P.ink, 0.3), 1.2);
    c.rect(0, 30, 44, 5, mix(P.navy, P.ink, 0.3), { outline: null });
    c.rect(0, 60, 44, 5, mix(P.navy, P.ink, 0.3), { outline: null });
  });
  if (open) {
    c.shape([[2, 24], [-4, 28], [-4, 78], [2, 78]], mix(P.teal, P.navy, 0.35), { w: 1.4 });
  } else {
    c.circle(34, 48, 4, P.stone, { w: 1.2 });
    c.rect(32, 52, 4, 7, P.ink, { outline: null }); // keyhole
  }
}

function mailboat(c) {
  c.fill(ellipsePts(90, 90, 86, 6), fade(P.navy, 0.4));
  c.rect(74, 22, 46, 40, P.cream, { w: 1.8 });
  c.rect(84, 30, 12, 10, mix(P.fog, P.teal, 0.3), { w: 1.2 });
  c.rect(102, 30, 12, 10, mix(P.fog, P.teal, 0.3), { w: 1.2 });
  c.rect(98, 4, 12, 20, P.red, { w: 1.6 });
  c.rect(98, 4, 12, 5, P.ink, { outline: null });
  c.circle(124, 14, 5, fade(P.fog, 0.6), { outline: null });
  c.circle(134, 8, 7, fade(P.fog, 0.45), { outline: null });
  const hull = smooth([[4, 54], [176, 50], [164, 76], [130, 88], [30, 86], [12, 70]], true, 4);
  c.shape(hull, P.navy, { w: 2 });
  c.clip(hull, () => {
    c.fill(rectPts(0, 50, 180, 8), P.red);
    c.line(0, 58, 180, 58, INK, 1.4);
  });
  // ROYAL MAIL: a little gold crest and a row of portholes.
  c.circle(40, 68, 4, P.gold, { w: 1.1 });
  for (const x of [70, 92, 114, 136]) c.circle(x, 70, 3.4, mix(P.fog, P.teal, 0.3), { w: 1.1 });
  c.line(20, 50, 20, 28, INK, 2);
  c.shape([[20, 28], [36, 33], [20, 38]], P.red, { w: 1.2 });
}

/** Inventory icons, 40 × 40, by asset path. */
export const ICONS = {
  'icons/mug.png': (c) => mug(c, 18, 24, 1.7),
  'icons/tea.png': (c) => mug(c, 18, 26, 1.6, true),
  'icons/magnet.png': (c) => magnet(c, 20, 20, 1.8),
  'icons/wool.png': (c) => woolBall(c, 20, 21, 2.1),
  'icons/magnet-on-wool.png': (c) => {
    c.stroke(smooth([[8, 6], [20, 10], [12, 16], [24, 20], [22, 24]], false, 6), INK, 3.4, false);
    c.stroke(smooth([[8, 6], [20, 10], [12, 16], [24, 20], [22, 24]], false, 6), mix(P.navy, P.fog, 0.25), 1.8, false);
    woolBall(c, 9, 8, 0.9);
    magnet(c, 24, 30, 1.2);
  },
  'icons/sardine.png': (c) => sardine(c, 18, 20, 1.25),
  'icons/key.png': (c) => key(c, 20, 20, 1.2),
  'icons/oilcan.png': (c) => oilcan(c, 16, 36, 1.05),
  'icons/oilcan-full.png': (c) => oilcan(c, 16, 36, 1.05, true),
  'icons/matches.png': (c) => matchbox(c, 20, 28, 1.3),
  'icons/matches-dry.png': (c) => matchbox(c, 20, 28, 1.3, true),
  'icons/rag.png': (c) => rag(c, 20, 24, 1.4),
  'icons/parcel.png': (c) => parcel(c, 20, 26, 1.25),
};

export function iconCanvas(draw) {
  return canvas(40, 40, (c) => {
    c.rrect(1, 1, 38, 38, 7, fade(P.cream, 0.18), { outline: fade(P.ink, 0.35), w: 1 });
    draw(c);
  });
}

function hex(color) {
  const h = color.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}
