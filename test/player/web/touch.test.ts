// Touch gestures as the player reads them: a quick tap acts, a finger held
// still for half a second is the secondary action (and shows the name while
// held), a dragged finger only inspects, and a second finger changes nothing.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LONG_PRESS_MS, TouchGestures } from '../../../player/web/input/touch.js';

function setup() {
  const log: string[] = [];
  const g = new TouchGestures({
    tap: (x, y) => log.push(`tap ${x},${y}`),
    longPress: (x, y) => log.push(`long ${x},${y}`),
    inspect: (at) => log.push(at === null ? 'hide' : `name ${at.x},${at.y}`),
  });
  return { g, log };
}

describe('touch gestures', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('a tap acts at once, showing no name', () => {
    const { g, log } = setup();
    g.down(1, 100, 50, 0);
    g.up(1, 80);
    expect(log).toEqual(['hide', 'tap 100,50']);
  });

  test('a long press shows the name while held, then acts as the secondary action', () => {
    const { g, log } = setup();
    g.down(1, 100, 50, 0);
    vi.advanceTimersByTime(LONG_PRESS_MS);
    g.move(1, 104, 52); // a finger trembles a little
    g.up(1, LONG_PRESS_MS + 20);
    expect(log).toEqual(['name 100,50', 'hide', 'long 100,50']);
  });

  test('a dragged finger inspects along its way and does nothing when lifted', () => {
    const { g, log } = setup();
    g.down(1, 100, 50, 0);
    g.move(1, 140, 50);
    g.move(1, 200, 60);
    g.down(2, 10, 10, 5); // a second finger is ignored
    g.up(2, 6);
    g.up(1, 900);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['name 140,50', 'name 200,60', 'hide']);
  });
});
