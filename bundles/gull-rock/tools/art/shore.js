// The shore, 1280 pixels wide so the camera scrolls: Gran's cottage on the
// left, the signpost, the jetty with Barnaby's boat, the mooring post where
// Gulliver perches, the rock pool, and the lighthouse on its rocks at the
// right. The lighthouse door and everything that changes are sprites.

import { Canvas, INK, ellipsePts, fade, mix, rectPts, smooth, vgradient } from '../lib/raster.js';
import { P } from '../lib/palette.js';
import { rng } from '../lib/rng.js';
import { fogBand, rock, sea, sky } from './scenery.js';

export const SHORE = { horizon: 168, land: 262, pool: { x: 890, y: 322, rx: 66, ry: 17 }, post: { x: 668, top: 240 } };

export function shore() {
  const W = 1280;
  const c = new Canvas(W, 360, { ss: 3 });
  const { horizon } = SHORE;
  sky(c, 0, 0, W, horizon, 700, 128);
  // Far islands on the horizon.
  c.fill(smooth([[120, horizon], [160, horizon - 10], [230, horizon - 14], [300, horizon - 6], [330, horizon]], true, 4), fade(P.lilac, 0.75));
  c.fill(smooth([[860, horizon], [900, horizon - 8], [960, horizon - 9], [990, horizon]], true, 4), fade(P.lilac, 0.6));
  sea(c, 0, W, horizon, 272, 31);
  fogBand(c, 0, W, horizon - 4, 26, 0.85, 32);
  fogBand(c, 0, W, horizon - 40, 20, 0.4, 33);
  fogBand(c, 0, W, horizon + 30, 16, 0.35, 34);

  // Barnaby's boat, moored west of the jetty.
  const bx = 470, by = 222;
  c.fill(ellipsePts(bx + 20, by + 18, 70, 6), fade(P.navy, 0.4));
  c.shape(smooth([[bx - 46, by - 6], [bx + 78, by - 10], [bx + 66, by + 12], [bx + 30, by + 18], [bx - 36, by + 12]], true, 4), P.red, { w: 1.8 });
  c.clip(smooth([[bx - 46, by - 6], [bx + 78, by - 10], [bx + 66, by + 12], [bx + 30, by + 18], [bx - 36, by + 12]], true, 4), () => {
    c.fill(rectPts(bx - 50, by + 4, 140, 20), P.cream);
    c.line(bx - 50, by + 4, bx + 90, by + 4, INK, 1.4);
  });
  c.line(bx + 10, by - 8, bx + 12, by - 80, INK, 4);
  c.line(bx + 10, by - 8, bx + 12, by - 80, P.brown, 2);
  c.shape([[bx + 14, by - 76], [bx + 56, by - 16], [bx + 14, by - 14]], mix(P.cream, P.peach, 0.4), { w: 1.4 });
  c.fill(smooth([[bx - 40, by - 8], [bx - 20, by - 22], [bx - 6, by - 8]], true, 3), P.navy);
  // "DOLLY" on the bow, as five little marks.
  for (let i = 0; i < 5; i++) c.rect(bx + 40 + i * 5, by - 4, 3, 5, P.cream, { outline: null });
  c.line(bx + 60, by - 6, 560, 244, fade(P.bark, 0.9), 1.2); // mooring rope

  // The jetty into the sea.
  const jetty = [[548, 268], [572, 200], [612, 200], [646, 268]];
  c.shape(jetty, P.brown, { w: 1.8 });
  c.clip(jetty, () => {
    for (let y = 200; y < 270; y += 3 + (y - 200) / 10) c.line(500, y, 700, y, mix(P.brown, P.ink, 0.4), 1);
  });
  for (const [x, y, h] of [[572, 200, 16], [612, 200, 16], [560, 234, 22], [629, 234, 22]]) {
    c.rect(x - 3, y - 6, 6, h, P.bark, { w: 1.3 });
  }

  // Land: a grassy bank, then the sandy path.
  const land = smooth([[-10, 250], [120, 244], [300, 252], [460, 258], [540, 262], [700, 258], [860, 262], [1000, 254], [1290, 250], [1290, 370], [-10, 370]], true, 6);
  c.shape(land, mix(P.peach, P.cream, 0.25), { w: 1.8 });
  c.clip(land, () => {
    c.fill(rectPts(0, 240, W, 130), vgradient([[240, fade(P.moss, 0.0)], [262, fade(P.moss, 0.0)], [360, fade(P.plum, 0.18)]]));
    const r = rng(35);
    for (let i = 0; i < 600; i++) {
      const x = r() * W;
      const y = 262 + r() * 98;
      c.fill(ellipsePts(x, y, 1 + r(), 0.6 + r() * 0.4, 6), fade(r() < 0.5 ? P.brown : P.cream, 0.35));
    }
  });
  // Grass tufts along the bank and at the back of the path.
  const grass = smooth([[-10, 250], [120, 244], [300, 252], [460, 258], [540, 262], [546, 270], [480, 272], [300, 268], [120, 262], [-10, 266]], true, 5);
  c.shape(grass, P.moss, { w: 1.5 });
  const grass2 = smooth([[650, 262], [700, 258], [860, 262], [1000, 254], [1290, 250], [1290, 268], [1000, 268], [860, 274], [700, 272]], true, 5);
  c.shape(grass2, P.moss, { w: 1.5 });
  const gr = rng(36);
  for (let i = 0; i < 120; i++) {
    const x = gr() * W;
    if (x > 540 && x < 650) continue;
    const y = (x < 600 ? 262 : 266) + gr() * 6;
    c.line(x, y, x + (gr() - 0.5) * 6, y - 5 - gr() * 6, mix(P.moss, P.ink, 0.3), 1.1);
  }

  // Gran's cottage.
  const cx = 30;
  c.shape([[cx - 10, 120], [cx + 110, 60], [cx + 230, 120]], mix(P.lilac, P.plum, 0.5), { w: 2 });
  c.clip([[cx - 10, 120], [cx + 110, 60], [cx + 230, 120]], () => {
    for (let y = 66; y < 122; y += 8) c.line(cx - 20, y, cx + 240, y, fade(P.ink, 0.3), 1);
  });
  c.rect(cx + 150, 44, 22, 46, mix(P.cream, P.stone, 0.4), { w: 1.6 });
  c.rect(cx + 146, 40, 30, 8, mix(P.cream, P.stone, 0.6), { w: 1.4 });
  for (let i = 0; i < 4; i++) c.circle(cx + 160 + i * 10, 30 - i * 9, 7 + i * 2, fade(P.fog, 0.5 - i * 0.1), { outline: null });
  c.rect(cx, 120, 210, 166, P.cream, { w: 2 });
  c.fill(rectPts(cx, 120, 210, 14), fade(P.plum, 0.25));
  c.rect(cx + 24, 160, 52, 44, mix(P.peach, P.gold, 0.4), { w: 1.8 });
  c.line(cx + 50, 160, cx + 50, 204, INK, 1.6);
  c.line(cx + 24, 182, cx + 76, 182, INK, 1.6);
  c.rect(cx + 20, 204, 60, 6, P.brown, { w: 1.4 });
  // The door (click it to go in).
  c.rect(cx + 116, 200, 48, 86, mix(P.teal, P.navy, 0.3), { w: 1.8 });
  c.rect(cx + 124, 210, 32, 20, mix(P.peach, P.gold, 0.4), { w: 1.4 });
  c.circle(cx + 156, 246, 2.8, P.gold, { w: 1.1 });
  c.rect(cx + 110, 284, 60, 8, P.stone, { w: 1.4 });
  c.fill(rectPts(cx, 276, 210, 12), fade(P.moss, 0.6));
  // Water butt and a lobster pot by the wall.
  c.rrect(cx + 180, 246, 26, 40, 4, P.brown, { w: 1.6 });
  c.line(cx + 180, 258, cx + 206, 258, INK, 1.2);
  c.line(cx + 180, 274, cx + 206, 274, INK, 1.2);

  // The signpost.
  c.rect(326, 230, 6, 64, P.bark, { w: 1.4 });
  c.shape([[296, 232], [358, 232], [368, 242], [358, 252], [296, 252]], P.cream, { w: 1.6 });
  c.line(304, 242, 350, 242, fade(P.ink, 0.6), 2);
  c.shape([[300, 258], [360, 258], [360, 274], [300, 274], [290, 266]], P.cream, { w: 1.6 });
  c.line(304, 266, 352, 266, fade(P.ink, 0.6), 2);

  // Lobster pots by the mooring post.
  for (const [x, y] of [[724, 286], [760, 288], [742, 262]]) {
    c.shape(smooth([[x - 18, y], [x - 16, y - 20], [x, y - 26], [x + 16, y - 20], [x + 18, y]], true, 4), mix(P.brown, P.peach, 0.3), { w: 1.5 });
    c.clip(smooth([[x - 18, y], [x - 16, y - 20], [x, y - 26], [x + 16, y - 20], [x + 18, y]], true, 4), () => {
      for (let i = -3; i <= 3; i++) c.line(x + i * 6, y, x + i * 4, y - 30, fade(P.bark, 0.9), 1);
      for (let k = 1; k < 4; k++) c.line(x - 20, y - k * 7, x + 20, y - k * 7, fade(P.bark, 0.9), 1);
    });
  }
  // The mooring post Gulliver sits on, with rope.
  const post = SHORE.post;
  c.rect(post.x - 6, post.top, 12, 296 - post.top, P.bark, { w: 1.6 });
  c.fill(ellipsePts(post.x, post.top, 6, 2.5), mix(P.bark, P.fog, 0.4));
  for (let i = 0; i < 3; i++) c.line(post.x - 6, post.top + 20 + i * 4, post.x + 6, post.top + 22 + i * 4, P.peach, 1.6);
  c.fill(ellipsePts(post.x, 296, 16, 4), fade(P.ink, 0.25));
  // White streaks on the post: Gulliver's been here a while.
  c.line(post.x - 2, post.top + 2, post.x - 2, post.top + 12, P.cream, 1.6);
  c.line(post.x + 3, post.top + 3, post.x + 3, post.top + 8, P.cream, 1.4);

  // The rock pool (a blocked area in the walk map), in a ring of rocks.
  const pool = SHORE.pool;
  c.ellipse(pool.x, pool.y, pool.rx + 6, pool.ry + 5, P.stone, { w: 1.8 });
  c.ellipse(pool.x, pool.y + 1, pool.rx - 4, pool.ry - 2, mix(P.teal, P.navy, 0.3), { w: 1.4 });
  c.clip(ellipsePts(pool.x, pool.y + 1, pool.rx - 4, pool.ry - 2), () => {
    c.fill(ellipsePts(pool.x + 10, pool.y + 10, pool.rx, pool.ry), mix(P.teal, P.navy, 0.6));
    c.line(pool.x - 40, pool.y - 4, pool.x - 16, pool.y - 4, fade(P.fog, 0.6), 1.4);
    c.line(pool.x + 12, pool.y + 3, pool.x + 34, pool.y + 3, fade(P.fog, 0.5), 1.2);
    // Weed and the crab with opinions.
    for (const x of [pool.x - 50, pool.x - 44, pool.x + 46]) c.stroke(smooth([[x, pool.y + 14], [x + 3, pool.y + 4], [x - 2, pool.y - 4]], false, 4), P.moss, 1.6, false);
    c.ellipse(pool.x + 30, pool.y + 8, 6, 3.5, P.red, { w: 1.1 });
    c.line(pool.x + 24, pool.y + 6, pool.x + 20, pool.y + 3, P.red, 1.5);
    c.line(pool.x + 36, pool.y + 6, pool.x + 40, pool.y + 3, P.red, 1.5);
  });
  for (const [dx, dy, rx, ry, s] of [[-70, -2, 14, 10, 41], [-58, 12, 12, 8, 42], [70, 2, 16, 11, 43], [58, 14, 12, 8, 44], [-20, -18, 12, 6, 45], [30, -17, 14, 7, 46]]) rock(c, pool.x + dx, pool.y + dy, rx, ry, s);

  // The lighthouse on its rocks.
  const lx = 1130;
  rock(c, 1065, 290, 40, 26, 51);
  rock(c, 1205, 292, 46, 28, 52);
  rock(c, 1240, 262, 40, 30, 53, mix(P.stone, P.lilac, 0.3));
  const tower = [[lx - 52, 292], [lx - 38, 46], [lx + 38, 46], [lx + 52, 292]];
  c.shape(tower, P.cream, { w: 2 });
  c.clip(tower, () => {
    for (const y of [80, 160, 240]) c.fill(rectPts(lx - 60, y, 120, 40), P.red);
    c.fill(rectPts(lx + 8, 40, 60, 260), fade(P.plum, 0.2));
    for (const y of [80, 120, 160, 200, 240, 280]) c.line(lx - 60, y, lx + 60, y, fade(P.ink, 0.4), 1.2);
  });
  c.stroke(tower, INK, 2, true);
  c.rect(lx - 6, 110, 12, 18, mix(P.plum, P.navy, 0.5), { w: 1.4 });
  c.rect(lx - 6, 182, 12, 18, mix(P.plum, P.navy, 0.5), { w: 1.4 });
  // Gallery, lantern room (dark: the light is out), dome, vane.
  c.rect(lx - 48, 40, 96, 8, P.plum, { w: 1.6 });
  for (let x = lx - 44; x <= lx + 44; x += 8) c.line(x, 40, x, 28, INK, 1.4);
  c.line(lx - 46, 28, lx + 46, 28, INK, 2);
  c.rect(lx - 26, 8, 52, 32, mix(P.plum, P.navy, 0.5), { w: 1.8 });
  for (const x of [lx - 9, lx + 9]) c.line(x, 8, x, 40, INK, 1.6);
  c.fill(rectPts(lx - 24, 10, 16, 28), fade(P.fog, 0.18));
  c.shape(smooth([[lx - 30, 9], [lx, -6], [lx + 30, 9]], true, 4), P.red, { w: 1.8 });
  c.rect(lx - 30, 282, 60, 10, P.stone, { w: 1.4 }); // doorstep (the door is a sprite)
  // Low fog drifting across the rocks and the near edge of the path.
  fogBand(c, 0, W, 250, 14, 0.35, 37);
  c.fill(rectPts(0, 340, W, 20), vgradient([[340, fade(P.plum, 0)], [360, fade(P.plum, 0.2)]]));
  return c;
}
