// A tiny vector rasteriser for the game's art: filled polygons (non-zero
// winding), strokes with round joins, clipping, all drawn at a supersampled
// resolution and averaged down, so edges come out smooth. Coordinates are in
// output pixels (floats); points are [x, y] pairs. Deterministic: no clock,
// no Math.random (use rng.js).

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodePng } from './png.js';

/** '#rrggbb', '#rrggbbaa' or [r, g, b, a?] (a in 0..1) → [r, g, b, a] with r, g, b in 0..255. */
export function rgba(color, alpha = 1) {
  if (Array.isArray(color)) return [color[0], color[1], color[2], (color[3] ?? 1) * alpha];
  const h = color.replace('#', '');
  const n = (i) => parseInt(h.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), (h.length === 8 ? n(6) / 255 : 1) * alpha];
}

/** A colour between a and b (t = 0: a, t = 1: b), as an [r, g, b, a] array. */
export function mix(a, b, t) {
  const p = rgba(a);
  const q = rgba(b);
  return p.map((v, i) => v + (q[i] - v) * t);
}

/** A colour with its alpha multiplied by `alpha`. */
export function fade(color, alpha) {
  return rgba(color, alpha);
}

/** A vertical gradient paint through colour stops [[y, colour], …] (y in output pixels). */
export function vgradient(stops) {
  const s = stops.map(([y, c]) => [y, rgba(c)]);
  return (_x, y) => {
    if (y <= s[0][0]) return s[0][1];
    for (let i = 1; i < s.length; i++) {
      if (y <= s[i][0]) {
        const t = (y - s[i - 1][0]) / (s[i][0] - s[i - 1][0]);
        return s[i - 1][1].map((v, k) => v + (s[i][1][k] - v) * t);
      }
    }
    return s[s.length - 1][1];
  };
}

/** A radial glow paint: `inner` at the centre fading to transparent at radius r. */
export function glow(cx, cy, r, inner) {
  const c = rgba(inner);
  return (x, y) => {
    const d = Math.hypot(x - cx, y - cy) / r;
    const t = Math.max(0, 1 - d);
    return [c[0], c[1], c[2], c[3] * t * t];
  };
}

// ─── Shapes as point lists ──────────────────────────────────────────────────

/** An ellipse as a polygon. */
export function ellipsePts(cx, cy, rx, ry, n = 0, start = 0, end = Math.PI * 2) {
  const steps = n || Math.max(12, Math.ceil(Math.sqrt(Math.max(rx, ry)) * 8));
  const full = Math.abs(end - start - Math.PI * 2) < 1e-9;
  const pts = [];
  const count = full ? steps : steps + 1;
  for (let i = 0; i < count; i++) {
    const a = start + ((end - start) * i) / steps;
    pts.push([cx + Math.cos(a) * rx, cy + Math.sin(a) * ry]);
  }
  return pts;
}

export function rectPts(x, y, w, h) {
  return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
}

/** A rectangle with rounded corners of radius r. */
export function roundRectPts(x, y, w, h, r) {
  r = Math.min(r, w / 2, h / 2);
  const pts = [];
  const corner = (cx, cy, a0) => {
    for (let i = 0; i <= 6; i++) {
      const a = a0 + (Math.PI / 2) * (i / 6);
      pts.push([cx + Math.cos(a) * r, cy + Math.sin(a) * r]);
    }
  };
  corner(x + w - r, y + r, -Math.PI / 2);
  corner(x + w - r, y + h - r, 0);
  corner(x + r, y + h - r, Math.PI / 2);
  corner(x + r, y + r, Math.PI);
  return pts;
}

/** A smooth closed (or open) curve through the points (Catmull-Rom). */
export function smooth(pts, closed = true, steps = 8) {
  const out = [];
  const n = pts.length;
  const at = (i) => (closed ? pts[(i + n) % n] : pts[Math.max(0, Math.min(n - 1, i))]);
  const segments = closed ? n : n - 1;
  for (let i = 0; i < segments; i++) {
    const p0 = at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = at(i + 2);
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a, b, c, d) => 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  if (!closed) out.push(pts[n - 1]);
  return out;
}

/** A quadratic Bézier from a through control c to b, as points (a excluded). */
export function quad(a, c, b, steps = 10) {
  const out = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push([u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]);
  }
  return out;
}

/** Points moved by (dx, dy), scaled about the origin by s, rotated by a (radians) about (ox, oy). */
export function transform(pts, { dx = 0, dy = 0, s = 1, sx = s, sy = s, rot = 0, ox = 0, oy = 0, flip = false } = {}) {
  const c = Math.cos(rot);
  const si = Math.sin(rot);
  return pts.map(([x, y]) => {
    let px = (x - ox) * sx * (flip ? -1 : 1);
    let py = (y - oy) * sy;
    const rx = px * c - py * si;
    const ry = px * si + py * c;
    return [rx + ox + dx, ry + oy + dy];
  });
}

function signedArea(pts) {
  let a = 0;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) a += (pts[j][0] - pts[i][0]) * (pts[j][1] + pts[i][1]);
  return a;
}

function positive(pts) {
  return signedArea(pts) < 0 ? pts.slice().reverse() : pts;
}

/** The outline of a polyline of width w as polygons whose union is the stroke (round joins and caps). */
export function strokePolys(pts, w, closed) {
  const r = w / 2;
  const polys = [];
  const count = closed ? pts.length : pts.length - 1;
  for (let i = 0; i < count; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % pts.length];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    if (len < 1e-9) continue;
    const nx = (-dy / len) * r;
    const ny = (dx / len) * r;
    polys.push(positive([[a[0] + nx, a[1] + ny], [b[0] + nx, b[1] + ny], [b[0] - nx, b[1] - ny], [a[0] - nx, a[1] - ny]]));
  }
  const n = Math.max(8, Math.ceil(r * 6));
  for (const p of pts) polys.push(positive(ellipsePts(p[0], p[1], r, r, n)));
  return polys;
}

// ─── The canvas ─────────────────────────────────────────────────────────────

export class Canvas {
  /** A transparent canvas of width × height output pixels, drawn at `ss`× resolution. */
  constructor(width, height, { ss = 4 } = {}) {
    this.width = width;
    this.height = height;
    this.ss = ss;
    this.W = width * ss;
    this.H = height * ss;
    this.px = new Float32Array(this.W * this.H * 4); // premultiplied, 0..1
    this.mask = null;
  }

  /** Fills polygons (a list of point lists, or one point list) with a colour or a paint function (x, y) → rgba. */
  fill(polys, paint) {
    if (polys.length === 0) return this;
    if (typeof polys[0][0] === 'number') polys = [polys];
    const ss = this.ss;
    const edges = [];
    let minY = Infinity;
    let maxY = -Infinity;
    for (const poly of polys) {
      for (let i = 0; i < poly.length; i++) {
        const a = poly[i];
        const b = poly[(i + 1) % poly.length];
        const y0 = a[1] * ss;
        const y1 = b[1] * ss;
        if (y0 === y1) continue;
        const x0 = a[0] * ss;
        const x1 = b[0] * ss;
        const top = y0 < y1 ? [x0, y0] : [x1, y1];
        edges.push({ ymin: Math.min(y0, y1), ymax: Math.max(y0, y1), x: top[0], y: top[1], k: (x1 - x0) / (y1 - y0), dir: y1 > y0 ? 1 : -1 });
        minY = Math.min(minY, y0, y1);
        maxY = Math.max(maxY, y0, y1);
      }
    }
    if (edges.length === 0) return this;
    edges.sort((p, q) => p.ymin - q.ymin);
    const solid = typeof paint === 'function' ? null : premultiply(rgba(paint));
    const rowStart = Math.max(0, Math.floor(minY));
    const rowEnd = Math.min(this.H - 1, Math.ceil(maxY));
    const active = [];
    let next = 0;
    const xs = [];
    for (let row = rowStart; row <= rowEnd; row++) {
      const sy = row + 0.5;
      while (next < edges.length && edges[next].ymin <= sy) active.push(edges[next++]);
      xs.length = 0;
      for (let i = active.length - 1; i >= 0; i--) {
        const e = active[i];
        if (e.ymax <= sy) {
          active.splice(i, 1);
          continue;
        }
        if (e.ymin > sy) continue;
        xs.push([e.x + (sy - e.y) * e.k, e.dir]);
      }
      if (xs.length < 2) continue;
      xs.sort((p, q) => p[0] - q[0]);
      let wind = 0;
      for (let i = 0; i < xs.length - 1; i++) {
        wind += xs[i][1];
        if (wind === 0) continue;
        const from = Math.max(0, Math.ceil(xs[i][0] - 0.5));
        const to = Math.min(this.W, Math.ceil(xs[i + 1][0] - 0.5));
        this.span(row, from, to, solid, paint);
      }
    }
    return this;
  }

  span(row, from, to, solid, paint) {
    const px = this.px;
    const mask = this.mask;
    const ss = this.ss;
    for (let x = from; x < to; x++) {
      const i = row * this.W + x;
      if (mask !== null && mask[i] === 0) continue;
      const c = solid ?? premultiply(paint((x + 0.5) / ss, (row + 0.5) / ss));
      const a = c[3];
      if (a <= 0) continue;
      const k = i * 4;
      const inv = 1 - a;
      px[k] = c[0] + px[k] * inv;
      px[k + 1] = c[1] + px[k + 1] * inv;
      px[k + 2] = c[2] + px[k + 2] * inv;
      px[k + 3] = a + px[k + 3] * inv;
    }
  }

  /** Strokes a polyline (closed or open) with round joins. */
  stroke(pts, color, w = 1.5, closed = true) {
    return this.fill(strokePolys(pts, w, closed), color);
  }

  /** Fills a polygon, then outlines it (outline null: none). */
  shape(pts, fill, { outline = INK, w = 1.5 } = {}) {
    if (fill !== null) this.fill(pts, fill);
    if (outline !== null && w > 0) this.stroke(pts, outline, w, true);
    return this;
  }

  ellipse(cx, cy, rx, ry, fill, opts) {
    return this.shape(ellipsePts(cx, cy, rx, ry), fill, opts);
  }

  circle(cx, cy, r, fill, opts) {
    return this.ellipse(cx, cy, r, r, fill, opts);
  }

  rect(x, y, w, h, fill, opts) {
    return this.shape(rectPts(x, y, w, h), fill, opts);
  }

  rrect(x, y, w, h, r, fill, opts) {
    return this.shape(roundRectPts(x, y, w, h, r), fill, opts);
  }

  /** A line with round caps. */
  line(x1, y1, x2, y2, color, w = 1.5) {
    return this.stroke([[x1, y1], [x2, y2]], color, w, false);
  }

  /** Draws with `fn` only inside the polygons (clips nest by intersection). */
  clip(polys, fn) {
    const outer = this.mask;
    const mask = new Uint8Array(this.W * this.H);
    const saved = this.px;
    // Rasterise the clip shape into a scratch buffer's alpha, then keep it as a mask.
    this.px = new Float32Array(this.W * this.H * 4);
    this.mask = null;
    this.fill(polys, '#ffffff');
    for (let i = 0; i < mask.length; i++) mask[i] = this.px[i * 4 + 3] > 0 && (outer === null || outer[i] !== 0) ? 1 : 0;
    this.px = saved;
    this.mask = mask;
    try {
      fn(this);
    } finally {
      this.mask = outer;
    }
    return this;
  }

  /** Draws another canvas onto this one at (x, y) (same ss). */
  draw(other, x = 0, y = 0) {
    const ss = this.ss;
    const ox = Math.round(x * ss);
    const oy = Math.round(y * ss);
    for (let row = 0; row < other.H; row++) {
      const ty = row + oy;
      if (ty < 0 || ty >= this.H) continue;
      for (let col = 0; col < other.W; col++) {
        const tx = col + ox;
        if (tx < 0 || tx >= this.W) continue;
        const s = (row * other.W + col) * 4;
        const a = other.px[s + 3];
        if (a <= 0) continue;
        const d = (ty * this.W + tx) * 4;
        const inv = 1 - a;
        for (let k = 0; k < 4; k++) this.px[d + k] = other.px[s + k] + this.px[d + k] * inv;
      }
    }
    return this;
  }

  /** The pixels at output size, 8-bit RGBA, not premultiplied. */
  toRGBA() {
    const { width, height, ss, W } = this;
    const out = new Uint8Array(width * height * 4);
    const n = ss * ss;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let r = 0, g = 0, b = 0, a = 0;
        for (let sy = 0; sy < ss; sy++) {
          let k = ((y * ss + sy) * W + x * ss) * 4;
          for (let sx = 0; sx < ss; sx++, k += 4) {
            r += this.px[k];
            g += this.px[k + 1];
            b += this.px[k + 2];
            a += this.px[k + 3];
          }
        }
        const o = (y * width + x) * 4;
        if (a <= 0) continue;
        out[o] = Math.round(Math.min(255, (r / a) * 255));
        out[o + 1] = Math.round(Math.min(255, (g / a) * 255));
        out[o + 2] = Math.round(Math.min(255, (b / a) * 255));
        out[o + 3] = Math.round(Math.min(255, (a / n) * 255));
      }
    }
    return out;
  }

  /** Writes the canvas as a PNG file; returns its size in bytes. */
  save(path) {
    const png = encodePng(this.width, this.height, this.toRGBA());
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
    return png.length;
  }
}

/** The outline colour of every drawing. */
export const INK = '#241c2c';

function premultiply([r, g, b, a]) {
  return [(r / 255) * a, (g / 255) * a, (b / 255) * a, a];
}
