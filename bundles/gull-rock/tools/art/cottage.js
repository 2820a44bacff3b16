// Gran's cottage kitchen: the stove (with the magnet and the kettle on it),
// the shelf with the mug, the window onto the fog, the armchair and stool
// where Mags sits, the door out to the shore. Sprites of things that can be
// taken are drawn separately (items.js) and placed by the script.

import { Canvas, INK, ellipsePts, fade, glow, mix, rectPts, smooth, vgradient } from '../lib/raster.js';
import { P } from '../lib/palette.js';
import { floorboards, fogBand, planks, sea, sky } from './scenery.js';

export function cottage() {
  const c = new Canvas(640, 360, { ss: 3 });
  // Walls and ceiling beam, the floor.
  planks(c, 0, 0, 640, 262, 26, mix(P.cream, P.peach, 0.35), 11);
  c.fill(rectPts(0, 0, 640, 262), vgradient([[0, fade(P.plum, 0.35)], [120, fade(P.plum, 0.05)], [262, fade(P.plum, 0.15)]]));
  c.rect(-2, 0, 644, 16, P.bark, { w: 2 });
  c.rect(-2, 244, 644, 18, P.brown, { w: 1.8 }); // skirting
  floorboards(c, 0, 262, 640, 360, P.brown, 330, 12);
  c.line(0, 262, 640, 262, INK, 2);

  // The window, fog and the lighthouse beyond.
  const wx = 262, wy = 58, ww = 112, wh = 96;
  c.clip(rectPts(wx, wy, ww, wh), () => {
    sky(c, wx, wy, ww, wy + 62, wx + 80, wy + 44);
    sea(c, wx, ww, wy + 62, wy + wh, 21);
    c.shape([[wx + 22, wy + 62], [wx + 26, wy + 22], [wx + 34, wy + 22], [wx + 38, wy + 62]], mix(P.cream, P.lilac, 0.4), { outline: fade(P.plum, 0.6), w: 1 });
    c.fill(rectPts(wx + 25, wy + 32, 10, 6), fade(P.red, 0.5));
    c.fill(rectPts(wx + 24, wy + 46, 12, 6), fade(P.red, 0.5));
    c.rect(wx + 24, wy + 14, 12, 8, fade(P.plum, 0.6), { outline: null });
    fogBand(c, wx, ww, wy + 58, 18, 0.8, 7);
    fogBand(c, wx, ww, wy + 30, 14, 0.45, 8);
  });
  c.rect(wx - 6, wy - 6, ww + 12, wh + 12, null, { outline: INK, w: 2 });
  c.shape([[wx - 6, wy - 6], [wx + ww + 6, wy - 6], [wx + ww, wy], [wx, wy]], P.cream, { w: 1.2 });
  c.rect(wx - 4, wy, 4, wh, P.cream, { w: 1.2 });
  c.rect(wx + ww, wy, 4, wh, P.cream, { w: 1.2 });
  c.rect(wx + ww / 2 - 2, wy, 4, wh, P.cream, { w: 1.2 });
  c.rect(wx, wy + wh / 2 - 2, ww, 4, P.cream, { w: 1.2 });
  c.rect(wx - 12, wy + wh + 2, ww + 24, 8, P.brown, { w: 1.6 }); // sill
  // Curtains.
  for (const [x0, dir] of [[wx - 24, 1], [wx + ww + 24, -1]]) {
    const pts = smooth([[x0, wy - 12], [x0 + dir * 30, wy - 12], [x0 + dir * 18, wy + 40], [x0 + dir * 26, wy + wh + 8], [x0, wy + wh + 8]], true, 5);
    c.shape(pts, P.red, { w: 1.6 });
    c.clip(pts, () => {
      for (let y = wy - 12; y < wy + wh + 10; y += 8) c.line(x0 - 30, y, x0 + 30, y, fade(P.cream, 0.3), 2);
    });
  }
  c.rrect(wx - 34, wy - 16, ww + 68, 6, 3, P.bark, { w: 1.4 });
  // A little pot of sea pinks on the sill.
  c.shape([[wx + 78, wy + wh + 2], [wx + 96, wy + wh + 2], [wx + 93, wy + wh - 10], [wx + 81, wy + wh - 10]], mix(P.red, P.brown, 0.5), { w: 1.3 });
  for (const [dx, dy] of [[82, -16], [88, -20], [94, -15], [86, -13]]) {
    c.line(wx + 87, wy + wh - 10, wx + dx, wy + wh + dy, P.moss, 1.2);
    c.circle(wx + dx, wy + wh + dy, 2.6, P.rose, { w: 1 });
  }

  // The clock and the shelf.
  c.circle(206, 78, 17, P.cream, { w: 2 });
  c.circle(206, 78, 13, null, { outline: P.brown, w: 1.2 });
  c.line(206, 78, 206, 67, INK, 1.6); // ten to seven
  c.line(206, 78, 199, 86, INK, 2);
  c.circle(206, 78, 1.6, INK, { outline: null });
  c.rect(166, 164, 84, 7, P.brown, { w: 1.6 });
  c.shape([[172, 171], [182, 171], [172, 186]], P.bark, { w: 1.2 });
  c.shape([[234, 171], [244, 171], [244, 186]], P.bark, { w: 1.2 });
  // Jars on the shelf (the mug is a sprite).
  c.rrect(172, 138, 16, 26, 3, fade(P.fog, 0.9), { w: 1.4 });
  c.rect(171, 134, 18, 6, P.red, { w: 1.2 });
  c.fill(rectPts(175, 148, 10, 14), fade(P.rose, 0.8));
  c.rrect(192, 144, 14, 20, 3, fade(P.fog, 0.9), { w: 1.4 });
  c.rect(191, 140, 16, 5, P.gold, { w: 1.2 });
  c.fill(rectPts(195, 152, 8, 10), fade(P.gold, 0.8));

  // The stove: iron body, firebox glowing, the pipe up through the beam.
  c.rect(74, 0, 20, 150, mix(P.plum, P.ink, 0.3), { w: 1.8 });
  c.rect(70, 120, 28, 8, mix(P.plum, P.ink, 0.2), { w: 1.4 });
  c.fill(ellipsePts(98, 250, 110, 80), glow(98, 250, 110, fade(P.gold, 0.35)));
  c.rrect(28, 150, 128, 14, 3, mix(P.plum, P.ink, 0.15), { w: 1.8 });
  c.rect(34, 164, 116, 112, P.plum, { w: 1.8 });
  c.rect(28, 270, 128, 10, mix(P.plum, P.ink, 0.2), { w: 1.6 });
  c.rect(36, 280, 8, 10, P.plum, { w: 1.2 });
  c.rect(140, 280, 8, 10, P.plum, { w: 1.2 });
  c.rrect(48, 186, 62, 54, 4, mix(P.plum, P.ink, 0.3), { w: 1.6 });
  c.clip(smooth([[54, 240], [54, 212], [79, 196], [104, 212], [104, 240]], true, 4), () => {
    c.fill(rectPts(50, 190, 58, 50), vgradient([[195, P.red], [240, P.gold]]));
    for (const [x, h] of [[62, 22], [74, 30], [86, 24], [96, 18]]) c.fill(smooth([[x - 6, 240], [x, 240 - h], [x + 6, 240]], true, 3), fade(P.cream, 0.55));
  });
  for (let x = 56; x < 104; x += 7) c.line(x, 210, x, 240, mix(P.plum, P.ink, 0.4), 1.6);
  c.rrect(112, 200, 28, 10, 4, P.stone, { w: 1.3 }); // handle
  c.line(40, 250, 150, 250, mix(P.plum, P.lilac, 0.5), 1);
  // A warm glow on the floor in front of the fire.
  c.fill(ellipsePts(95, 300, 90, 22), glow(95, 300, 90, fade(P.gold, 0.35)));

  // Framed photograph: young Mags and the lighthouse.
  c.rect(482, 50, 44, 54, P.brown, { w: 1.8 });
  c.rect(488, 56, 32, 42, mix(P.peach, P.cream, 0.5), { w: 1.2 });
  c.shape([[496, 96], [498, 64], [504, 64], [506, 96]], mix(P.lilac, P.cream, 0.3), { outline: fade(P.plum, 0.7), w: 0.8 });
  c.circle(512, 84, 4, mix(P.lilac, P.cream, 0.2), { outline: fade(P.plum, 0.7), w: 0.8 });
  c.line(512, 88, 512, 96, fade(P.plum, 0.8), 2.4);

  // Oval rug.
  c.ellipse(300, 318, 120, 26, P.rose, { w: 1.8 });
  c.fill(ellipsePts(300, 318, 104, 19), mix(P.rose, P.red, 0.4));
  c.fill(ellipsePts(300, 318, 86, 13), P.rose);
  c.stroke(ellipsePts(300, 318, 95, 16), fade(P.cream, 0.6), 1.4, true);

  // The armchair (Mags sits in it) and the footstool.
  const ax = 388;
  c.shape(smooth([[ax - 4, 300], [ax - 8, 200], [ax + 6, 186], [ax + 24, 196], [ax + 26, 262], [ax + 30, 300]], true, 5), mix(P.teal, P.navy, 0.4), { w: 1.8 });
  c.shape(smooth([[ax + 10, 302], [ax + 8, 262], [ax + 70, 258], [ax + 76, 268], [ax + 74, 302]], true, 4), P.teal, { w: 1.8 });
  c.shape(smooth([[ax + 54, 304], [ax + 52, 250], [ax + 62, 242], [ax + 74, 248], [ax + 76, 304]], true, 4), mix(P.teal, P.fog, 0.2), { w: 1.8 });
  for (const x of [ax + 2, ax + 70]) c.rect(x, 300, 6, 8, P.bark, { w: 1.2 });
  c.rect(ax + 84, 272, 4, 30, P.bark, { w: 1.1 });
  c.rect(ax + 116, 272, 4, 30, P.bark, { w: 1.1 });
  c.rrect(ax + 78, 258, 48, 18, 6, P.red, { w: 1.6 });
  c.line(ax + 84, 265, ax + 120, 265, fade(P.cream, 0.5), 1.4);
  c.fill(ellipsePts(ax + 40, 308, 64, 6), fade(P.ink, 0.25));

  // The door out to the shore.
  const dx = 540, dy = 146;
  c.rect(dx - 8, dy - 8, 82, 124, P.bark, { w: 2 });
  planks(c, dx, dy, dx + 66, dy + 116, 11, mix(P.teal, P.navy, 0.3), 13);
  c.rect(dx, dy, 66, 116, null, { outline: INK, w: 1.6 });
  c.rect(dx + 10, dy + 12, 46, 30, mix(P.fog, P.peach, 0.3), { w: 1.6 });
  fogBand(c, dx + 10, 46, dy + 30, 12, 0.5, 14);
  c.line(dx + 33, dy + 12, dx + 33, dy + 42, INK, 1.4);
  c.rect(dx + 6, dy + 56, 54, 6, mix(P.teal, P.navy, 0.5), { w: 1.2 });
  c.circle(dx + 56, dy + 70, 3.2, P.gold, { w: 1.2 });
  // A hook by the door, empty: the key was here.
  c.line(dx - 20, dy + 20, dx - 20, dy + 28, INK, 1.6);
  c.shape(smooth([[dx - 20, dy + 28], [dx - 16, dy + 34], [dx - 13, dy + 29]], false, 3), null, { outline: INK, w: 1.6 });
  c.rect(dx - 24, dy + 14, 8, 8, P.brown, { w: 1.2 });
  // Coats on pegs by the door.
  c.shape(smooth([[616, 140], [630, 146], [634, 230], [612, 232], [608, 150]], true, 4), P.navy, { w: 1.6 });
  c.fill(rectPts(0, 0, 640, 360), vgradient([[0, fade(P.plum, 0)], [300, fade(P.plum, 0)], [360, fade(P.plum, 0.18)]]));
  return c;
}
