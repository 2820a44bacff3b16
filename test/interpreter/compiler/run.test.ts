// End to end: compile, then run on the VM. Folded code must print exactly
// what the same expression prints when computed at run time; runtime errors
// name the right line; adventure statements reach their natives in order.

import { describe, expect, it } from 'vitest';
import { compile, type CompileOptions } from '../../../interpreter/compiler/compile.js';
import { ADVENTURE_NATIVES } from '../../../interpreter/compiler/adventure-natives.js';
import { CairnError } from '../../../interpreter/errors.js';
import type { NativeDef } from '../../../interpreter/vm/native-table.js';
import { EntityRef, type Value } from '../../../interpreter/vm/values.js';
import { VM, type Host } from '../../../interpreter/vm/vm.js';
import { fixture } from './support.js';

interface Run {
  output: string[];
  calls: string[];
  vm: VM;
}

/** Stand-ins for the adventure runtime: each records its call and returns nil (or a room for `here`). */
function adventureStubs(calls: string[], display: (v: Value) => string): NativeDef[] {
  return ADVENTURE_NATIVES.map((n) => ({
    name: n.name,
    params: n.args.map(() => 'any' as const),
    blocking: false,
    doc: n.statement,
    fn: (args: Value[]) => {
      calls.push(`${n.name}(${args.map(display).join(', ')})`);
      return n.name === 'here' ? new EntityRef('room', 'beach') : n.name === 'has' ? false : null;
    },
  }));
}

/** A world whose entities keep their members in a Map. */
function memoryHost(): Host {
  const members = new Map<string, Value>();
  return {
    getMember: (ref, name) => members.get(`${ref.name}.${name}`) ?? null,
    setMember: (ref, name, value) => void members.set(`${ref.name}.${name}`, value),
  };
}

function run(files: Array<{ file: string; text: string }>, event = 'start', options: CompileOptions = {}): Run {
  const output: string[] = [];
  const calls: string[] = [];
  const { module } = compile(files, options);
  let vm: VM | undefined;
  vm = new VM(module, { print: (line) => output.push(line), natives: adventureStubs(calls, (v) => vm!.display(v)), host: memoryHost() });
  vm.init();
  vm.startHandlers(event);
  for (let i = 0; i < 600 && vm.threadCount > 0; i++) vm.tick();
  return { output, calls, vm };
}

const runText = (text: string): string[] => run([{ file: 'run.adv', text }]).output;

describe('folding agrees with the VM', () => {
  const expressions = [
    '1 + 2 * 3', '7 / 2', '-7 % 3', '7 % -3', '-1 % 3', '0.1 + 0.2', '2 - 3', '10 - 4 - 3', '1e300 * 1e10',
    '"a" + "b"', '1 < 2', '"a" < "b"', '"b" <= "a"', '3 >= 3.5', '1 == 1.0', '1 != "1"', 'nil == nil',
    'not 0', 'not nil', 'nil or false', '1 and "x"', 'false and 1', 'true or 0',
    '"n={1.5}"', '"{1e21}"', '"{0.1 + 0.2}"', '"{-0}"', '-0', '"{true} {nil} {2 > 1}"', '-(2 * 3)',
  ];
  // The same expression with every literal behind a call, so nothing can be folded.
  const opaque = (e: string): string => e.replace(/"[^"]*"|\d+(?:\.\d+)?(?:e\d+)?|\btrue\b|\bfalse\b|\bnil\b/g, (lit) => (lit.startsWith('"') && lit.includes('{') ? lit.replace(/\{([^}]*)\}/g, (_, inner: string) => `{${opaque(inner)}}`) : `id(${lit})`));

  it.each(expressions)('%s', (e) => {
    const folded = runText(`on start { print ${e} }`);
    const computed = runText(`fn id(x) { return x }\non start { print ${opaque(e)} }`);
    expect(opaque(e)).not.toBe(e);
    expect(folded).toEqual(computed);
  });
});

describe('programs', () => {
  it('runs defaults, function values, loops with break/continue and compound assignment', () => {
    const output = runText(`
fn greet(who, greeting = "Hello", mark = "!") { return "{greeting}, {who}{mark}" }
var calls = 0
fn next() { calls += 1; return 0 }
on start {
  print greet("Robin")
  print greet("Robin", "Ahoy")
  let f = greet
  print f("you", "Hi", "?")
  let xs = [10, 20]
  xs[next()] += 5
  print xs
  print calls
  let m = {gold: 1}
  m.gold *= 4
  m["gold"] -= 1
  print m.gold
  let total = 0
  for i in 0..10 { if i % 2 == 0 { continue }; if i > 7 { break }; total += i }
  print total
  for i in 0..3 { i = i * 10; total += i }
  print total
  let s = ""
  for c in "abc" { s = c + s }
  print s
}`);
    expect(output).toEqual(['Hello, Robin!', 'Ahoy, Robin!', 'Hi, you?', '[15, 20]', '1', '3', '16', '46', 'cba']);
  });

  it('evaluates `and`/`or` operands at most once and left to right', () => {
    const output = runText(`
fn side(label, value) { print label; return value }
on start {
  if side("a", true) and side("b", false) or side("c", 1) { print "yes" }
  print side("d", nil) or side("e", 0)
}`);
    expect(output).toEqual(['a', 'b', 'c', 'yes', 'd', 'e', 'true']);
  });

  it('waits, spawns and stops threads', () => {
    const output = runText(`
var ready = false
fn later() { wait 3 ticks; ready = true }
fn forever() { while true { yield } }
on start {
  let t = spawn forever()
  spawn later()
  wait until ready
  stop t
  print "ready"
}`);
    expect(output).toEqual(['ready']);
  });

  it('reports a runtime error at the line of the failing operation', () => {
    const program = 'const BAD = 1\nfn half(x) {\n  return x / (BAD - 1)\n}\non start { print half(4) }';
    const { module } = compile([{ file: 'run.adv', text: program }]);
    const vm = new VM(module, { print: () => {} });
    vm.init();
    vm.startHandlers('start');
    let error: unknown;
    try {
      vm.tick();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CairnError);
    expect((error as CairnError).code).toBe('DIVIDE_BY_ZERO');
    expect((error as CairnError).span?.start.line).toBe(3);
  });

  it('initialises globals from several files in order, consts first', () => {
    const { vm } = run([
      { file: 'a.adv', text: 'var total = BASE + BASE' },
      { file: 'b.adv', text: 'const BASE = [1, 2]\nvar copy = total' },
    ]);
    expect(vm.display(vm.getGlobal('total'))).toBe('[1, 2, 1, 2]');
    expect(vm.display(vm.getGlobal('copy'))).toBe('[1, 2, 1, 2]');
  });
});

describe('the adventure sample', () => {
  const files = () => [fixture('sample.adv'), fixture('sample-world.adv')];

  it('runs `on start` and the room and object handlers through the adventure natives', () => {
    expect(run(files()).calls).toEqual(['control(hero)', 'put(hero, beach, (100, 330))', 'go(beach)']);
    const { module } = compile(files());
    const calls: string[] = [];
    const vm: VM = new VM(module, { print: () => {}, natives: adventureStubs(calls, (v) => vm.display(v)), host: memoryHost() });
    vm.init();
    vm.startHandlers('enter', 'beach');
    vm.startHandlers('pickup', 'shell');
    vm.startHandlers('open', 'door');
    vm.startHandlers('use', 'door', [], 'key');
    vm.startHandlers('unhandled', '', ['smell', new EntityRef('object', 'door')]);
    vm.tick();
    expect(calls).toEqual([
      'cutscene_begin()', 'walk(hero, (200, 330))', 'say(nil, What a morning., sample.room_beach.on_enter.c48eb0d5, nil)', 'cutscene_end()',
      'walk(hero, shell)', 'take(shell)', 'say(nil, Mine now., sample.room_beach.object_shell.on_pickup.f8cbebfe, nil)',
      'play_sound(audio/creak.wav)',
      'say(nil, It\'s already open., sample.room_beach.object_door.on_use_with_key.3aaaf35e, nil)',
      'say(nil, I can\'t smell that., sample.on_unhandled.dbcc3fc0, nil)',
    ]);
  });

  it('runs dialog conditions and option bodies as functions', () => {
    const { module } = compile(files());
    const calls: string[] = [];
    const vm: VM = new VM(module, { print: () => {}, natives: adventureStubs(calls, (v) => vm.display(v)) });
    vm.init();
    const chat = (module.declarations as { dialogs: Array<{ options: Array<{ condition: number | null; body: number }> }> }).dialogs[0]!;
    expect(vm.call(chat.options[2]!.condition!)).toBe(true);
    vm.call(chat.options[3]!.body);
    expect(calls).toEqual(['has(key)', 'say(nil, See you., sample.dialog_chat.option.c4b1835e, nil)', 'done()']);
  });
});
