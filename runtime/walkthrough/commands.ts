// The one table of walkthrough commands (docs/language.md, "Walkthroughs"): each row is a
// command's name, its syntax, how to read its arguments and how to carry it
// out against a GameDriver. The parser, the runner and `cairn test --help`
// all read this table; adding a command touches one row. Imports interpreter/ only.

import type { Note } from '../../interpreter/errors.js';
import type { GameDriver, GameInput } from '../game-api.js';
import { actorPosition, checkInventory, coordinate, evaluateSafely, explainOperands, nameProblem, readExpression } from './expectations.js';
import type { LineReader } from './line-reader.js';
import { secondsToTicks } from '../../interpreter/vm/ticks.js';
import { whyUnreachable } from './reach.js';

export type { ExpectedExpression } from './expectations.js';

/** How far `expect ACTOR at (x, y)` may be off, in pixels. */
export const POSITION_TOLERANCE = 2;

/** What a command reports when it did not pass; `fatal` stops the walkthrough. */
export interface Problem {
  message: string;
  fatal?: boolean;
  notes?: Note[];
  /** What would help, such as the "did you mean" of a script error. */
  hint?: string;
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
  /** For a command that does not wait for control: what it waits for instead. */
  readonly readyWhen?: (game: GameDriver) => boolean;
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
    // The game checks the verb and the names when the input is queued (a game without a `verbs` block takes any verb);
    // what a click could reach is checked here, so a walkthrough plays by the player's rules.
    run(args, ctx) {
      const verbs = ctx.game.scene().verbs;
      const known = verbs.length === 0 || verbs.some((v) => v.id === args.verb);
      // An unknown verb is the game's to refuse when the input is queued, with its "did you mean".
      const refused = known ? whyUnreachable(ctx.game, args.target, args.with) : undefined;
      if (refused !== undefined) return { message: `\`do ${doText(args)}\` is refused: ${refused}`, fatal: true };
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
      const index = 'text' in args ? optionIndex(dialog, args.text) : args.option - 1;
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
      return { ticks: secondsToTicks(amount) };
    },
    run({ ticks }, ctx) {
      ctx.advance(ticks);
      return undefined;
    },
  }),
  command({
    name: 'skip',
    syntax: 'skip',
    summary: 'skips the current line or cutscene (Escape); it waits only until one has begun, not for control',
    waitsForControl: false,
    acts: true,
    parse: () => ({}),
    // Waiting for control would leave nothing to skip; it waits only until a line or cutscene has begun.
    readyWhen: (game) => game.hasControl || game.scene().cutscene || game.scene().speech.length > 0,
    run(_, ctx) {
      ctx.send({ type: 'skip' });
      return undefined;
    },
  }),
  command({
    name: 'skip line',
    syntax: 'skip line',
    summary: 'ends the line being spoken (`.` or a click on it); a cutscene goes on; it waits only until a line has begun',
    waitsForControl: false,
    acts: true,
    parse: () => ({}),
    readyWhen: (game) => game.hasControl || game.scene().speech.length > 0,
    run(_, ctx) {
      ctx.send({ type: 'skip', line: true });
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
      // Lines said before the load belong to a timeline that is gone: `expect said` starts afresh.
      ctx.saidFrom = ctx.game.said.length;
      ctx.saidSince = ctx.line;
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
      const unknown = nameProblem(ctx.game, room, ['room']);
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
    syntax: 'expect said [ACTOR] "TEXT" | #ID',
    summary: 'a line containing TEXT (in the language played or the scripts\' own), or the line with that id, was spoken (by ACTOR) since the previous `expect said`',
    waitsForControl: true,
    acts: false,
    parse: (r) => readSaidLine(r, 'expect said "Mine now."'),
    run(args, ctx) {
      const said = ctx.game.said;
      for (let i = ctx.saidFrom; i < said.length; i++) {
        const line = said[i]!;
        if (isSaidLine(line, args)) {
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
      return { message: `expected a line ${args.byId === true ? `#${args.text}` : `"${args.text}"`} to be said${who}; ${lines.length === 0 ? `no line was said ${since}` : `lines said ${since}: ${shown.join(', ')}`}` };
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
      const at = actorPosition(ctx.game, actor);
      if ('problem' in at) return { message: at.problem };
      if (Math.hypot(at.x - x, at.y - y) <= POSITION_TOLERANCE) return undefined;
      return { message: `expected ${actor} at (${x}, ${y}), but ${actor} is at (${coordinate(at.x)}, ${coordinate(at.y)})` };
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
  command({
    name: 'expect not said',
    syntax: 'expect not said [ACTOR] "TEXT" | #ID',
    summary: 'no line containing TEXT (or with that id) was spoken (by ACTOR) since the previous `expect said`',
    waitsForControl: true,
    acts: false,
    parse: (r) => readSaidLine(r, 'expect not said "Thanks."'),
    run(args, ctx) {
      const said = ctx.game.said;
      for (let i = ctx.saidFrom; i < said.length; i++) {
        const line = said[i]!;
        if (isSaidLine(line, args)) {
          const since = ctx.saidSince === null ? 'since the start' : `since line ${ctx.saidSince}`;
          return { message: `expected no line ${args.byId === true ? `#${args.text}` : `"${args.text}"`}${args.actor === undefined ? '' : ` by ${args.actor}`} ${since}, but ${line.actor === '' ? 'the narrator' : line.actor} said "${line.text}"` };
        }
      }
      return undefined;
    },
  }),
  command({
    name: 'expect no option',
    syntax: 'expect no option "OPTION TEXT"',
    summary: 'the dialog waiting for a choice does not offer this option (or no dialog waits)',
    waitsForControl: true,
    acts: false,
    parse: (r) => ({ text: r.quoted('the option text', 'expect no option "Got any keys?"') }),
    run({ text }, ctx) {
      const dialog = ctx.game.scene().dialog;
      if (!dialog || optionIndex(dialog, text) < 0) return undefined;
      return { message: `expected no option "${text}", but it is offered; the options are ${dialog.options.map((o, i) => `${i + 1}. "${o}"`).join(', ')}` };
    },
  }),
  command({
    name: 'expect refused do',
    syntax: 'expect refused do VERB TARGET [WITH]',
    summary: 'a click could not do this now (not here, input blocked, no such verb); nothing is sent',
    waitsForControl: true,
    acts: false,
    parse(r): { verb: string; target: string; with?: string } {
      const example = 'expect refused do talk keeper';
      r.accept('do');
      const verb = r.identifier('a verb', example);
      const target = r.identifier('an object or actor', example);
      const other = r.atEnd() ? undefined : r.identifier('a second object or actor', example);
      return other === undefined ? { verb, target } : { verb, target, with: other };
    },
    run(args, ctx) {
      // A misspelt name must not pass as "refused", so names are checked first.
      for (const name of args.with === undefined ? [args.target] : [args.target, args.with]) {
        const unknown = nameProblem(ctx.game, name, ['object', 'actor']);
        if (unknown) return { message: unknown };
      }
      if (whyUnreachable(ctx.game, args.target, args.with) !== undefined) return undefined;
      const verbs = ctx.game.scene().verbs;
      if (verbs.length > 0 && !verbs.some((v) => v.id === args.verb)) return undefined;
      return { message: `expected \`do ${doText(args)}\` to be refused, but a click could do it now` };
    },
  }),
  command({
    name: 'expect not room',
    syntax: 'expect not room ROOM',
    summary: 'the current room is another one',
    waitsForControl: true,
    acts: false,
    parse: (r) => ({ room: r.identifier('a room name', 'expect not room cellar') }),
    run({ room }, ctx) {
      const unknown = nameProblem(ctx.game, room, ['room']);
      if (unknown) return { message: unknown };
      return ctx.game.scene().room === room ? { message: `expected another room than ${room}, but the room is ${room}` } : undefined;
    },
  }),
] as const;

/** `talk keeper`, `use key door`: the words of a `do`. */
function doText(args: { verb: string; target: string; with?: string }): string {
  return [args.verb, args.target, ...(args.with === undefined ? [] : [args.with])].join(' ');
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

/** Where an option of this text is among those shown, in the language played or the scripts' own; -1 when none. */
function optionIndex(dialog: { options: string[]; source?: string[] }, text: string): number {
  const shown = dialog.options.indexOf(text);
  return shown >= 0 || dialog.source === undefined ? shown : dialog.source.indexOf(text);
}

/** `[ACTOR] "TEXT"` or `[ACTOR] #ID` of `expect said` and `expect not said` (an id is kept as `text` with `byId`). */
function readSaidLine(r: LineReader, example: string): { actor?: string; text: string; byId?: true } {
  const rest = r.peekRest();
  const actor = rest === '' || rest.startsWith('"') || rest.startsWith('#') ? undefined : r.identifier('an actor or the quoted line', example);
  const after = r.peekRest();
  if (after.startsWith('#')) {
    const id = /^#([A-Za-z_][A-Za-z0-9_.-]*)/.exec(after);
    if (id === null) throw r.error('a line id is `#` and a name, as in `#harbour_hello`', r.pos, 1, example);
    r.pos += id[0].length;
    return actor === undefined ? { text: id[1]!, byId: true } : { actor, text: id[1]!, byId: true };
  }
  const text = r.quoted('the line', example);
  return actor === undefined ? { text } : { actor, text };
}

/** True when a spoken line contains the text in the language played or in the scripts' own, or has the id (and is the actor's, when one is named). */
function isSaidLine(line: { actor: string; text: string; id?: string; source?: string }, args: { actor?: string; text: string; byId?: true }): boolean {
  const matches = args.byId === true ? line.id === args.text : line.text.includes(args.text) || (line.source !== undefined && line.source.includes(args.text));
  return matches && (args.actor === undefined || line.actor === args.actor);
}
