// Evaluating an expression in a running game (walkthrough `expect`, debugger
// console): compileExpression reads the module's globals, functions, entities
// and natives by name and appends one function; VM.evaluate runs it at once,
// refuses modules that do not extend the loaded one, and leaves no trace in
// snapshots or in the game's run.

import { describe, expect, it } from 'vitest';
import { ADVENTURE_NATIVES } from '../../../interpreter/compiler/adventure-natives.js';
import { compile } from '../../../interpreter/compiler/compile.js';
import { compileExpression } from '../../../interpreter/compiler/compile-expression.js';
import type { Module } from '../../../interpreter/bytecode/module.js';
import { Op } from '../../../interpreter/bytecode/opcodes.js';
import type { NativeDef } from '../../../interpreter/vm/native-table.js';
import { EntityRef, type Value } from '../../../interpreter/vm/values.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { errorOf, placeOf } from './support/harness.js';

const GAME = `const MAX_TRIES = 3
const START = (100, 330)
var tries = 0
var log = []

room beach {
  object door { open: false }
}
object key { name: "brass key" }

fn greet(who, greeting = "Hello") { return "{greeting}, {who}" }
fn boom() { return len(3) }
fn talk() { say "hi" }

on start {
  while tries < MAX_TRIES {
    tries += 1
    push(log, random(1, 100))
    wait 1 ticks
  }
  print "finished {tries} {log}"
}
`;

/** The adventure natives as stubs: `has(key)` is true, `here` is the beach, `say` blocks. */
const STUBS: NativeDef[] = ADVENTURE_NATIVES.map((n) => ({
  name: n.name,
  params: n.args.map(() => 'any' as const),
  blocking: n.blocking,
  doc: n.statement,
  fn: (args: Value[], ctx) => {
    if (n.name === 'has') return args[0] instanceof EntityRef && args[0].name === 'key';
    if (n.name === 'here') return new EntityRef('room', 'beach');
    return n.blocking ? ctx.block(null) : null;
  },
}));

interface Game {
  module: Module;
  vm: VM;
  lines: string[];
  members: Map<string, Value>;
}

function startGame(): Game {
  const { module } = compile([{ file: 'scripts/game.adv', text: GAME }]);
  const lines: string[] = [];
  const members = new Map<string, Value>([['door.open', false]]);
  const host = { getMember: (ref: EntityRef, name: string) => members.get(`${ref.name}.${name}`) ?? null, setMember: () => {} };
  const vm = new VM(module, { seed: 7, natives: STUBS, host, print: (l) => lines.push(l) });
  vm.init();
  vm.startHandlers('start');
  return { module, vm, lines, members };
}

/** Compiles `text` against the game and evaluates it now. */
function evaluate(game: Game, text: string): Value {
  const { module, fn } = compileExpression(text, game.module);
  return game.vm.evaluate(module, fn);
}

describe('compileExpression', () => {
  it('appends one function and pool entries, leaving every existing index as it was', () => {
    const { module } = startGame();
    const before = { constants: module.constants.slice(), natives: module.natives.slice(), functions: module.functions.slice() };
    const out = compileExpression('greet("Robin") + " at {START}" + str(MAX_TRIES * 1.5)', module);
    expect(out.fn).toBe(module.functions.length);
    expect(out.module.functions).toHaveLength(module.functions.length + 1);
    expect(out.module.functions[out.fn]!).toMatchObject({ name: '<expression>', arity: 0, minArity: 0 });
    out.module.functions.slice(0, module.functions.length).forEach((f, i) => expect(f).toBe(module.functions[i]));
    expect(out.module.constants.slice(0, module.constants.length)).toEqual(module.constants);
    expect(out.module.natives.slice(0, module.natives.length)).toEqual(module.natives);
    expect(out.module.globals).toBe(module.globals);
    expect(out.module.files.at(-1)).toBe('<expect>');
    // The module passed in is not changed.
    expect({ constants: module.constants, natives: module.natives, functions: module.functions }).toEqual(before);
  });

  it('names unknown names with a hint and a place in the expression', () => {
    const { module } = startGame();
    const err = errorOf(() => compileExpression('tires == 1', module));
    expect(err).toMatchObject({ code: 'UNKNOWN_NAME', message: '`tires` is not declared.', hint: 'did you mean `tries`?' });
    expect(placeOf(err)).toBe('<expect>:1:1');
    const member = errorOf(() => compileExpression('doorr.open', module, { file: 'tests/beach.walk' }));
    expect([member.code, member.hint, placeOf(member)]).toEqual(['UNKNOWN_NAME', 'did you mean `door`?', 'tests/beach.walk:1:1']);
    expect(errorOf(() => compileExpression('gret("x")', module)).hint).toBe('did you mean `greet`?');
  });

  it('reports what the compiler reports: arity with the declaration, syntax, several errors at once', () => {
    const { module } = startGame();
    const arity = errorOf(() => compileExpression('greet()', module));
    expect(arity.code).toBe('WRONG_ARITY');
    expect(arity.notes[0]!.span!.source).toBe('scripts/game.adv');
    expect(arity.notes[0]!.span!.start.line).toBe(11);
    expect(errorOf(() => compileExpression('tries ==', module)).code).toBe('SYNTAX');
    const both = errorOf(() => compileExpression('a + b', module));
    expect(both.code).toBe('COMPILE_FAILED');
    expect(both.all().map(placeOf)).toEqual(['<expect>:1:1', '<expect>:1:5']);
  });

  it('keeps statement-only natives and handlers out of reach', () => {
    const { module } = startGame();
    expect(errorOf(() => compileExpression('play_sound("x")', module)).code).toBe('UNKNOWN_NAME');
    expect(errorOf(() => compileExpression('len', module)).code).toBe('NOT_A_VALUE');
  });
});

describe('VM.evaluate', () => {
  it('reads globals, consts, lists and calls script functions', () => {
    const game = startGame();
    game.vm.tick();
    expect(evaluate(game, 'tries == 1')).toBe(true);
    expect(evaluate(game, 'tries')).toBe(1);
    expect(evaluate(game, 'MAX_TRIES - tries')).toBe(2);
    expect(game.vm.display(evaluate(game, 'START'))).toBe('(100, 330)');
    expect(evaluate(game, 'len(log)')).toBe(1);
    expect(evaluate(game, 'greet("Robin", "Hi")')).toBe('Hi, Robin');
    expect(evaluate(game, '"{tries} of {MAX_TRIES}"')).toBe('1 of 3');
  });

  it('reads entity members through the host, and the adventure natives', () => {
    const game = startGame();
    expect(evaluate(game, 'door.open == true')).toBe(false);
    game.members.set('door.open', true);
    expect(evaluate(game, 'door.open == true')).toBe(true);
    expect(evaluate(game, 'has(key)')).toBe(true);
    expect(evaluate(game, 'has(door)')).toBe(false);
    expect(evaluate(game, 'here == beach')).toBe(true);
    expect(evaluate(game, 'max(1, 2) + abs(-3)')).toBe(5);
  });

  it('reuses a compiled expression and sees the game move on', () => {
    const game = startGame();
    const { module, fn } = compileExpression('tries', game.module);
    const seen: Value[] = [];
    for (let i = 0; i < 3; i++) {
      game.vm.tick();
      seen.push(game.vm.evaluate(module, fn));
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('raises runtime errors as CairnErrors placed in the expression or in the game code it calls', () => {
    const game = startGame();
    const div = errorOf(() => evaluate(game, 'tries / 0'));
    expect([div.code, placeOf(div)]).toEqual(['DIVIDE_BY_ZERO', '<expect>:1:7']);
    const inGame = errorOf(() => evaluate(game, 'boom()'));
    expect([inGame.code, placeOf(inGame)]).toEqual(['BAD_ARGUMENT', 'scripts/game.adv:12:20']);
    expect(inGame.notes.map((n) => n.message)).toEqual(['called from `<expression>`']);
    const waits = errorOf(() => evaluate(game, 'talk()'));
    expect(waits.code).toBe('RUNTIME');
    expect(waits.message).toBe('say() waits, and cannot be used here');
    // The game is unharmed: it runs on as if nothing happened.
    while (game.vm.threadCount > 0) game.vm.tick();
    expect(game.lines).toHaveLength(1);
  });

  it('leaves no trace: snapshots before and after are equal, and the run is the same', () => {
    const quiet = startGame();
    const looked = startGame();
    for (let i = 0; i < 2; i++) {
      quiet.vm.tick();
      looked.vm.tick();
    }
    const before = looked.vm.snapshot();
    for (const text of ['random(1, 6)', '[log, log, {a: "{tries}"}]', 'greet("x" + str(tries))', 'has(key) and not door.open', 'tries / 0']) {
      try {
        evaluate(looked, text);
      } catch {
        // an error is as good as a value here
      }
    }
    expect(looked.vm.snapshot()).toEqual(before);
    expect(looked.vm.snapshot()).toEqual(quiet.vm.snapshot());
    while (quiet.vm.threadCount > 0) quiet.vm.tick();
    while (looked.vm.threadCount > 0) looked.vm.tick();
    expect(looked.lines).toEqual(quiet.lines);
    expect(looked.vm.snapshot()).toEqual(quiet.vm.snapshot());
  });

  it('evaluates an expression compiled against an already extended module', () => {
    const game = startGame();
    const first = compileExpression('1', game.module);
    const second = compileExpression('tries + 10', first.module);
    expect(second.module.functions[second.fn]!.name).toBe('<expression> #2');
    expect(game.vm.evaluate(second.module, second.fn)).toBe(10);
  });

  it('refuses modules that do not extend the loaded one', () => {
    const game = startGame();
    const other = compile([{ file: 'scripts/game.adv', text: GAME.replace('var log = []', 'var log = []\nvar extra = 1') }]).module;
    const foreign = compileExpression('tries', other);
    expect(errorOf(() => game.vm.evaluate(foreign.module, foreign.fn)).code).toBe('MODULE_INVALID');
    const ok = compileExpression('tries', game.module);
    const tampered = { ...ok.module, constants: ok.module.constants.map((k) => (k === 'Hello' ? 'Howdy' : k)) };
    expect(errorOf(() => game.vm.evaluate(tampered, ok.fn)).message).toMatch(/constant \d+ differs/);
    const reordered = { ...ok.module, functions: [...ok.module.functions.slice(1, -1), ok.module.functions[0]!, ok.module.functions.at(-1)!] };
    expect(errorOf(() => game.vm.evaluate(reordered, ok.fn)).message).toMatch(/function 0 is not the program's/);
  });

  it('refuses appended code that would outlive the call (a function value of itself)', () => {
    const game = startGame();
    const { module, fn } = compileExpression('tries', game.module);
    const self = { ...module.functions[fn]!, code: Int32Array.from([Op.FN, fn, Op.RETURN]), lines: Int32Array.from([0, 1, 1]), maxStack: 1 };
    const escaping = { ...module, functions: [...module.functions.slice(0, fn), self] };
    expect(errorOf(() => game.vm.evaluate(escaping, fn)).message).toMatch(/not make a function value of it/);
    const broken = { ...module, functions: [...module.functions.slice(0, fn), { ...self, code: Int32Array.from([Op.GET_LOCAL, 9, Op.RETURN]) }] };
    expect(errorOf(() => game.vm.evaluate(broken, fn)).code).toBe('MODULE_INVALID');
  });
});
