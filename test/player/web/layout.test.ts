// The player's layout arithmetic: letterboxing, pixel-perfect whole scales,
// pointer mapping back to game pixels at any scale, panel boxes and sheet
// frames. Pure functions, so these run in Node.

import { describe, expect, test } from 'vitest';
import { boxAt, fitStage, frameRect, inPanel, optionBoxes, panelLayout, panelModeFor, stageFor, toStage } from '../../../player/web/render/layout.js';

describe('stage and fit', () => {
  const stage = stageFor([640, 360], 'verbs');

  test('the SCUMM panel adds 30% of the screen height under it; one-click 20%', () => {
    expect(stage).toEqual({ mode: 'below', width: 640, height: 468, screenWidth: 640, screenHeight: 360, panel: { x: 0, y: 360, w: 640, h: 108 }, panelHeight: 108 });
    expect(stageFor([320, 200], 'one-click')).toMatchObject({ width: 320, screenHeight: 200, panelHeight: 40, height: 240 });
  });

  test('letterboxing keeps the aspect ratio and centres the stage', () => {
    expect(fitStage(stage, 1280, 468, false)).toEqual({ scale: 1, width: 640, height: 468, left: 320, top: 0 });
    const fit = fitStage(stage, 800, 600, false);
    expect(fit.scale).toBe(1.25);
    expect(fit).toMatchObject({ width: 800, height: 585, left: 0, top: 7 });
  });

  test('pixel-perfect fits use whole scales, and shrink below 1 only when they must', () => {
    expect(fitStage(stage, 800, 600, true).scale).toBe(1);
    expect(fitStage(stage, 1280, 960, true)).toEqual({ scale: 2, width: 1280, height: 936, left: 0, top: 12 });
    expect(fitStage(stage, 1999, 1500, true).scale).toBe(3);
    expect(fitStage(stage, 320, 234, true).scale).toBe(0.5);
  });

  test('a degenerate box (hidden element) falls back to scale 1', () => {
    expect(fitStage(stage, 0, 0, false).scale).toBe(1);
  });

  test('pointer positions map back to the same game pixel at every scale', () => {
    for (const scale of [0.5, 1, 1.25, 2, 3]) {
      const w = stage.width * scale;
      const h = stage.height * scale;
      for (const [x, y] of [[0, 0], [320, 200], [639, 467], [101, 359]] as const) {
        const p = toStage(stage, w, h, (x + 0.5) * scale, (y + 0.5) * scale);
        expect([Math.floor(p.x), Math.floor(p.y)]).toEqual([x, y]);
      }
    }
  });
});

describe('panel', () => {
  const stage = stageFor([640, 360], 'verbs');

  test('verbs sit in three columns left, inventory slots right, all inside the panel', () => {
    const L = panelLayout(stage, 'verbs', 5);
    expect(L.verbs).toHaveLength(5);
    expect(L.verbs[1]!.x).toBeGreaterThan(L.verbs[0]!.x);
    expect(L.verbs[3]!.y).toBeGreaterThan(L.verbs[0]!.y);
    expect(L.inventory.length).toBeGreaterThanOrEqual(8);
    for (const b of [...L.verbs, ...L.inventory, ...L.options]) {
      expect(b.y).toBeGreaterThanOrEqual(stage.screenHeight);
      expect(b.y + b.h).toBeLessThanOrEqual(stage.height + 0.001);
      expect(b.x + b.w).toBeLessThanOrEqual(stage.width);
    }
    const rightOfVerbs = Math.max(...L.verbs.map((b) => b.x + b.w));
    expect(Math.min(...L.inventory.map((b) => b.x))).toBeGreaterThanOrEqual(rightOfVerbs);
  });

  test('one-click panels have no verbs', () => {
    expect(panelLayout(stageFor([640, 360], 'one-click'), 'one-click', 0).verbs).toEqual([]);
  });

  test('dialogs with more options than lines get smaller lines that fill the panel', () => {
    const L = panelLayout(stage, 'verbs', 5);
    expect(optionBoxes(stage, L, 2).boxes).toEqual(L.options.slice(0, 2));
    const many = optionBoxes(stage, L, 9);
    expect(many.boxes).toHaveLength(9);
    expect(many.boxes[0]!.y).toBe(stage.screenHeight);
    expect(many.boxes[8]!.y + many.boxes[8]!.h).toBeCloseTo(stage.height);
    expect(many.fontSize).toBeLessThan(L.fontSize);
  });

  test('boxAt finds the box under a point, edges half-open', () => {
    const boxes = [{ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 }];
    expect(boxAt(boxes, 9.9, 5)).toBe(0);
    expect(boxAt(boxes, 10, 5)).toBe(1);
    expect(boxAt(boxes, 25, 5)).toBe(-1);
  });
});

describe('phone layouts', () => {
  const CSS_TARGET = 44;

  test('short landscape boxes put the panel beside the game, narrow portrait ones a tall panel under it', () => {
    const game = [[640, 360], 'verbs'] as const;
    expect(panelModeFor(844, 390, ...game)).toBe('side');
    expect(panelModeFor(390, 844, ...game)).toBe('tall');
    expect(panelModeFor(1280, 720, ...game)).toBe('below');
    expect(panelModeFor(800, 600, ...game)).toBe('below');
    // A short box that the usual layout already fills keeps it: the side panel would only shrink the game.
    expect(panelModeFor(640, 488, [640, 360], 'one-click')).toBe('below');
    expect(panelModeFor(640, 468, ...game)).toBe('below');
  });

  for (const [mode, box] of [['side', [844, 390]], ['tall', [390, 844]]] as const) {
    test(`${mode}: every verb and slot lies in the panel and is at least ${CSS_TARGET} CSS px at ${box[0]}×${box[1]}`, () => {
      const stage = stageFor([640, 360], 'verbs', mode);
      const fit = fitStage(stage, box[0], box[1], false);
      const L = panelLayout(stage, 'verbs', 5);
      expect(L.verbs).toHaveLength(5);
      expect(L.inventory.length).toBeGreaterThanOrEqual(6);
      for (const b of [...L.verbs, ...L.inventory]) {
        expect(inPanel(stage, b.x + 1, b.y + 1)).toBe(true);
        expect(b.x + b.w).toBeLessThanOrEqual(stage.width + 0.001);
        expect(b.y + b.h).toBeLessThanOrEqual(stage.height + 0.001);
        expect(Math.min(b.w, b.h) * fit.scale).toBeGreaterThanOrEqual(CSS_TARGET);
      }
      // The game and its panel use the phone's whole width (no letterbox bars left and right), and in landscape nearly all its height.
      expect(fit.width).toBeGreaterThan(box[0] * 0.98);
      if (mode === 'side') expect(fit.height).toBeGreaterThan(box[1] * 0.9);
      const options = optionBoxes(stage, L, 6).boxes;
      for (const b of options) expect(b.y + b.h).toBeLessThanOrEqual(stage.height + 0.001);
    });
  }
});

describe('sheet frames', () => {
  test('frames count row by row; out of range is null', () => {
    expect(frameRect(96, 96, [32, 48], 0)).toEqual({ x: 0, y: 0, w: 32, h: 48 });
    expect(frameRect(96, 96, [32, 48], 4)).toEqual({ x: 32, y: 48, w: 32, h: 48 });
    expect(frameRect(96, 96, [32, 48], 6)).toBeNull();
    expect(frameRect(16, 16, [32, 48], 0)).toBeNull();
  });
});
