// The check that an object's clickable area lies in its room: a `hotspot`
// rectangle or `polygon` reaching past the room's edges (its `size`, or the
// screen) can never be clicked there, and is a mistake in the numbers. The
// build runs it (check-world.ts) and `cairn dev`'s room editor runs the same
// function while a hotspot is dragged, so both refuse with one message.

import { Point, type Value } from '../../interpreter/vm/values.js';

/** What is wrong with an object's `hotspot` or `polygon` in a room of `size`, worded for people; null when it fits. */
export function hotspotProblem(object: string, props: ReadonlyMap<string, Value>, size: readonly [number, number]): { property: 'hotspot' | 'polygon'; message: string } | null {
  const [w, h] = size;
  const outside = (x: number, y: number) => !(x >= 0 && y >= 0 && x <= w && y <= h);
  const room = `the room's ${w}×${h}`;
  const hotspot = props.get('hotspot');
  if (Array.isArray(hotspot) && hotspot.length === 4 && hotspot.every((n) => typeof n === 'number')) {
    const [x, y, hw, hh] = hotspot as number[];
    if (!(hw! > 0 && hh! > 0)) return { property: 'hotspot', message: `object \`${object}\`: the hotspot (${hotspot.join(', ')}) has no area: its width and height must be more than 0` };
    if (outside(x!, y!) || outside(x! + hw!, y! + hh!)) return { property: 'hotspot', message: `object \`${object}\`: the hotspot (${hotspot.join(', ')}) reaches outside ${room}` };
  }
  const polygon = props.get('polygon');
  if (Array.isArray(polygon)) {
    const out = polygon.find((p) => p instanceof Point && outside(p.x, p.y));
    if (out instanceof Point) return { property: 'polygon', message: `object \`${object}\`: the point (${out.x}, ${out.y}) of its polygon lies outside ${room}` };
  }
  return null;
}
