// The cast, drawn frame by frame into sprite sheets (one row of frames each):
// Wren the apprentice, Barnaby the fisherman, Gran Mags in her armchair and
// Gulliver the gull. People are drawn side-on facing right (the runtime flips
// them to face left), with walk cycles from a little leg model: a thigh and a
// shin per leg, swinging on a phase, the body riding on the lower foot.

import { Canvas, INK, ellipsePts, fade, mix, rectPts, smooth } from '../lib/raster.js';
import { P } from '../lib/palette.js';

const TAU = Math.PI * 2;

function limb(c, pts, color, w) {
  c.stroke(pts, INK, w + 2.6, false);
  c.stroke(pts, color, w, false);
}

function at(p, len, angle) {
  return [p[0] + Math.sin(angle) * len, p[1] + Math.cos(angle) * len];
}

/** The pose of frame i of a walk cycle of n frames (or the standing pose). */
export function walkPose(i, n) {
  const p = (TAU * i) / n;
  const leg = (q) => {
    const thigh = 0.42 * Math.sin(q);
    const bend = 0.95 * Math.max(0, Math.cos(q));
    return { thigh, shin: thigh - bend };
  };
  return { near: leg(p), far: leg(p + Math.PI), nearArm: -0.5 * Math.sin(p), farArm: 0.5 * Math.sin(p), lean: 0.04 };
}

export const STAND = { near: { thigh: 0.06, shin: 0.04 }, far: { thigh: -0.06, shin: -0.06 }, nearArm: 0.08, farArm: -0.05, lean: 0 };

/**
 * Draws a standing or walking person with feet on y = ground, centred on x.
 * spec: sizes and colours and hooks for hat, hair and face; pose: legs and
 * arms (walkPose/STAND), plus mouth (0 shut, 1 open, 2 wide), blink, and
 * reach (the near arm stretched forward and down) or wave (raised).
 */
export function person(c, x, ground, spec, pose) {
  const k = spec.k ?? 1;
  const L1 = 16 * k;
  const L2 = 16 * k;
  const boot = 3 * k;
  const legPts = (l, hip) => {
    const knee = at(hip, L1, l.thigh);
    const ankle = at(knee, L2, l.shin);
    return [hip, knee, ankle];
  };
  const drop = (l) => Math.cos(l.thigh) * L1 + Math.cos(l.shin) * L2;
  const hipY = ground - boot - Math.max(drop(pose.near), drop(pose.far));
  const hx = x;
  const hipNear = [hx + 1.5 * k, hipY];
  const hipFar = [hx - 1.5 * k, hipY];
  const shoulderY = hipY - 27 * k;
  const lean = (pose.lean ?? 0) + (pose.reach ? 0.18 : 0);
  const sx = hx + Math.sin(lean) * 27 * k;
  const head = { x: sx + 1 * k, y: shoulderY - 11 * k, r: 12 * k };

  const drawLeg = (pts, shade) => {
    limb(c, pts, shade ? mix(spec.legs, P.ink, 0.25) : spec.legs, 5.5 * k);
    const a = pts[2];
    const bootPts = smooth([[a[0] - 3.5 * k, a[1] - 2.5 * k], [a[0] + 3 * k, a[1] - 3 * k], [a[0] + 7.5 * k, a[1] + 0.5 * k], [a[0] + 7 * k, a[1] + boot], [a[0] - 4 * k, a[1] + boot]], true, 4);
    c.shape(bootPts, shade ? mix(spec.boots, P.ink, 0.25) : spec.boots, { w: 1.4 });
  };
  const armPts = (angle, shoulder) => {
    if (angle === 'reach') {
      const elbow = at(shoulder, 11 * k, 0.75);
      return [shoulder, elbow, at(elbow, 11 * k, 0.55)];
    }
    if (angle === 'wave1' || angle === 'wave2') {
      const elbow = at(shoulder, 11 * k, 1.9);
      return [shoulder, elbow, at(elbow, 11 * k, angle === 'wave1' ? 2.55 : 3.15)];
    }
    const elbow = at(shoulder, 11 * k, angle);
    return [shoulder, elbow, at(elbow, 11 * k, angle + 0.35)];
  };
  const drawArm = (pts, shade) => {
    limb(c, pts, shade ? mix(spec.coat, P.ink, 0.3) : spec.coat, 6 * k);
    c.circle(pts[2][0], pts[2][1] + 1 * k, 2.9 * k, spec.skin, { w: 1.3 });
  };

  // Far side first, then the near side over the body.
  drawArm(armPts(pose.farArm, [sx - 3 * k, shoulderY + 3 * k]), true);
  drawLeg(legPts(pose.far, hipFar), true);
  drawLeg(legPts(pose.near, hipNear), false);
  spec.torso(c, { hx, hipY, sx, shoulderY, k });
  spec.behindHead?.(c, head, k);
  c.circle(head.x, head.y, head.r, spec.skin, { w: 1.6 });
  spec.hair?.(c, head, k);
  // Face, looking right.
  const ex = head.x + 6 * k;
  const ey = head.y - 1 * k;
  if (pose.blink) c.line(ex - 1.8 * k, ey + 0.4 * k, ex + 1.8 * k, ey + 0.4 * k, INK, 1.3);
  else c.ellipse(ex, ey, 1.5 * k, 2.1 * k, INK, { outline: null });
  c.fill(ellipsePts(head.x + 3 * k, head.y + 4.5 * k, 2.8 * k, 2 * k), fade(P.rose, 0.65));
  spec.face?.(c, head, k, pose);
  if (!spec.beardHidesMouth) {
    const mx = head.x + 7.5 * k;
    const my = head.y + 7.2 * k;
    if (!pose.mouth) c.line(mx - 2 * k, my, mx + 1.6 * k, my - 0.5 * k, INK, 1.2);
    else c.ellipse(mx, my, 1.8 * k, (pose.mouth === 2 ? 2.8 : 2) * k, P.plum, { w: 1.1 });
  }
  c.circle(head.x + 12 * k, head.y + 2 * k, 2.3 * k, spec.nose ?? spec.skin, { w: 1.2 });
  spec.hat?.(c, head, k);
  drawArm(armPts(pose.reach ? 'reach' : pose.wave ? `wave${pose.wave}` : pose.nearArm, [sx + 2 * k, shoulderY + 3 * k]), false);
}

// ─── Wren: apprentice keeper, yellow oilskin, red woolly hat ────────────────

const WREN = {
  k: 1,
  legs: P.navy,
  boots: P.bark,
  coat: P.gold,
  skin: P.skin,
  torso(c, { hx, hipY, sx, shoulderY }) {
    const coat = smooth([[sx - 8, shoulderY + 1], [sx + 7, shoulderY], [hx + 10, hipY + 5], [hx + 1, hipY + 8], [hx - 10, hipY + 6]], true, 5);
    c.shape(coat, P.gold, { w: 1.6 });
    c.line(sx + 5, shoulderY + 4, hx + 7.5, hipY + 4, mix(P.gold, P.brown, 0.5), 1.2);
    for (const t of [0.25, 0.55, 0.85]) c.circle(sx + 5 + (hx + 7.5 - sx - 5) * t + 1.6, shoulderY + 4 + (hipY - shoulderY) * t, 1, P.bark, { outline: null });
    c.shape(smooth([[sx - 6, shoulderY - 1], [sx + 6, shoulderY - 2], [sx + 4, shoulderY + 4], [sx - 5, shoulderY + 4]], true, 3), mix(P.gold, P.brown, 0.3), { w: 1.3 });
  },
  hair(c, h) {
    c.shape(smooth([[h.x - 12.5, h.y - 3], [h.x - 4, h.y - 8], [h.x - 6, h.y + 2], [h.x - 9, h.y + 10], [h.x - 13, h.y + 6]], true, 4), P.bark, { w: 1.3 });
  },
  hat(c, h) {
    const top = [];
    for (let i = 0; i <= 16; i++) {
      const a = Math.PI + (Math.PI * i) / 16;
      top.push([h.x + Math.cos(a) * 13.2, h.y - 6 + Math.sin(a) * 12]);
    }
    c.shape(top, P.red, { w: 1.6 });
    c.rrect(h.x - 13.8, h.y - 9.5, 27.6, 6, 2.5, mix(P.red, P.ink, 0.2), { w: 1.4 });
    for (let i = 0; i < 6; i++) c.line(h.x - 10 + i * 4, h.y - 8.5, h.x - 10 + i * 4, h.y - 4.5, mix(P.red, P.ink, 0.4), 0.8);
    c.circle(h.x - 4, h.y - 19, 4.2, P.cream, { w: 1.4 });
  },
};

// ─── Barnaby: fisherman, flat cap, great beard, teal dungarees ──────────────

const BARNABY = {
  k: 1.12,
  legs: P.teal,
  boots: P.gold,
  coat: P.navy,
  skin: P.skin,
  nose: mix(P.skin, P.red, 0.45),
  beardHidesMouth: true,
  torso(c, { hx, hipY, sx, shoulderY, k }) {
    const body = smooth([[sx - 10 * k, shoulderY + 1], [sx + 8 * k, shoulderY], [hx + 15 * k, hipY - 10 * k], [hx + 12 * k, hipY + 5], [hx - 11 * k, hipY + 5]], true, 5);
    c.shape(body, P.navy, { w: 1.7 });
    // Dungarees' bib and a strap.
    c.shape(smooth([[hx - 2 * k, hipY - 16 * k], [hx + 10 * k, hipY - 17 * k], [hx + 14 * k, hipY - 6 * k], [hx + 12 * k, hipY + 6], [hx - 10 * k, hipY + 6], [hx - 10 * k, hipY - 6 * k]], true, 4), P.teal, { w: 1.5 });
    c.line(hx + 2 * k, hipY - 16 * k, sx - 2 * k, shoulderY + 1, mix(P.teal, P.ink, 0.2), 2.4);
    c.circle(hx + 2 * k, hipY - 14 * k, 1.4 * k, P.gold, { w: 0.9 });
    // Cable knit.
    for (let i = 0; i < 3; i++) c.line(sx - 6 * k + i * 4 * k, shoulderY + 3, sx - 7 * k + i * 4 * k, shoulderY + 9 * k, mix(P.navy, P.lilac, 0.35), 1);
  },
  hair(c, h, k) {
    c.shape(smooth([[h.x - 12 * k, h.y - 2 * k], [h.x - 6 * k, h.y - 6 * k], [h.x - 6 * k, h.y + 4 * k], [h.x - 11 * k, h.y + 6 * k]], true, 3), P.fog, { w: 1.2 });
  },
  face(c, h, k, pose) {
    // The beard, and a mouth that shows through it when he talks.
    const beard = smooth([[h.x - 3 * k, h.y + 1 * k], [h.x + 4 * k, h.y + 4 * k], [h.x + 13 * k, h.y + 4 * k], [h.x + 13 * k, h.y + 12 * k], [h.x + 5 * k, h.y + 20 * k], [h.x - 5 * k, h.y + 11 * k]], true, 5);
    c.shape(beard, P.cream, { w: 1.5 });
    c.line(h.x + 1 * k, h.y + 9 * k, h.x + 5 * k, h.y + 15 * k, P.fog, 1.2);
    c.line(h.x + 6 * k, h.y + 8 * k, h.x + 8 * k, h.y + 15 * k, P.fog, 1.2);
    c.shape(smooth([[h.x + 5 * k, h.y + 3.5 * k], [h.x + 13.5 * k, h.y + 2.5 * k], [h.x + 11 * k, h.y + 6.5 * k], [h.x + 6 * k, h.y + 6 * k]], true, 3), P.fog, { w: 1.1 });
    if (pose.mouth) c.ellipse(h.x + 9 * k, h.y + 9 * k, 2.2 * k, (pose.mouth === 2 ? 2.8 : 1.9) * k, P.plum, { w: 1 });
  },
  hat(c, h, k) {
    c.shape(smooth([[h.x - 13 * k, h.y - 6 * k], [h.x - 8 * k, h.y - 15 * k], [h.x + 6 * k, h.y - 15 * k], [h.x + 17 * k, h.y - 8 * k], [h.x + 16 * k, h.y - 5 * k], [h.x - 12 * k, h.y - 4 * k]], true, 4), P.brown, { w: 1.6 });
    c.line(h.x - 10 * k, h.y - 7 * k, h.x + 14 * k, h.y - 7 * k, P.bark, 1.1);
  },
};

/** Wren's sheet: 0 idle, 1–6 walk, 7–8 talk, 9 blink, 10 reach. 56 × 100 frames. */
export function wrenSheet() {
  return sheet(56, 100, 11, (c, i, x0) => {
    const cx = x0 + 26;
    const g = 97;
    if (i >= 1 && i <= 6) return person(c, cx, g, WREN, walkPose(i - 1, 6));
    if (i === 7) return person(c, cx, g, WREN, { ...STAND, mouth: 1 });
    if (i === 8) return person(c, cx, g, WREN, { ...STAND, mouth: 2, nearArm: 0.9 });
    if (i === 9) return person(c, cx, g, WREN, { ...STAND, blink: true });
    if (i === 10) return person(c, cx, g, WREN, { ...STAND, reach: true });
    return person(c, cx, g, WREN, STAND);
  });
}

/** Barnaby's sheet: 0 idle, 1 blink, 2–3 talk, 4–9 walk, 10–11 wave. 64 × 108 frames. */
export function barnabySheet() {
  return sheet(64, 108, 12, (c, i, x0) => {
    const cx = x0 + 28;
    const g = 105;
    if (i === 1) return person(c, cx, g, BARNABY, { ...STAND, blink: true });
    if (i === 2) return person(c, cx, g, BARNABY, { ...STAND, mouth: 1 });
    if (i === 3) return person(c, cx, g, BARNABY, { ...STAND, mouth: 2, nearArm: 0.7 });
    if (i >= 4 && i <= 9) return person(c, cx, g, BARNABY, walkPose(i - 4, 6));
    if (i === 10) return person(c, cx, g, BARNABY, { ...STAND, wave: 1, mouth: 2 });
    if (i === 11) return person(c, cx, g, BARNABY, { ...STAND, wave: 2, mouth: 1 });
    return person(c, cx, g, BARNABY, STAND);
  });
}

// ─── Gran Mags, seated, ankle up on a stool ─────────────────────────────────

function mags(c, x0, { mouth = 0, blink = false, specs = false, needles = 0 } = {}) {
  const base = 92; // seat height line
  const hx = x0 + 30;
  // Skirt over the lap and the leg stretched out to the stool.
  c.shape(smooth([[hx - 14, base - 30], [hx + 10, base - 34], [hx + 36, base - 30], [hx + 38, base - 20], [hx + 8, base - 16], [hx - 14, base - 14]], true, 5), P.plum, { w: 1.6 });
  c.shape(smooth([[hx + 34, base - 31], [hx + 46, base - 29], [hx + 47, base - 19], [hx + 36, base - 19]], true, 4), P.cream, { w: 1.4 });
  for (let i = 0; i < 3; i++) c.line(hx + 37 + i * 3, base - 30, hx + 36 + i * 3, base - 20, P.fog, 1);
  c.shape(smooth([[hx + 45, base - 30], [hx + 52, base - 31], [hx + 53, base - 20], [hx + 46, base - 19]], true, 3), P.bark, { w: 1.3 });
  // Body in a cardigan, a shawl over the shoulders.
  const sy = base - 58;
  c.shape(smooth([[hx - 12, sy + 2], [hx + 8, sy], [hx + 14, base - 34], [hx + 4, base - 28], [hx - 15, base - 30]], true, 5), P.red, { w: 1.6 });
  c.shape(smooth([[hx - 13, sy + 1], [hx + 9, sy - 1], [hx + 12, sy + 10], [hx, sy + 16], [hx - 14, sy + 12]], true, 5), P.lilac, { w: 1.4 });
  for (let i = 0; i < 4; i++) c.line(hx - 10 + i * 5, sy + 12 - (i % 2), hx - 11 + i * 5, sy + 17, P.lilac, 1.2);
  // Knitting in her lap: a red scarf and two needles that click.
  c.shape(smooth([[hx + 2, base - 36], [hx + 18, base - 39], [hx + 22, base - 31], [hx + 4, base - 29]], true, 4), mix(P.red, P.rose, 0.4), { w: 1.2 });
  const n = needles ? 1.5 : 0;
  c.line(hx + 4, base - 44 + n, hx + 24, base - 32 - n, P.stone, 1.4);
  c.line(hx + 8, base - 31 - n, hx + 26, base - 42 + n, P.stone, 1.4);
  c.circle(hx + 12, base - 37, 3, P.skin, { w: 1.2 });
  c.circle(hx + 19, base - 36, 3, P.skin, { w: 1.2 });
  // Head with a grey bun.
  const h = { x: hx + 1, y: sy - 10, r: 12 };
  c.circle(h.x - 11, h.y - 8, 6, P.fog, { w: 1.4 });
  c.circle(h.x, h.y, h.r, P.skin, { w: 1.6 });
  c.shape(smooth([[h.x - 12.5, h.y + 1], [h.x - 9, h.y - 10], [h.x + 2, h.y - 13.5], [h.x + 11, h.y - 7], [h.x + 4, h.y - 8], [h.x - 5, h.y - 4], [h.x - 9, h.y + 8]], true, 4), P.fog, { w: 1.4 });
  const ex = h.x + 6;
  const ey = h.y - 1;
  if (blink) c.line(ex - 1.8, ey + 0.5, ex + 1.8, ey + 0.5, INK, 1.3);
  else c.ellipse(ex, ey, 1.4, 1.9, INK, { outline: null });
  c.fill(ellipsePts(h.x + 3, h.y + 4.5, 2.8, 2), fade(P.rose, 0.7));
  c.line(h.x + 3, h.y + 2.5, h.x + 5, h.y + 3.2, mix(P.skin, P.ink, 0.35), 0.8);
  const mx = h.x + 7.5;
  const my = h.y + 7.5;
  if (!mouth) c.line(mx - 2, my, mx + 1.6, my - 0.6, INK, 1.2);
  else c.ellipse(mx, my, 1.8, mouth === 2 ? 2.6 : 1.8, P.plum, { w: 1.1 });
  c.circle(h.x + 12, h.y + 2, 2.2, P.skin, { w: 1.2 });
  if (specs) {
    c.circle(ex + 0.5, ey, 3.4, fade(P.fog, 0.35), { w: 1.3 });
    c.line(ex - 3, ey - 0.5, h.x - 4, h.y - 2, INK, 1.1);
  }
}

/** Mags's sheet: 0 idle, 1 blink, 2–3 talk, then the same with her new spectacles (4–7), 8 knitting. 84 × 96 frames. */
export function magsSheet() {
  return sheet(84, 96, 9, (c, i, x0) => {
    const specs = i >= 4 && i <= 7;
    const j = specs ? i - 4 : i;
    if (i === 8) return mags(c, x0, { needles: 1 });
    mags(c, x0, { specs, blink: j === 1, mouth: j === 2 ? 1 : j === 3 ? 2 : 0 });
  });
}

// ─── Gulliver the gull ──────────────────────────────────────────────────────

function gull(c, x0, { key = false, blink = false, beak = 0, wings = null, sardine = false } = {}) {
  const x = x0 + 26;
  const y = wings === null ? 40 : 47;
  // (Frames are 60 wide: room for the key held out in front of the beak.)
  if (wings === null) {
    // Legs, body, folded wing, tail.
    c.line(x - 1, y - 8, x - 2, y - 1, mix(P.rose, P.gold, 0.3), 1.8);
    c.line(x + 4, y - 8, x + 5, y - 1, mix(P.rose, P.gold, 0.3), 1.8);
    c.line(x - 5, y - 0.5, x + 1, y - 0.5, mix(P.rose, P.gold, 0.3), 1.8);
    c.line(x + 2, y - 0.5, x + 8, y - 0.5, mix(P.rose, P.gold, 0.3), 1.8);
  }
  const flap = wings ?? 0;
  const wingTip = (f, back) => [x - 4 - 10 * Math.cos(f) - back, y - 17 - 26 * Math.sin(f)];
  const wingElbow = (f, back) => [x - 1 - 4 * Math.cos(f) - back, y - 17 - 13 * Math.sin(f)];
  if (wings !== null) {
    // The far wing, behind the body.
    c.shape([[x - 5, y - 16], [x + 5, y - 17], wingElbow(wings, -4), wingTip(wings, -6), wingElbow(wings, 4)], mix(P.stone, P.ink, 0.3), { w: 1.3 });
  }
  c.shape(smooth([[x - 16, y - 14], [x - 6, y - 20], [x + 8, y - 20], [x + 12, y - 12], [x + 4, y - 7], [x - 8, y - 8]], true, 5), P.cream, { w: 1.6 });
  c.shape([[x - 15, y - 15], [x - 24, y - 17], [x - 22, y - 12], [x - 13, y - 11]], P.cream, { w: 1.3 });
  c.fill([[x - 24, y - 17], [x - 21, y - 16], [x - 20, y - 12], [x - 22, y - 12]], INK);
  if (wings === null) {
    c.shape(smooth([[x - 12, y - 17], [x + 3, y - 19], [x + 6, y - 14], [x - 4, y - 11], [x - 19, y - 13]], true, 4), P.stone, { w: 1.3 });
    c.line(x - 16, y - 13, x - 4, y - 12.5, mix(P.stone, P.ink, 0.4), 1);
  } else {
    const tip = wingTip(flap, 0);
    c.shape([[x - 7, y - 15], [x + 7, y - 16], wingElbow(flap, -6), tip, wingElbow(flap, 5)], P.stone, { w: 1.4 });
    c.fill(ellipsePts(tip[0], tip[1], 2.6, 2.6), INK);
  }
  // Head, eye, the beak (open when he squawks).
  c.circle(x + 9, y - 24, 7.5, P.cream, { w: 1.6 });
  const bx = x + 15;
  const by = y - 23;
  const open = beak * 3;
  c.shape([[bx, by - 2], [bx + 11, by - 1 - open * 0.3], [bx + 9, by + 1.5 - open * 0.3], [bx, by + 1]], P.gold, { w: 1.3 });
  c.shape([[bx, by + 1 + open * 0.2], [bx + 9, by + 2 + open], [bx + 1, by + 4 + open * 0.5]], P.gold, { w: 1.3 });
  c.circle(bx + 7, by + 1.6 + open * 0.6, 1.2, P.red, { outline: null });
  if (blink) c.line(x + 9, y - 26, x + 13, y - 26, INK, 1.3);
  else {
    c.circle(x + 11, y - 26, 1.9, P.cream, { w: 1 });
    c.circle(x + 11.6, y - 26, 1, INK, { outline: null });
  }
  c.line(x + 8, y - 29.5, x + 13.5, y - 28.5, INK, 1.3); // a scheming eyebrow
  if (key) {
    // The big iron key, held crosswise in the beak.
    const kx = bx + 5;
    const ky = by + 1;
    c.line(kx - 5, ky + 2, kx + 8, ky - 0.5, INK, 4);
    c.circle(kx + 10.5, ky - 1.5, 3.6, null, { w: 4 });
    c.rect(kx - 7, ky + 1.5, 3, 4.5, P.plum, { w: 1.2 });
    c.line(kx - 5, ky + 2, kx + 8, ky - 0.5, P.lilac, 1.6);
    c.circle(kx + 10.5, ky - 1.5, 3.6, null, { outline: P.lilac, w: 1.4 });
  }
  if (sardine) {
    c.shape(smooth([[bx + 6, by + 1], [bx + 9, by + 4], [bx + 8.5, by + 11], [bx + 6, by + 14], [bx + 4, by + 10], [bx + 4.5, by + 4]], true, 3), mix(P.stone, P.teal, 0.4), { w: 1.1 });
    c.shape([[bx + 6, by + 13], [bx + 9, by + 17], [bx + 3, by + 17]], mix(P.stone, P.teal, 0.4), { w: 1.1 });
    c.circle(bx + 6.8, by + 4, 0.9, INK, { outline: null });
  }
}

/** Gulliver's sheet: 0–1 with the key (idle, blink), 2–3 without, 4–5 squawk, 6–9 flying, 10 with a sardine. 60 × 48 frames. */
export function gullSheet() {
  return sheet(60, 48, 11, (c, i, x0) => {
    if (i === 0) return gull(c, x0, { key: true });
    if (i === 1) return gull(c, x0, { key: true, blink: true });
    if (i === 3) return gull(c, x0, { blink: true });
    if (i === 4) return gull(c, x0, { beak: 1 });
    if (i === 5) return gull(c, x0, { beak: 2 });
    if (i >= 6 && i <= 9) return gull(c, x0, { wings: [1.2, 0.45, -0.6, 0.45][i - 6] });
    if (i === 10) return gull(c, x0, { sardine: true });
    return gull(c, x0, {});
  });
}

// Frames side by side in one row; each is clipped to its own cell, so no
// drawing spills into its neighbour.
function sheet(fw, fh, frames, draw) {
  const c = new Canvas(fw * frames, fh, { ss: 4 });
  for (let i = 0; i < frames; i++) c.clip(rectPts(i * fw, 0, fw, fh), () => draw(c, i, i * fw));
  return c;
}
