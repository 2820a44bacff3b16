// Shared pieces of scenery: the dawn sky, the sea, soft fog, rocks, planks and
// stonework, so the four rooms are painted with the same hand.

import { INK, ellipsePts, fade, mix, rectPts, smooth, vgradient } from '../lib/raster.js';
import { P } from '../lib/palette.js';
import { rng } from '../lib/rng.js';

/** The dawn sky from y0 to the horizon, with a pale sun low behind the fog. */
export function sky(c, x, y0, w, horizon, sunX, sunY) {
  c.fill(rectPts(x, y0, w, horizon - y0), vgradient([[y0, mix(P.lilac, P.plum, 0.2)], [y0 + (horizon - y0) * 0.45, P.rose], [horizon, P.peach]]));
  if (sunX !== undefined) {
    for (let i = 6; i >= 1; i--) c.fill(ellipsePts(sunX, sunY, 14 + i * 9, 14 + i * 9), fade(P.cream, 0.07));
    c.fill(ellipsePts(sunX, sunY, 15, 15), mix(P.cream, P.peach, 0.3));
  }
}

/** A soft horizontal band of fog centred on y, `h` tall, of strength a. */
export function fogBand(c, x, w, y, h, a, seed = 1) {
  const r = rng(seed);
  const phase = r() * 10;
  const col = P.fog;
  c.fill(rectPts(x, y - h, w, h * 2), (px, py) => {
    const t = (py - y) / h;
    const wave = 0.75 + 0.25 * Math.sin(px / 37 + phase) * Math.sin(px / 91 + phase * 2);
    const k = Math.max(0, 1 - t * t) * a * wave;
    return [...hex(col), k];
  });
}

/** The sea from the horizon down to y1, darkening towards the shore, with light streaks. */
export function sea(c, x, w, horizon, y1, seed = 2) {
  c.fill(rectPts(x, horizon, w, y1 - horizon), vgradient([[horizon, mix(P.teal, P.fog, 0.45)], [horizon + 30, P.teal], [y1, mix(P.teal, P.navy, 0.45)]]));
  const r = rng(seed);
  for (let i = 0; i < w / 9; i++) {
    const sy = horizon + 4 + r() * (y1 - horizon - 6);
    const sx = x + r() * w;
    const len = 6 + r() * 22 * (sy - horizon) / (y1 - horizon + 1) + 4;
    c.line(sx, sy, sx + len, sy, fade(P.fog, 0.35 + r() * 0.3), 1 + (sy - horizon) / 60);
  }
}

/** A lumpy rock. */
export function rock(c, cx, cy, rx, ry, seed, color = P.stone) {
  const r = rng(seed);
  const pts = [];
  const n = 7;
  for (let i = 0; i < n; i++) {
    const a = Math.PI + (Math.PI * i) / (n - 1);
    const k = 0.8 + r() * 0.3;
    pts.push([cx + Math.cos(a) * rx * k, cy + Math.sin(a) * ry * k]);
  }
  pts.push([cx + rx * 0.9, cy + ry * 0.15], [cx - rx * 0.9, cy + ry * 0.15]);
  const shape = smooth(pts, true, 5);
  c.shape(shape, color, { w: 1.5 });
  c.clip(shape, () => {
    c.fill(ellipsePts(cx + rx * 0.35, cy + ry * 0.1, rx * 0.8, ry * 0.7), fade(P.plum, 0.25));
    c.fill(ellipsePts(cx - rx * 0.35, cy - ry * 0.55, rx * 0.35, ry * 0.25), fade(P.fog, 0.4));
  });
}

/** Vertical planks between x0 and x1 in a box, with seams and a few knots. */
export function planks(c, x0, y0, x1, y1, width, color, seed = 3) {
  const r = rng(seed);
  c.fill(rectPts(x0, y0, x1 - x0, y1 - y0), color);
  for (let x = x0 + width; x < x1; x += width) c.line(x, y0, x, y1, mix(color, P.ink, 0.35), 1.2);
  for (let i = 0; i < (x1 - x0) / width; i++) {
    const kx = x0 + i * width + width * (0.3 + r() * 0.4);
    const ky = y0 + r() * (y1 - y0);
    c.fill(ellipsePts(kx, ky, 1.5, 2.5), mix(color, P.ink, 0.3));
  }
}

/** Floorboards: horizontal boards in perspective, between y0 and y1, converging on vanishX. */
export function floorboards(c, x0, y0, x1, y1, color, vanishX, seed = 4) {
  c.fill(rectPts(x0, y0, x1 - x0, y1 - y0), vgradient([[y0, mix(color, P.plum, 0.25)], [y1, color]]));
  for (let i = -14; i <= 14; i++) {
    const xb = vanishX + i * 56;
    const xt = vanishX + i * 30;
    c.line(xt, y0, xb, y1, mix(color, P.ink, 0.35), 1.1);
  }
  const r = rng(seed);
  for (let y = y0 + 12; y < y1; y += 10 + (y - y0) / 6) {
    for (let k = 0; k < 6; k++) {
      const x = x0 + r() * (x1 - x0);
      c.line(x, y, x + 14 + r() * 20, y, fade(P.ink, 0.15), 1);
    }
  }
}

/** Stone blocks in courses between y0 and y1. */
export function stonework(c, x0, y0, x1, y1, color, seed = 5, course = 22) {
  const r = rng(seed);
  c.fill(rectPts(x0, y0, x1 - x0, y1 - y0), color);
  let row = 0;
  for (let y = y0; y < y1; y += course, row++) {
    c.line(x0, y, x1, y, mix(color, P.ink, 0.4), 1.2);
    let x = x0 - (row % 2) * 20 - r() * 10;
    while (x < x1) {
      const w = 30 + r() * 26;
      c.line(x + w, y, x + w, Math.min(y1, y + course), mix(color, P.ink, 0.4), 1.2);
      c.fill(rectPts(x + 3, y + 3, w - 6, 4), fade(P.fog, 0.12 + r() * 0.1));
      x += w;
    }
  }
}

/** A stroke helper for outlined lines: ink underneath, colour on top. */
export function inkLine(c, pts, color, w) {
  c.stroke(pts, INK, w + 2.4, false);
  c.stroke(pts, color, w, false);
}

function hex(color) {
  const h = color.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}
