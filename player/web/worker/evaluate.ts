// `evaluate(expr)` for the page: a game expression's value, in its printed
// form and as plain JSON-able data. Guest map keys never become property names
// of a plain object: maps cross as lists of [key, value] pairs.

import { EntityRef, Point, Range, type Value, isMap } from '../../../interpreter/vm/values.js';
import type { Game } from '../../../runtime/game.js';

/** The value of a game expression, printed and as data. */
export function evaluateForPage(game: Game, expression: string): { display: string; value: unknown } {
  const value = game.evaluate(expression);
  return { display: game.display(value), value: toPlain(value, 0) };
}

/** A Cairn value as structured-cloneable data, cut off at a sane depth. */
export function toPlain(v: Value, depth: number): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (depth > 32) return null;
  if (Array.isArray(v)) return v.map((x) => toPlain(x, depth + 1));
  if (isMap(v)) return [...v].map(([k, x]) => [k, toPlain(x, depth + 1)]);
  if (v instanceof Point) return { x: v.x, y: v.y };
  if (v instanceof Range) return { from: v.from, to: v.to };
  if (v instanceof EntityRef) return v.name;
  return null;
}
