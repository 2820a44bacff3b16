// The one table of walkthrough commands (LANGUAGE.md §5): each row is a
// command's name, its syntax, how to read its arguments and how to carry it
// out against a GameDriver. The parser, the runner and `cairn test --help`
// all read this table; adding a command touches one row. Imports interpreter/ only.

import { isCairnError, type Note } from '../../interpreter/errors.js';
import type { Expr } from '../../interpreter/syntax/ast.js';
import { parseExpression } from '../../interpreter/syntax/parse.js';
import { EntityRef, Point, type Value } from '../../interpreter/vm/values.js';
import type { GameDriver, GameInput } from '../game-api.js';
import type { LineReader } from './line-reader.js';

/** Ticks per second of game time. */
export const TICKS_PER_SECOND = 60;
/** How far `expect ACTOR at (x, y)` may be off, in pixels. */
export const POSITION_TOLERANCE = 2;

/** What a command reports when it did not pass; `fatal` stops the walkthrough. */
export interface Problem {
  message: string;
  fatal?: boolean;
  notes?: Note[];
}

/** What the runner lends a command while it runs. */
export interface WalkContext {
  readonly game: GameDriver;
  /** Snapshots taken by `save`, by name. */
  readonly saves: Map<string, Uint8Array>;
  /** Index in `game.said` of the first line the next `expect said` may match. */
  saidFrom: number;
  /** The walkthrough line of the last `expect said` that matched (null: none yet). */
  saidSince: number | null;
  /** The walkthrough line of the command being run. */
  readonly line: number;
  /** Queues an input and runs the tick that applies it. */
  send(input: GameInput): void;
  /** Lets `ticks` ticks of game time pass. */
  advance(ticks: number): void;
}

/** One row of the table. `A` is the shape of the command's arguments. */
export interface WalkCommand<N extends string = string, A = unknown> {
  /** The words that name it: `click`, `expect not has`; `expect` alone is the expression form. */
  readonly name: N;
  /** How it is written, for errors and help. */
  readonly syntax: string;
  readonly summary: string;
  /** Waits for the player to have control first (every command but `skip`). */
  readonly waitsForControl: boolean;
  /** Acts on the game, so it cannot run once the game has ended. */
  readonly acts: boolean;
  /** Reads the arguments after the command's words. */
  parse(reader: LineReader): A;
  /** Carries it out; returns what went wrong, or nothing when it passed. */
  run(args: A, ctx: WalkContext): Problem | undefined;
}

const command = <N extends string, A>(row: WalkCommand<N, A>): WalkCommand<N, A> => row;

/** The table, in the order `cairn test --help` lists it. */
export const WALK_COMMANDS = [
  command({
    name: 'click',
    syntax: 'click X Y',
    summary: 'a left click at game screen coordinates',
    waitsForControl: true,
    acts: true,
    parse: (r) => ({ x: r.number('the x coordinate', 'click 320 340', { min: 0 }), y: r.number('the y coordinate', 'click 320 340', { min: 0 }) }),
    run({ x, y }, ctx) {
      const [width, height] = ctx.game.scene().viewport;
      if (x >= width || y >= height) return { message: `the click at (${x}, ${y}) is outside the ${width}×${height} screen`, fatal: true };
      ctx.send({ type: 'click', x, y });
      return undefined;
    },
  }),
  command({
    name: 'do',
    syntax: 'do VERB TARGET [WITH]',
    summary: 'a verb on an object or actor, as the verb UI sends it ("do use key door": use key with door)',
    waitsForControl: true,
    acts: true,
    parse(r): { verb: string; target: string; with?: string } {
      const example = 'do use key door';
      const verb = r.identifier('a verb', example);
      const target = r.identifier('an object or actor', example);
      const other = r.atEnd() ? undefined : r.identifier('a second object or actor', example);
      return other === undefined ? { verb, target } : { verb, target, with: other };
    },
    run(args, ctx) {
      const verbs = ctx.game.scene().verbs.map((v) => v.id);
      if (args.verb !== 'walk' && !verbs.includes(args.verb)) {
        return { message: `there is no verb \`${args.verb}\`; the verbs are walk${verbs.map((v) => `, ${v}`).join('')}`, fatal: true };
      }
      for (const name of args.with === undefined ? [args.target] : [args.target, args.with]) {
        const problem = checkThing(ctx.game, name);
        if (problem) return { message: problem, fatal: true };
      }
      ctx.send({ type: 'verb', ...args });
      return undefined;
    },
  }),
  command({
    name: 'choose',
    syntax: 'choose "OPTION TEXT" | choose N',
    summary: 'picks a dialog option by its text, or by its position (1 is the first shown)',
    waitsForControl: true,
    acts: true,
    parse: (r): { text: string } | { option: number } =>
      r.peekRest().startsWith('"') ? { text: r.quoted('the option text', 'choose "Got any keys?"') } : { option: r.number('an option number', 'choose 3', { whole: true, min: 1 }) },
    run(args, ctx) {
      const dialog = ctx.game.scene().dialog;
      if (!dialog) return { message: 'no dialog is waiting for a choice', fatal: true };
      const index = 'text' in args ? dialog.options.indexOf(args.text) : args.option - 1;
      if (index < 0 || index >= dialog.options.length) {
        const wanted = 'text' in args ? `no option "${args.text}" is offered` : `there is no option ${args.option}`;
        return { message: `${wanted}; the options are ${dialog.options.map((o, i) => `${i + 1}. "${o}"`).join(', ')}`, fatal: true };
      }
      ctx.send({ type: 'choose', option: index + 1 });
      return undefined;
    },
  }),
  command({
    name: 'wait',
    syntax: 'wait SECONDS | wait N ticks',
    summary: 'lets game time pass',
    waitsForControl: true,
    acts: false,
    parse(r) {
      const at = r.skipBlanks();
      const amount = r.number('a number of seconds', 'wait 2', { min: 0 });
      if (r.accept('ticks')) {
        if (!Number.isInteger(amount)) throw r.error(`a number of ticks must be whole, not ${amount}`, at, r.pos - at, 'wait 30 ticks');
        return { ticks: amount };
      }
      r.accept('seconds');
      return { ticks: Math.round(amount * TICKS_PER_SECOND) };
    },
    run({ ticks }, ctx) {
      ctx.advance(ticks);
      return undefined;
    },
  }),
  command({
    name: 'skip',
    syntax: 'skip',
    summary: 'skips the current line or cutscene (Escape); the one command that does not wait for control first',
    waitsForControl: false,
    acts: true,
    parse: () => ({}),
    run(_, ctx) {
      ctx.send({ type: 'skip' });
      return undefined;
    },
  }),
  command({
    name: 'save',
    syntax: 'save NAME',
    summary: 'snapshots the whole game, in memory',
    waitsForControl: true,
    acts: false,
    parse: (r) => ({ name: r.saveName('save before-door') }),
    run({ name }, ctx) {
      ctx.saves.set(name, ctx.game.save());
      return undefined;
    },
  }),
  command({
    name: 'load',
    syntax: 'load NAME',
    summary: 'goes back to a snapshot taken by `save NAME` earlier in the walkthrough',
    waitsForControl: true,
    acts: false,
    parse: (r) => ({ name: r.saveName('load before-door') }),
    run({ name }, ctx) {
      const bytes = ctx.saves.get(name);
      if (!bytes) return { message: `the save \`${name}\` was never taken (its \`save\` line did not run)`, fatal: true };
      ctx.game.load(bytes);
      // The lines said after the save are gone from the game's history.
      ctx.saidFrom = Math.min(ctx.saidFrom, ctx.game.said.length);
      return undefined;
    },
  }),
  command({
    name: 'expect room',
    syntax: 'expect room ROOM',
    summary: 'the current room',
    waitsForControl: true,
    acts: false,
    parse: (r) => ({ room: r.identifier('a room name', 'expect room lighthouse') }),
    run({ room }, ctx) {
      const shown = ctx.game.scene().room;
      if (shown === room) return undefined;
      const unknown = checkThing(ctx.game, room, 'room');
      if (unknown) return { message: unknown };
      return { message: `expected room ${room}, but ${shown === null ? 'no room is shown' : `the room is ${shown}`}` };
    },
  }),
  command({
    name: 'expect has',
    syntax: 'expect has OBJECT',
    summary: 'an object is in the inventory',
    waitsForControl: true,
    acts: false,
    parse: (r) => ({ object: r.identifier('an object name', 'expect has key') }),
    run: ({ object }, ctx) => checkInventory(ctx.game, object, true),
  }),
  command({
    name: 'expect not has',
    syntax: 'expect not has OBJECT',
    summary: 'an object is not in the inventory',
    waitsForControl: true,
    acts: false,
    parse: (r) => ({ object: r.identifier('an object name', 'expect not has shell') }),
    run: ({ object }, ctx) => checkInventory(ctx.game, object, false),
  }),
  command({
    name: 'expect said',
    syntax: 'expect said [ACTOR] "TEXT"',
    summary: 'a line containing TEXT was spoken (by ACTOR) since the previous `expect said`',
    waitsForControl: true,
    acts: false,
    parse(r): { actor?: string; text: string } {
      const example = 'expect said "Mine now."';
      const rest = r.peekRest();
      const actor = rest === '' || rest.startsWith('"') ? undefined : r.identifier('an actor or the quoted line', example);
      const text = r.quoted('the line', example);
      return actor === undefined ? { text } : { actor, text };
    },
    run(args, ctx) {
      const said = ctx.game.said;
      for (let i = ctx.saidFrom; i < said.length; i++) {
        const line = said[i]!;
        if (line.text.includes(args.text) && (args.actor === undefined || line.actor === args.actor)) {
          ctx.saidFrom = i + 1;
          ctx.saidSince = ctx.line;
          return undefined;
        }
      }
      const since = ctx.saidSince === null ? 'since the start' : `since line ${ctx.saidSince}`;
      const lines = said.slice(ctx.saidFrom);
      const shown = lines.slice(-8).map((l) => `${l.actor}: "${l.text}"`);
      if (lines.length > shown.length) shown.unshift(`… ${lines.length - shown.length} earlier`);
      const who = args.actor === undefined ? '' : ` by ${args.actor}`;
      return { message: `expected a line "${args.text}" to be said${who}; ${lines.length === 0 ? `no line was said ${since}` : `lines said ${since}: ${shown.join(', ')}`}` };
    },
  }),
  command({
    name: 'expect at',
    syntax: 'expect ACTOR at (X, Y)',
    summary: `an actor's position, within ${POSITION_TOLERANCE} px`,
    waitsForControl: true,
    acts: false,
    parse: (r) => {
      const actor = r.identifier('an actor name', 'expect hero at (200, 330)');
      r.accept('at');
      return { actor, ...r.point('the position', 'expect hero at (200, 330)') };
    },
    run({ actor, x, y }, ctx) {
      const at = evaluateSafely(ctx.game, `${actor}.at`);
      if ('problem' in at) return { message: at.problem };
      if (!(at.value instanceof Point)) return { message: `${actor}.at is ${ctx.game.display(at.value)}, not a position` };
      if (Math.hypot(at.value.x - x, at.value.y - y) <= POSITION_TOLERANCE) return undefined;
      return { message: `expected ${actor} at (${x}, ${y}), but ${actor} is at (${coordinate(at.value.x)}, ${coordinate(at.value.y)})` };
    },
  }),
  command({
    name: 'expect',
    syntax: 'expect EXPRESSION',
    summary: 'any expression of the game is true now (`door.open == true`, `tries == 1`)',
    waitsForControl: true,
    acts: false,
    parse: readExpression,
    run(args, ctx) {
      const result = evaluateSafely(ctx.game, args.expression);
      if ('problem' in result) return { message: `could not evaluate \`${args.expression}\`: ${result.problem}` };
      if (result.value === true) return undefined;
      const shown = ctx.game.display(result.value);
      if (result.value !== false) return { message: `expected \`${args.expression}\` to be true, but it is ${shown}; write a comparison, such as \`${args.expression} == ${shown}\`` };
      return { message: `expected \`${args.expression}\`${explainOperands(ctx.game, args)}` };
    },
  }),
] as const;

/** The arguments of `expect EXPRESSION`: its text and, for a comparison, its two sides' text. */
export interface ExpectedExpression {
  expression: string;
  /** Set for a top-level comparison: the text of each side, and whether the right one is a literal. */
  sides?: { left: string; right: string; rightIsLiteral: boolean };
}

type Row = (typeof WALK_COMMANDS)[number];

/** Every command name. */
export type WalkCommandName = Row['name'];

/** A parsed command's arguments, by command name. */
export type WalkArgs<N extends WalkCommandName> = ReturnType<Extract<Row, { name: N }>['parse']>;

/** The row named `name`. */
export function walkCommand(name: WalkCommandName): WalkCommand<WalkCommandName, unknown> {
  return WALK_COMMANDS.find((c) => c.name === name) as WalkCommand<WalkCommandName, unknown>;
}

/** Reads the game expression of `expect EXPRESSION`, checked by the script parser now rather than failing at run time. */
function readExpression(r: LineReader): ExpectedExpression {
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

/** Why `name` is not an object, actor (or `kind`) of the game, or undefined when it is one. */
function checkThing(game: GameDriver, name: string, kind?: string): string | undefined {
  const found = evaluateSafely(game, name);
  if ('problem' in found) return found.problem;
  const v = found.value;
  if (!(v instanceof EntityRef)) return `\`${name}\` is ${game.display(v)}, not ${kind ? `a ${kind}` : 'an object or actor'} of the game`;
  if (kind ? v.entity !== kind : v.entity !== 'object' && v.entity !== 'actor') return `\`${name}\` is a ${v.entity}, not ${kind ? `a ${kind}` : 'an object or actor'}`;
  return undefined;
}

function checkInventory(game: GameDriver, object: string, wanted: boolean): Problem | undefined {
  const unknown = checkThing(game, object, 'object');
  if (unknown) return { message: unknown };
  const has = evaluateSafely(game, `has(${object})`);
  if ('problem' in has) return { message: has.problem };
  if (has.value === wanted) return undefined;
  const held = game.scene().inventory.map((i) => i.id);
  if (!wanted) return { message: `expected ${object} not to be in the inventory, but it is` };
  return { message: `expected ${object} in the inventory, but ${held.length === 0 ? 'the inventory is empty' : `it holds ${held.join(', ')}`}` };
}

/** A failed comparison, explained by the values of its sides. */
function explainOperands(game: GameDriver, args: ExpectedExpression): string {
  if (!args.sides) return ', but it is false';
  const parts: string[] = [];
  for (const side of args.sides.rightIsLiteral ? [args.sides.left] : [args.sides.left, args.sides.right]) {
    const found = evaluateSafely(game, side);
    if ('problem' in found) return ', but it is false';
    parts.push(`${side} is ${game.display(found.value)}`);
  }
  return `, but ${parts.join(' and ')}`;
}

/** Evaluates a game expression; a CairnError becomes a problem sentence, anything else is a bug and propagates. */
function evaluateSafely(game: GameDriver, expression: string): { value: Value } | { problem: string } {
  try {
    return { value: game.evaluate(expression) };
  } catch (e) {
    if (isCairnError(e)) return { problem: e.hint ? `${e.message} (${e.hint})` : e.message };
    throw e;
  }
}

/** A coordinate as messages show it: whole pixels, or one decimal while walking. */
function coordinate(n: number): string {
  return String(Math.round(n * 10) / 10);
}
