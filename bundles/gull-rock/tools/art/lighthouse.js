// Inside the lighthouse: the store room at the foot of the tower, and the
// lamp room at the top. The store has the spiral stair, the oil drum, the
// workbench and the shelf (the oil can, matches and rag are sprites). The lamp
// room has the great lamp and its lens in a ring of windows onto the fog.

import { Canvas, INK, ellipsePts, fade, glow, mix, rectPts, smooth, vgradient } from '../lib/raster.js';
import { P } from '../lib/palette.js';
import { fogBand, floorboards, sea, sky, stonework } from './scenery.js';

export function store() {
  const c = new Canvas(640, 360, { ss: 3 });
  // Curved stone wall, darker towards the sides, and flagstones.
  stonework(c, 0, 0, 640, 272, mix(P.stone, P.cream, 0.25), 61);
  c.fill(rectPts(0, 0, 640, 272), (x) => {
    const t = Math.abs(x - 340) / 340;
    return [...rgb(P.plum), 0.1 + 0.45 * t * t];
  });
  c.fill(rectPts(0, 272, 640, 88), vgradient([[272, mix(P.stone, P.plum, 0.4)], [360, mix(P.stone, P.plum, 0.15)]]));
  for (const y of [290, 316, 346]) c.line(0, y, 640, y, fade(P.ink, 0.35), 1.2);
  for (let i = 0; i < 14; i++) c.line(20 + i * 48 + (i % 2) * 10, 272, i * 58 - 40, 360, fade(P.ink, 0.3), 1.2);
  c.line(0, 272, 640, 272, INK, 2);

  // A slit window with fog.
  c.rrect(300, 40, 26, 70, 12, mix(P.fog, P.peach, 0.4), { w: 2 });
  fogBand(c, 300, 26, 80, 20, 0.7, 62);

  // The spiral stair climbing out of sight on the left.
  c.rect(104, -4, 12, 290, mix(P.plum, P.ink, 0.2), { w: 1.6 });
  for (let i = 0; i < 9; i++) {
    const y = 280 - i * 34;
    const left = i % 2 === 0;
    const x0 = left ? 30 : 110;
    const pts = left ? [[x0, y], [116, y - 6], [116, y + 2], [x0 + 4, y + 10]] : [[104, y - 6], [x0 + 86, y], [x0 + 82, y + 10], [104, y + 2]];
    c.shape(pts, mix(P.stone, P.plum, 0.5), { w: 1.5 });
    c.line(left ? x0 + 2 : x0 + 84, y, left ? x0 + 2 : x0 + 84, y - 40, INK, 1.6);
  }
  c.stroke(smooth([[32, 240], [196, 206], [32, 172], [196, 138], [32, 104], [196, 70], [32, 36], [196, 2]], false, 6), mix(P.brown, P.ink, 0.2), 2.4, false);

  // Wall shelf (the oil can sits on it) and tools hanging on pegs.
  c.rect(236, 168, 120, 7, P.brown, { w: 1.6 });
  c.shape([[244, 175], [254, 175], [244, 190]], P.bark, { w: 1.2 });
  c.shape([[338, 175], [348, 175], [348, 190]], P.bark, { w: 1.2 });
  c.rrect(246, 146, 18, 22, 3, mix(P.navy, P.lilac, 0.4), { w: 1.4 }); // a tin of paint
  c.line(372, 120, 372, 190, P.bark, 2.6); // a broom handle
  c.shape([[362, 190], [382, 190], [388, 222], [356, 222]], P.gold, { w: 1.4 });
  c.circle(410, 120, 14, null, { outline: INK, w: 4 }); // a coil of rope
  c.circle(410, 120, 14, null, { outline: P.peach, w: 2.4 });
  c.circle(410, 120, 9, null, { outline: INK, w: 3.4 });
  c.circle(410, 120, 9, null, { outline: P.peach, w: 2 });
  // A lifebelt.
  c.circle(470, 110, 20, P.red, { w: 1.8 });
  c.circle(470, 110, 10, mix(P.stone, P.cream, 0.25), { w: 1.6 });
  for (let a = 0; a < 4; a++) {
    const t = (a * Math.PI) / 2 + Math.PI / 4;
    c.line(470 + Math.cos(t) * 11, 110 + Math.sin(t) * 11, 470 + Math.cos(t) * 19, 110 + Math.sin(t) * 19, P.cream, 4);
  }

  // The workbench (matches and rag are sprites on it).
  c.rect(226, 246, 130, 10, P.brown, { w: 1.8 });
  c.rect(232, 256, 8, 40, P.bark, { w: 1.4 });
  c.rect(342, 256, 8, 40, P.bark, { w: 1.4 });
  c.line(236, 282, 346, 282, P.bark, 3);
  c.rect(300, 232, 24, 14, P.stone, { w: 1.4 }); // a vice
  c.rect(308, 226, 8, 6, P.stone, { w: 1.2 });

  // The oil drum, rust-red, with a brass tap.
  const ox = 436;
  c.fill(ellipsePts(ox, 302, 40, 6), fade(P.ink, 0.3));
  c.shape([[ox - 34, 214], [ox + 34, 214], [ox + 34, 298], [ox - 34, 298]], mix(P.red, P.bark, 0.35), { w: 1.8 });
  c.ellipse(ox, 214, 34, 7, mix(P.red, P.bark, 0.15), { w: 1.6 });
  c.fill(rectPts(ox + 10, 218, 18, 80), fade(P.ink, 0.15));
  for (const y of [238, 276]) c.line(ox - 34, y, ox + 34, y, INK, 1.4);
  c.rect(ox - 20, 246, 40, 20, mix(P.cream, P.peach, 0.3), { w: 1.2 });
  for (let i = 0; i < 3; i++) c.rect(ox - 14 + i * 10, 251, 7, 10, mix(P.ink, P.red, 0.3), { outline: null }); // O I L
  c.rect(ox - 48, 280, 16, 6, P.gold, { w: 1.2 });
  c.rect(ox - 40, 274, 6, 8, P.gold, { w: 1.1 });

  // The door out to the shore, open onto the fog.
  const dx = 548;
  c.shape(smooth([[dx - 12, 294], [dx - 12, 186], [dx + 30, 156], [dx + 72, 186], [dx + 72, 294]], true, 5), mix(P.stone, P.plum, 0.5), { w: 2 });
  const opening = smooth([[dx, 294], [dx, 190], [dx + 30, 168], [dx + 60, 190], [dx + 60, 294]], true, 5);
  c.shape(opening, mix(P.fog, P.peach, 0.35), { w: 1.8 });
  c.clip(opening, () => {
    c.fill(rectPts(dx, 250, 60, 50), mix(P.peach, P.cream, 0.2));
    fogBand(c, dx, 60, 240, 30, 0.8, 63);
  });
  c.shape([[dx + 60, 190], [dx + 80, 178], [dx + 80, 300], [dx + 60, 294]], mix(P.teal, P.navy, 0.3), { w: 1.6 });
  c.fill(ellipsePts(dx + 30, 300, 40, 14), glow(dx + 30, 300, 40, fade(P.cream, 0.5)));
  c.fill(rectPts(0, 300, 640, 60), vgradient([[300, fade(P.plum, 0)], [360, fade(P.plum, 0.22)]]));
  return c;
}

export const LAMP = { x: 320, lensY: 152, rx: 52, ry: 66 };

export function lamproom() {
  const c = new Canvas(640, 360, { ss: 3 });
  // The windows: sky, sea and fog through eight tall panes.
  sky(c, 0, 0, 640, 176, 560, 132);
  sea(c, 0, 640, 176, 248, 71);
  fogBand(c, 0, 640, 172, 30, 0.9, 72);
  fogBand(c, 0, 640, 120, 24, 0.5, 73);
  fogBand(c, 0, 640, 60, 24, 0.3, 74);
  for (let x = -20; x <= 660; x += 96) {
    c.rect(x - 6, 0, 12, 250, mix(P.plum, P.ink, 0.2), { w: 1.6 });
  }
  c.rect(-4, 0, 648, 14, mix(P.plum, P.ink, 0.2), { w: 1.8 });
  c.rect(-4, 112, 648, 6, mix(P.plum, P.ink, 0.3), { w: 1.2 });
  // The gallery rail outside.
  c.line(0, 214, 640, 214, INK, 4);
  c.line(0, 214, 640, 214, P.plum, 2);
  for (let x = 12; x < 640; x += 24) c.line(x, 214, x, 250, fade(P.plum, 0.9), 2);
  // The low wall and the iron floor.
  c.rect(-4, 244, 648, 32, mix(P.red, P.bark, 0.3), { w: 1.8 });
  for (let x = 20; x < 640; x += 60) c.circle(x, 260, 2, P.bark, { outline: null });
  floorboards(c, 0, 276, 640, 360, mix(P.stone, P.plum, 0.45), 320, 75);
  c.line(0, 276, 640, 276, INK, 2);

  // The hatch down to the store, with the top of the ladder.
  c.shape([[54, 318], [150, 318], [160, 346], [44, 346]], mix(P.ink, P.plum, 0.4), { w: 1.8 });
  c.shape([[54, 318], [150, 318], [146, 306], [58, 306]], P.brown, { w: 1.6 }); // the lid, open
  c.line(84, 346, 88, 322, P.brown, 3);
  c.line(120, 346, 116, 322, P.brown, 3);
  c.line(86, 334, 118, 334, P.brown, 2.4);

  // The desk with the logbook (a sprite) and a tin mug.
  c.rect(470, 240, 100, 10, P.brown, { w: 1.8 });
  c.rect(476, 250, 8, 50, P.bark, { w: 1.4 });
  c.rect(556, 250, 8, 50, P.bark, { w: 1.4 });
  c.rrect(548, 226, 14, 14, 2, P.stone, { w: 1.3 });

  // The great lamp: pedestal, brass frame, and the lens of glass rings.
  const { x, lensY, rx, ry } = LAMP;
  c.fill(ellipsePts(x, 300, 80, 10), fade(P.ink, 0.3));
  c.shape([[x - 40, 300], [x - 28, 222], [x + 28, 222], [x + 40, 300]], mix(P.plum, P.navy, 0.4), { w: 1.8 });
  c.rect(x - 48, 294, 96, 10, mix(P.plum, P.ink, 0.3), { w: 1.6 });
  c.rect(x - 36, 214, 72, 10, P.gold, { w: 1.6 });
  const lens = smooth([[x - rx, lensY - ry * 0.75], [x, lensY - ry], [x + rx, lensY - ry * 0.75], [x + rx * 1.04, lensY + ry * 0.55], [x + rx * 0.9, lensY + ry], [x - rx * 0.9, lensY + ry], [x - rx * 1.04, lensY + ry * 0.55]], true, 6);
  c.shape(lens, mix(P.fog, P.peach, 0.3), { w: 2 });
  c.clip(lens, () => {
    c.fill(rectPts(x - rx - 4, lensY - ry - 4, rx * 2 + 8, ry * 2 + 8), vgradient([[lensY - ry, mix(P.fog, P.teal, 0.35)], [lensY, mix(P.fog, P.teal, 0.12)], [lensY + ry, mix(P.fog, P.teal, 0.4)]]));
    for (let i = -7; i <= 7; i++) {
      if (Math.abs(i) <= 1) continue;
      const y = lensY + i * 9 + (i > 0 ? 4 : -4);
      const bow = i < 0 ? -4 : 4;
      c.stroke([[x - rx - 4, y], [x - rx / 2, y + bow * 0.75], [x, y + bow], [x + rx / 2, y + bow * 0.75], [x + rx + 4, y]], fade(P.cream, 0.85), 2.2, false);
      c.stroke([[x - rx - 4, y + 2.5], [x - rx / 2, y + 2.5 + bow * 0.75], [x, y + 2.5 + bow], [x + rx / 2, y + 2.5 + bow * 0.75], [x + rx + 4, y + 2.5]], fade(P.lilac, 0.7), 1, false);
    }
    // The bullseye belt round the middle.
    c.fill(rectPts(x - rx - 4, lensY - 12, rx * 2 + 8, 24), mix(P.cream, P.fog, 0.3));
    for (let k = -4; k <= 4; k++) c.line(x + k * 12, lensY - 12, x + k * 12, lensY + 12, fade(P.lilac, 0.6), 1);
    c.line(x - rx - 4, lensY - 12, x + rx + 4, lensY - 12, fade(P.gold, 0.9), 1.6);
    c.line(x - rx - 4, lensY + 12, x + rx + 4, lensY + 12, fade(P.gold, 0.9), 1.6);
    c.fill(rectPts(x - rx - 4, lensY - ry, 22, ry * 2), fade(P.cream, 0.25));
    c.fill(rectPts(x + rx - 24, lensY - ry, 30, ry * 2), fade(P.plum, 0.18));
  });
  for (const dx of [-rx * 0.55, 0, rx * 0.55]) c.line(x + dx, lensY - ry * 0.92, x + dx * 1.05, lensY + ry, fade(P.gold, 0.9), 2.2);
  c.shape(smooth([[x - rx * 0.7, lensY - ry * 0.85], [x, lensY - ry * 1.25], [x + rx * 0.7, lensY - ry * 0.85]], true, 4), P.gold, { w: 1.6 });
  c.circle(x, lensY - ry * 1.2, 5, P.gold, { w: 1.4 });
  // The burner inside (dark until lit: the flame is a sprite).
  c.rect(x - 7, lensY - 6, 14, 14, fade(P.plum, 0.45), { outline: fade(P.ink, 0.5), w: 1 });
  c.fill(rectPts(0, 300, 640, 60), vgradient([[300, fade(P.plum, 0)], [360, fade(P.plum, 0.25)]]));
  return c;
}

function rgb(color) {
  const h = color.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}
