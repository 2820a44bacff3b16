// The debugger console's language: one table of line commands (`threads`,
// `eval EXPR`, `set NAME = EXPR`, `go ROOM`, …) that the player's console and
// a terminal console share, each a thin layer over runtime/debugger.ts. Input
// is one line of text, output is text; refusals are CairnErrors to format.

import { CairnError } from '../interpreter/errors.js';
import { didYouMean } from '../interpreter/edit-distance.js';
import type { Debugger, DebugValue } from './debugger.js';
import type { Game } from './game.js';

/** One console command: its name, how it is written, what it does, and how it runs. */
export interface DebuggerCommand {
  readonly name: string;
  readonly syntax: string;
  readonly doc: string;
  /** Runs with what follows the name on the line (trimmed); returns the text to show. */
  readonly run: (dbg: Debugger, rest: string) => string;
}

const shown = (v: DebugValue): string => `${v.text}  (${v.type})`;

/** Text after the name that the command needs; USAGE with the syntax when it is missing. */
function needs(rest: string, syntax: string): string {
  if (rest === '') throw new CairnError('USAGE', `write it as \`${syntax}\``);
  return rest;
}

/** A single name (room, object): one word, nothing after it. */
function oneName(rest: string, syntax: string): string {
  const name = needs(rest, syntax);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new CairnError('USAGE', `\`${name}\` is not a name; write it as \`${syntax}\``);
  return name;
}

/** The table, in the order `help` lists it. */
export const DEBUGGER_COMMANDS: readonly DebuggerCommand[] = [
  {
    name: 'threads', syntax: 'threads', doc: 'list the live threads: id, function, place and why each waits',
    run: (dbg) => {
      const threads = dbg.threads();
      if (threads.length === 0) return 'no threads';
      const rows = threads.map((t) => [`t${t.id}`, t.function, `${t.file}:${t.line}`, t.wait]);
      const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
      return rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ')).join('\n');
    },
  },
  {
    name: 'stack', syntax: 'stack ID', doc: "a thread's calls, innermost first",
    run: (dbg, rest) => {
      const id = /^t?(\d+)$/.exec(needs(rest, 'stack ID'));
      if (id === null) throw new CairnError('USAGE', `\`${rest}\` is not a thread id; write it as \`stack 2\``);
      return dbg.stack(Number(id[1])).map((p) => `${p.function}  ${p.file}:${p.line}:${p.column}`).join('\n');
    },
  },
  {
    name: 'eval', syntax: 'eval EXPR', doc: 'evaluate an expression of the game now (`eval door.open`)',
    run: (dbg, rest) => shown(dbg.evaluate(needs(rest, 'eval EXPR'))),
  },
  {
    name: 'set', syntax: 'set NAME = EXPR', doc: 'set a global variable, or a property (`set door.open = true`)',
    run: (dbg, rest) => {
      const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*=(?!=)\s*(.+)$/s.exec(needs(rest, 'set NAME = EXPR'));
      if (m === null) throw new CairnError('USAGE', 'write it as `set NAME = EXPR` (or `set door.open = EXPR`)');
      return `${m[1]} = ${shown(dbg.setVariable(m[1]!, m[2]!))}`;
    },
  },
  {
    name: 'go', syntax: 'go ROOM', doc: 'change room as `go ROOM` does: `on exit` and `on enter` run',
    run: (dbg, rest) => {
      const room = oneName(rest, 'go ROOM');
      dbg.goRoom(room);
      return `now in ${room}`;
    },
  },
  {
    name: 'give', syntax: 'give OBJECT', doc: 'put an object in the inventory, as `take` does',
    run: (dbg, rest) => {
      dbg.inventoryAdd(oneName(rest, 'give OBJECT'));
      return `inventory: ${dbg.inventory().join(', ')}`;
    },
  },
  {
    name: 'drop', syntax: 'drop OBJECT', doc: 'take an object out of the inventory, as `drop` does',
    run: (dbg, rest) => {
      dbg.inventoryRemove(oneName(rest, 'drop OBJECT'));
      const left = dbg.inventory();
      return left.length === 0 ? 'inventory: empty' : `inventory: ${left.join(', ')}`;
    },
  },
  {
    name: 'help', syntax: 'help', doc: 'list these commands',
    run: () => {
      const width = Math.max(...DEBUGGER_COMMANDS.map((c) => c.syntax.length));
      return DEBUGGER_COMMANDS.map((c) => `${c.syntax.padEnd(width)}  ${c.doc}`).join('\n');
    },
  },
];

const BY_NAME: ReadonlyMap<string, DebuggerCommand> = new Map(DEBUGGER_COMMANDS.map((c) => [c.name, c]));

/**
 * Runs one console line against a game started with debug options and returns
 * the text to show ('' for an empty line). Unknown commands, bad arguments,
 * compile and runtime errors of expressions are thrown as CairnErrors.
 */
export function runDebuggerCommand(game: Game, line: string): string {
  const text = line.trim();
  if (text === '') return '';
  const space = text.search(/\s/);
  const name = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? '' : text.slice(space).trim();
  const command = BY_NAME.get(name);
  if (command === undefined) {
    throw new CairnError('USAGE', `\`${name}\` is not a debugger command`, { hint: didYouMean(name, BY_NAME.keys()) ?? '`help` lists them' });
  }
  return command.run(game.debugger(), rest);
}
