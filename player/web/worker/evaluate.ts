// `evaluate(expr)` for the page: a game expression's value, in its printed
// form and as plain JSON-able data. Guest map keys never become property names
// of a plain object: maps cross as lists of [key, value] pairs.

import type { Value } from '../../../interpreter/vm/values.js';
import { EntityRef, Point, Range } from '../../../interpreter/vm/values.js';
import type { Game } from '../../../runtime/game.js';

/** The value of a game expression, printed and as data. */
export function evaluateForPage(game: Game, expression: string): { display: string; value: unknown } {
  const value = evaluateWithFallback(game, expression);
  return { display: game.display(value), value: toPlain(value, 0) };
}

/**
 * Game.evaluate may not be implemented yet (it needs the compiler's
 * expression entry point); meanwhile plain `name` and `thing.property`
 * are read through the Game's own accessors.
 */
function evaluateWithFallback(game: Game, expression: string): Value {
  try {
    return game.evaluate(expression);
  } catch (e) {
    if (!(e instanceof Error) || !/not available/.test(e.message)) throw e;
    const text = expression.trim();
    const global = /^[A-Za-z_][A-Za-z0-9_]*$/.exec(text);
    if (global) return game.global(text);
    const prop = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(text);
    if (prop) return game.property(prop[1]!, prop[2]!);
    throw e;
  }
}

/** A Cairn value as structured-cloneable data, cut off at a sane depth. */
export function toPlain(v: Value, depth: number): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (depth > 32) return null;
  if (Array.isArray(v)) return v.map((x) => toPlain(x, depth + 1));
  if (v instanceof Map) return [...v].map(([k, x]) => [k, toPlain(x, depth + 1)]);
  if (v instanceof Point) return { x: v.x, y: v.y };
  if (v instanceof Range) return { from: v.from, to: v.to };
  if (v instanceof EntityRef) return v.name;
  return null;
}
