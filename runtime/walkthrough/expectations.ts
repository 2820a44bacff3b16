// What `expect` lines read from a game and how they word what they saw: the
// expression of `expect EXPRESSION` (checked by the script parser when the
// walkthrough is read), names, the inventory and positions. The built-in
// checks read the scene, so they work without `evaluate`. Imports interpreter/ only.

import { isCairnError } from '../../interpreter/errors.js';
import type { Expr } from '../../interpreter/syntax/ast.js';
import { parseExpression } from '../../interpreter/syntax/parse.js';
import { EntityRef, Point, type Value } from '../../interpreter/vm/values.js';
import type { GameDriver } from '../game-api.js';
import type { Problem } from './commands.js';
import type { LineReader } from './line-reader.js';

/** The arguments of `expect EXPRESSION`: its text and, for a comparison, its two sides' text. */
export interface ExpectedExpression {
  expression: string;
  /** Set for a top-level comparison: the text of each side, and whether the right one is a literal. */
  sides?: { left: string; right: string; rightIsLiteral: boolean };
}

/** Reads the game expression of `expect EXPRESSION`, checked by the script parser now rather than failing at run time. */
export function readExpression(r: LineReader): ExpectedExpression {
  const at = r.skipBlanks();
  const expression = r.text.slice(at).trimEnd();
  let ast: Expr;
  try {
    ast = parseExpression(expression, r.place.file);
  } catch (e) {
    if (!isCairnError(e) || !e.span) throw e;
    // The script parser counts from the expression's start; move its caret to the line's column.
    const length = e.span.end.line === e.span.start.line ? e.span.end.column - e.span.start.column : 1;
    throw r.error(`in the expression: ${e.message}`, at + e.span.start.column - 1, length);
  }
  r.pos = r.text.length;
  if (ast.kind !== 'Binary' || !COMPARISONS.has(ast.op)) return { expression };
  const slice = (node: Expr) => expression.slice(node.span.start.offset, node.span.end.offset);
  return { expression, sides: { left: slice(ast.left), right: slice(ast.right), rightIsLiteral: LITERALS.has(ast.right.kind) } };
}

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);
const LITERALS: ReadonlySet<string> = new Set(['Number', 'String', 'Bool', 'Nil']);

/**
 * Why `name` is not a game entity of one of `kinds`, or undefined when it is
 * one or the game cannot say (only a compile-time verdict like an unknown
 * name counts: the built-in checks read the scene and need no evaluation).
 */
export function nameProblem(game: GameDriver, name: string, kinds: string[]): string | undefined {
  const found = evaluateSafely(game, name);
  const wanted = kinds.join(' or ');
  if ('problem' in found) return found.compileTime ? found.problem : undefined;
  const v = found.value;
  if (!(v instanceof EntityRef)) return `\`${name}\` is ${game.display(v)}, not ${/^[aeiou]/.test(wanted) ? 'an' : 'a'} ${wanted} of the game`;
  if (!kinds.includes(v.entity)) return `\`${name}\` is a ${v.entity}, not ${/^[aeiou]/.test(wanted) ? 'an' : 'a'} ${wanted}`;
  return undefined;
}

/** The inventory check, read from the scene. */
export function checkInventory(game: GameDriver, object: string, wanted: boolean): Problem | undefined {
  // A misspelt name must not pass `expect not has`, so names are checked before the inventory.
  const unknown = nameProblem(game, object, ['object']);
  if (unknown) return { message: unknown };
  const held = game.scene().inventory.map((i) => i.id);
  if (held.includes(object) === wanted) return undefined;
  if (!wanted) return { message: `expected ${object} not to be in the inventory, but it is` };
  return { message: `expected ${object} in the inventory, but ${held.length === 0 ? 'the inventory is empty' : `it holds ${held.join(', ')}`}` };
}

/** Where an actor stands: its sprite when it is in the room shown, else `ACTOR.at`. */
export function actorPosition(game: GameDriver, actor: string): { x: number; y: number } | { problem: string } {
  const sprite = game.scene().sprites.find((s) => s.id === `actor:${actor}`);
  if (sprite) return sprite.at;
  const unknown = nameProblem(game, actor, ['actor']);
  if (unknown) return { problem: unknown };
  const at = evaluateSafely(game, `${actor}.at`);
  if ('problem' in at) return { problem: `${actor} is not in the room shown, and ${at.problem}` };
  if (!(at.value instanceof Point)) return { problem: `${actor} is not in the room shown, and ${actor}.at is ${game.display(at.value)}` };
  return at.value;
}

/** A failed comparison, explained by the values of its sides. */
export function explainOperands(game: GameDriver, args: ExpectedExpression): string {
  if (!args.sides) return ', but it is false';
  const parts: string[] = [];
  for (const side of args.sides.rightIsLiteral ? [args.sides.left] : [args.sides.left, args.sides.right]) {
    const found = evaluateSafely(game, side);
    if ('problem' in found) return ', but it is false';
    parts.push(`${side} is ${game.display(found.value)}`);
  }
  return `, but ${parts.join(' and ')}`;
}

/** Evaluates a game expression; a CairnError becomes a problem sentence (`compileTime`: the expression is wrong, not the game), anything else is a bug and propagates. */
export function evaluateSafely(game: GameDriver, expression: string): { value: Value } | { problem: string; compileTime: boolean } {
  try {
    return { value: game.evaluate(expression) };
  } catch (e) {
    if (!isCairnError(e)) throw e;
    const first = e.all()[0]!;
    return { problem: first.hint ? `${first.message} (${first.hint})` : first.message, compileTime: first.category === 'compile' || first.category === 'syntax' };
  }
}

/** A coordinate as messages show it: whole pixels, or one decimal while walking. */
export function coordinate(n: number): string {
  return String(Math.round(n * 10) / 10);
}
