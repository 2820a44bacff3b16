// The debugger console against a real Game: threads with their places and
// wait reasons in words, evaluate, set, go, give and drop — through the API
// (plain data) and through the console's line commands — and every refusal a
// CairnError that says what is wrong. Only a game started for debugging has one.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../interpreter/compiler/compile.js';
import { CairnError } from '../../interpreter/errors.js';
import type { SourcePlace } from '../../interpreter/vm/debug-hooks.js';
import { DEBUGGER_COMMANDS, runDebuggerCommand } from '../../runtime/debugger-commands.js';
import { Game, type GameOptions } from '../../runtime/game.js';

const WORLD = `actor hero { name: "Robin" }
actor keeper { name: "Keeper" }
room beach {
  object shell { name: "seashell"; at: (320, 340) }
  on enter { print "enter beach" }
  on exit { print "exit beach" }
}
room lighthouse {
  on enter { print "enter lighthouse" }
}
object key { name: "brass key" }
dialog chat {
  option "Bye." { done }
}
const MAX = 3
var tries = 0

fn pause() {
  wait 30 ticks
}
fn talker() { say keeper "I keep the light." }
fn walker() { walk hero to (300, 330) }
fn chooser() { choose chat }

on start {
  put hero in beach at (100, 330)
  put keeper in beach at (400, 330)
  go beach
  spawn talker()
  spawn walker()
  spawn chooser()
  pause()
}
`;

function game(options: GameOptions = { debug: {} }, text = WORLD, debug = false): Game {
  return Game.create(compile([{ file: 'world.adv', text }], { debug }).module, options);
}

/** The CairnError `f` throws. */
function refusal(f: () => unknown): CairnError {
  try {
    f();
  } catch (e) {
    if (e instanceof CairnError) return e;
    throw e;
  }
  throw new Error('expected a CairnError');
}

describe('the debugger API', () => {
  it('lists threads with function, place and why each waits, as plain data', () => {
    const g = game();
    g.tick(); // on start, and the threads it starts (t2 was beach's `on enter`, over already)
    const threads = g.debugger().threads();
    expect(threads).toEqual([
      { id: 1, function: 'pause', file: 'world.adv', line: 19, wait: 'waiting 30 ticks' },
      { id: 3, function: 'talker', file: 'world.adv', line: 21, wait: 'saying "I keep the light."' },
      { id: 4, function: 'walker', file: 'world.adv', line: 22, wait: 'walking hero' },
      { id: 5, function: 'chooser', file: 'world.adv', line: 23, wait: 'in dialog chat' },
    ]);
    expect(structuredClone(threads)).toEqual(threads);
    g.tick();
    expect(g.debugger().threads()[0]!.wait).toBe('waiting 29 ticks');
  });

  it('gives a thread\'s calls, innermost first', () => {
    const g = game();
    g.tick();
    const stack: SourcePlace[] = g.debugger().stack(1);
    expect(stack).toEqual([
      { function: 'pause', file: 'world.adv', line: 19, column: 3 },
      { function: 'on start', file: 'world.adv', line: 32, column: 3 },
    ]);
    expect(refusal(() => g.debugger().stack(99)).message).toBe('there is no thread 99');
  });

  it('evaluates expressions, and reports their errors as CairnErrors', () => {
    const g = game();
    g.tick();
    const dbg = g.debugger();
    expect(dbg.evaluate('tries + MAX')).toEqual({ text: '3', type: 'number' });
    expect(dbg.evaluate('shell.name')).toEqual({ text: '"seashell"', type: 'string' });
    expect(dbg.evaluate('here')).toEqual({ text: 'beach', type: 'room' });
    const unknown = refusal(() => dbg.evaluate('tris'));
    expect(unknown.code).toBe('UNKNOWN_NAME');
    expect(unknown.hint).toBe('did you mean `tries`?');
    expect(refusal(() => dbg.evaluate('1 / 0')).code).toBe('DIVIDE_BY_ZERO');
  });

  it('sets globals and properties, but not constants or unknown names', () => {
    const g = game();
    g.tick();
    const dbg = g.debugger();
    expect(dbg.setVariable('tries', 'tries + 2')).toEqual({ text: '2', type: 'number' });
    expect(g.global('tries')).toBe(2);
    expect(dbg.setVariable('shell.name', '"shell"')).toEqual({ text: '"shell"', type: 'string' });
    expect(g.property('shell', 'name')).toBe('shell');
    expect(refusal(() => dbg.setVariable('MAX', '1')).message).toBe('`MAX` is a constant: scripts use its value where they name it, so it cannot change');
    const typo = refusal(() => dbg.setVariable('trie', '1'));
    expect([typo.code, typo.message, typo.hint]).toEqual(['USAGE', 'there is no global variable `trie`', 'did you mean `tries`?']);
    expect(refusal(() => dbg.setVariable('shel.name', '1')).hint).toBe('did you mean `shell`?');
    expect(refusal(() => dbg.setVariable('shell.nmae', '1')).code).toBe('NO_SUCH_PROPERTY');
    expect(refusal(() => dbg.setVariable('tries', 'nope')).code).toBe('UNKNOWN_NAME');
    expect(g.global('tries')).toBe(2);
  });

  it('goes to a room as `go` would: exit and enter handlers run', () => {
    const g = game();
    g.tick();
    const dbg = g.debugger();
    const before = g.transcript.length;
    dbg.goRoom('lighthouse');
    expect(g.scene().room).toBe('lighthouse');
    g.tick();
    expect(g.transcript.slice(before)).toEqual(['exit beach', 'enter lighthouse']);
    expect(g.evaluate('here')).toEqual(g.evaluate('lighthouse'));
    const room = refusal(() => dbg.goRoom('lighthous'));
    expect([room.code, room.message, room.hint]).toEqual(['USAGE', 'there is no room called `lighthous`', 'did you mean `lighthouse`?']);
  });

  it('says who stands where in the current room, for the room editor, and changes nothing', () => {
    const g = game();
    g.tick();
    const dbg = g.debugger();
    const saved = g.save();
    expect(dbg.whereabouts()).toEqual({
      room: 'beach',
      camera: { x: 0, y: 0 },
      controlled: 'hero',
      actors: [{ name: 'hero', x: 100, y: 330 }, { name: 'keeper', x: 400, y: 330 }],
      objects: [{ name: 'shell', visible: true }],
    });
    expect(g.save()).toEqual(saved);
    dbg.goRoom('lighthouse');
    const there = dbg.whereabouts();
    expect([there.room, there.actors.map((a) => a.name), there.objects]).toEqual(['lighthouse', ['hero'], []]);
  });

  it('adds to and removes from the inventory, as take and drop do', () => {
    const g = game();
    g.tick();
    const dbg = g.debugger();
    dbg.inventoryAdd('shell');
    dbg.inventoryAdd('key');
    expect(dbg.inventory()).toEqual(['shell', 'key']);
    expect(g.evaluate('shell.room')).toBe(null);
    expect(g.scene().inventory.map((i) => i.id)).toEqual(['shell', 'key']);
    dbg.inventoryRemove('shell');
    expect(dbg.inventory()).toEqual(['key']);
    expect(refusal(() => dbg.inventoryRemove('shell')).message).toBe('`shell` is not in the inventory');
    expect(refusal(() => dbg.inventoryAdd('hero')).message).toBe('there is no object called `hero`');
  });

  it('exists only for a game started for debugging', () => {
    const err = refusal(() => game({}).debugger());
    expect(err.code).toBe('USAGE');
    expect(err.message).toMatch(/not started for debugging/);
    expect(refusal(() => runDebuggerCommand(game({}), 'threads')).code).toBe('USAGE');
  });
});

describe('the console commands', () => {
  const started = (): Game => {
    const g = game();
    g.tick();
    return g;
  };

  it('threads: one aligned line per thread', () => {
    expect(runDebuggerCommand(started(), 'threads').split('\n')).toEqual([
      't1  pause    world.adv:19  waiting 30 ticks',
      't3  talker   world.adv:21  saying "I keep the light."',
      't4  walker   world.adv:22  walking hero',
      't5  chooser  world.adv:23  in dialog chat',
    ]);
  });

  it('eval, set, go, give, drop and stack', () => {
    const g = started();
    expect(runDebuggerCommand(g, 'eval tries == 0')).toBe('true  (boolean)');
    expect(runDebuggerCommand(g, '  set tries = MAX * 2 ')).toBe('tries = 6  (number)');
    expect(runDebuggerCommand(g, 'set shell.visible=false')).toBe('shell.visible = false  (boolean)');
    expect(runDebuggerCommand(g, 'give key')).toBe('inventory: key');
    expect(runDebuggerCommand(g, 'drop key')).toBe('inventory: empty');
    expect(runDebuggerCommand(g, 'go lighthouse')).toBe('now in lighthouse');
    expect(runDebuggerCommand(g, 'stack t1')).toBe('pause  world.adv:19:3\non start  world.adv:32:3');
    expect(runDebuggerCommand(g, '')).toBe('');
  });

  it('help and docs/debugging.md list every command of the table', () => {
    const help = runDebuggerCommand(started(), 'help');
    const docs = readFileSync(new URL('../../docs/debugging.md', import.meta.url), 'utf8');
    for (const c of DEBUGGER_COMMANDS) {
      expect(help).toContain(c.syntax);
      expect(docs).toContain(`| \`${c.syntax}\` |`);
    }
    expect(DEBUGGER_COMMANDS.map((c) => c.name)).toEqual(['threads', 'stack', 'eval', 'set', 'go', 'give', 'drop', 'help']);
  });

  it('refuses what it cannot do with clear CairnErrors', () => {
    const g = started();
    const unknown = refusal(() => runDebuggerCommand(g, 'thread'));
    expect([unknown.code, unknown.message, unknown.hint]).toEqual(['USAGE', '`thread` is not a debugger command', 'did you mean `threads`?']);
    expect(refusal(() => runDebuggerCommand(g, 'eval')).message).toBe('write it as `eval EXPR`');
    expect(refusal(() => runDebuggerCommand(g, 'set tries')).message).toBe('write it as `set NAME = EXPR` (or `set door.open = EXPR`)');
    expect(refusal(() => runDebuggerCommand(g, 'set tries == 1')).code).toBe('USAGE');
    expect(refusal(() => runDebuggerCommand(g, 'go the beach')).message).toBe('`the beach` is not a name; write it as `go ROOM`');
    expect(refusal(() => runDebuggerCommand(g, 'stack one')).message).toBe('`one` is not a thread id; write it as `stack 2`');
    expect(refusal(() => runDebuggerCommand(g, 'eval 1 +')).code).toBe('SYNTAX');
  });
});

describe('debug hooks in a Game', () => {
  it('reports `debug` statements and, in a debug build, each line', () => {
    const text = 'room r {}\non start {\n  go r\n  debug\n  print "done"\n}\n';
    const debugs: string[] = [];
    const lines: string[] = [];
    const g = game({ debug: { onDebug: (id, p) => debugs.push(`t${id} ${p.function} ${p.line}`), onLine: (id, file, line) => lines.push(`t${id} ${file}:${line}`) } }, text, true);
    g.tick();
    expect(debugs).toEqual(['t1 on start 4']);
    expect(lines).toEqual(['t1 world.adv:3', 't1 world.adv:4', 't1 world.adv:5']);
    expect(g.transcript).toEqual(['done']);
  });

  it('does nothing for `debug` in a game not started for debugging', () => {
    const g = game({}, 'on start {\n  debug\n  print "on"\n}\n');
    g.tick();
    expect(g.transcript).toEqual(['on']);
    expect(g.errors).toEqual([]);
  });
});
