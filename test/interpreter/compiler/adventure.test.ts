// The adventure layer (docs/language.md, "Adventure statements"): the sample compiles into handlers,
// dialog functions and the declarations JSON; adventure statements become
// calls to the natives of adventure-natives.ts, in the table's argument order.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { ADVENTURE_NATIVES } from '../../../interpreter/compiler/adventure-natives.js';
import { verifyModule } from '../../../interpreter/bytecode/verify.js';
import type { Module } from '../../../interpreter/bytecode/module.js';
import { compileErrors, compileText, fixture, fn, instructions, opNames } from './support.js';

const sample = (): Module => {
  const { module } = compile([fixture('sample.adv'), fixture('sample-world.adv')]);
  verifyModule(module);
  return module;
};

/** The natives a function calls, in order, with their argument counts. */
function nativeCalls(module: Module, name: string): string[] {
  return instructions(fn(module, name))
    .filter((i) => i.startsWith('CALL_NATIVE'))
    .map((i) => {
      const [, index, argc] = i.split(' ');
      return `${module.natives[Number(index)]}/${argc}`;
    });
}

describe('the beach sample', () => {
  it('needs the room and costume it names but does not declare', () => {
    expect(compileErrors([fixture('sample.adv')]).map((e) => `${e.code} ${e.message}`)).toEqual([
      'UNKNOWN_ENTITY There is no room called `lighthouse`.',
      'UNKNOWN_ENTITY There is no costume called `keeper`.',
    ]);
  });

  it('compiles every handler, with its owner, event and `with`', () => {
    const module = sample();
    const handlers = module.handlers.map((h) => `${h.owner || '(top)'} ${h.event}${h.with ? ` with ${h.with}` : ''} = ${module.functions[h.fn]!.name}`);
    expect(handlers).toEqual([
      'shell look = beach.shell.on look',
      'shell pickup = beach.shell.on pickup',
      'door open = beach.door.on open',
      'door use with key = beach.door.on use with key',
      'door walk = beach.door.on walk',
      'beach enter = beach.on enter',
      'beach exit = beach.on exit',
      'keeper talk = keeper.on talk',
      '(top) start = on start',
      '(top) unhandled = on unhandled',
    ]);
  });

  it('turns adventure statements into native calls (a translatable line passes its id and voice to say)', () => {
    const module = sample();
    expect(nativeCalls(module, 'beach.shell.on pickup')).toEqual(['walk/2', 'take/1', 'say/4']);
    expect(nativeCalls(module, 'beach.door.on open')).toEqual(['play_sound/1']);
    expect(nativeCalls(module, 'beach.on enter')).toEqual(['cutscene_begin/0', 'walk/2', 'say/4', 'cutscene_end/0']);
    expect(nativeCalls(module, 'beach.on exit')).toEqual(['stop_music/1']);
    expect(nativeCalls(module, 'on start')).toEqual(['control/1', 'put/3', 'go/1']);
    expect(nativeCalls(module, 'chat.option 3 if')).toEqual(['has/1']);
    expect(nativeCalls(module, 'chat.option 4')).toEqual(['say/4', 'done/0']);
  });

  it('passes entities as constants and leaves out the speaker as nil', () => {
    const module = sample();
    const code = instructions(fn(module, 'beach.shell.on pickup'));
    expect(code.slice(0, 3)).toEqual(['CONST 2', 'CONST 3', 'CALL_NATIVE 1 2']);
    expect([module.constants[2], module.constants[3]]).toEqual([
      { entity: 'actor', name: 'hero' },
      { entity: 'object', name: 'shell' },
    ]);
    expect(opNames(fn(module, 'beach.shell.on look')).slice(0, 6)).toEqual(['NIL', 'CONST', 'TEXT', 'CONST', 'NIL', 'CALL_NATIVE']);
  });

  it('gives `on unhandled(verb, target)` optional parameters', () => {
    const f = fn(sample(), 'on unhandled');
    expect([f.arity, f.minArity, f.entries.length]).toEqual([2, 0, 3]);
  });

  it('describes the world as JSON data', () => {
    const d = sample().declarations as Record<string, Array<Record<string, unknown>>>;
    expect(d.verbs!.map((v) => v.id)).toEqual(['look', 'pickup', 'use', 'talk', 'open']);
    expect(d.rooms!.map((r) => [r.name, r.objects])).toEqual([
      ['beach', ['shell', 'door']],
      ['lighthouse', []],
    ]);
    expect(d.rooms![0]!.properties).toEqual([
      { name: 'background', value: 'art/beach.png', type: 'string', line: 20 },
      { name: 'music', value: 'audio/waves.ogg', type: 'string', line: 21 },
      { name: 'walkable', value: [[0, 300], [640, 300], [640, 360], [0, 360]], type: 'list', line: 22 },
      { name: 'scale', value: [300, 0.6, 360, 1], type: 'tuple', line: 23 },
    ]);
    expect(d.objects!.map((o) => [o.name, o.room])).toEqual([
      ['shell', 'beach'],
      ['door', 'beach'],
      ['key', null],
    ]);
    expect(d.objects![1]!.properties).toContainEqual({ name: 'open', value: false, type: 'boolean', line: 42 });
    expect(d.objects![1]!.properties).toContainEqual({ name: 'hotspot', value: [560, 200, 60, 100], type: 'tuple', line: 41 });
    expect(d.actors!.map((a) => a.name)).toEqual(['hero', 'keeper']);
    expect(d.costumes![0]).toEqual({
      name: 'hero',
      file: 0,
      line: 11,
      properties: [
        { name: 'sheet', value: 'art/hero.png', type: 'string', line: 12 },
        { name: 'frame', value: [32, 48], type: 'point', line: 13 },
      ],
      animations: [
        { name: 'idle', frames: [0], fps: null },
        { name: 'walk', frames: [1, 2, 3, 4], fps: 8 },
        { name: 'talk', frames: [5, 6], fps: 6 },
      ],
    });
    expect(d.costumes![1]!.file).toBe(1);
  });

  it('lists dialog options with their condition and body functions', () => {
    const module = sample();
    const chat = (module.declarations as { dialogs: Array<{ name: string; options: Array<{ text: string; once: boolean; condition: number | null; body: number }> }> }).dialogs[0]!;
    expect(chat.name).toBe('chat');
    expect(chat.options.map((o) => [o.text, o.once, o.condition === null ? null : module.functions[o.condition]!.name, module.functions[o.body]!.name])).toEqual([
      ['Who are you?', false, null, 'chat.option 1'],
      ['Nice hat.', true, null, 'chat.option 2'],
      ['Got any keys?', false, 'chat.option 3 if', 'chat.option 3'],
      ['Bye.', false, null, 'chat.option 4'],
    ]);
  });

  it('reports every asset it uses', () => {
    const { assetsUsed } = compile([fixture('sample.adv'), fixture('sample-world.adv')]);
    expect(assetsUsed).toEqual(['art/beach.png', 'art/hero.png', 'art/keeper.png', 'art/key.png', 'art/lighthouse.png', 'art/shell.png', 'audio/creak.wav', 'audio/waves.ogg']);
  });
});

describe('adventure statements', () => {
  const world = 'actor hero {}\nroom beach {}\nobject lamp {}\ndialog chat { option "Bye." { done } }\n';

  it('passes arguments in the order of the natives table', () => {
    const { module } = compileText(`actor hero {}\nobject lamp {}\non start {\n  face hero left\n  play music "a.ogg" fade 2\n  play music "b.ogg"\n  stop music\n  show lamp\n  hide lamp\n  drop lamp\n  end game\n}`);
    expect(instructions(fn(module, 'on start')).filter((i) => !i.startsWith('POP'))).toEqual([
      'CONST 0', 'CONST 1', 'CALL_NATIVE 0 2',
      'CONST 2', 'INT 2', 'CALL_NATIVE 1 2',
      'CONST 3', 'NIL', 'CALL_NATIVE 1 2',
      'NIL', 'CALL_NATIVE 2 1',
      'CONST 4', 'CALL_NATIVE 3 1',
      'CONST 4', 'CALL_NATIVE 4 1',
      'CONST 4', 'CALL_NATIVE 5 1',
      'CALL_NATIVE 6 0',
      'RETURN_NIL',
    ]);
    expect(module.natives).toEqual(['face', 'play_music', 'stop_music', 'show', 'hide', 'drop', 'end_game']);
    expect(module.constants.slice(0, 4)).toEqual([{ entity: 'actor', name: 'hero' }, 'left', 'a.ogg', 'b.ogg']);
  });

  it('uses only natives of the table, with the table\'s argument counts', () => {
    const { module } = compile([fixture('sample.adv'), fixture('sample-world.adv')]);
    const table = new Map(ADVENTURE_NATIVES.map((n) => [n.name, n.args.length]));
    for (const f of module.functions) {
      for (const i of instructions(f).filter((x) => x.startsWith('CALL_NATIVE'))) {
        const [, index, argc] = i.split(' ');
        expect(table.get(module.natives[Number(index)]!)).toBe(Number(argc));
      }
    }
  });

  it('reads `here` by calling its native, and `has(x)` like a function', () => {
    const { module } = compileText(`${world}on start { print here == beach and has(lamp) }`);
    expect(nativeCalls(module, 'on start')).toEqual(['here/0', 'has/1']);
  });

  it('ends the cutscene before break, continue, return or done leave it', () => {
    const { module } = compileText(`${world}fn f(x) { while true { cutscene { if x { break }\nreturn 1 } } }\ndialog d { option "o" { cutscene { done } } }`);
    expect(nativeCalls(module, 'f')).toEqual(['cutscene_begin/0', 'cutscene_end/0', 'cutscene_end/0']);
    expect(opNames(fn(module, 'f')).slice(-4)).toEqual(['CALL_NATIVE', 'POP', 'RETURN', 'RETURN_NIL']);
    expect(nativeCalls(module, 'd.option 1')).toEqual(['cutscene_begin/0', 'done/0', 'cutscene_end/0']);
  });

  it('lets `done` leave the option at once', () => {
    const { module, warnings } = compileText('dialog d { option "o" { done\nprint 1 } }');
    expect(opNames(fn(module, 'd.option 1'))).toEqual(['CALL_NATIVE', 'POP', 'RETURN_NIL']);
    expect(warnings.map((w) => w.code)).toEqual(['UNREACHABLE_CODE']);
  });

  it('accepts verb handlers without a verbs block, and built-in events with one', () => {
    expect(() => compileText('object o { on smell { } }')).not.toThrow();
    expect(() => compileText('verbs { look: "Look" }\nobject o { on walk { }\non look { } }\nroom r { on enter { }\non exit { } }\non start { }\non unhandled(v, t) { }')).not.toThrow();
    // `use` and `talk` are verbs like any other: a game that has a verbs block must declare them
    expect(compileErrors('verbs { look: "Look" }\nobject o { on use { }\non talk { } }').map((e) => e.code)).toEqual(['UNKNOWN_VERB', 'UNKNOWN_VERB']);
  });

  it('allows several top-level `on start`, but not two identical object handlers', () => {
    expect(compileText('on start { }\non start { }').module.handlers.map((h) => h.event)).toEqual(['start', 'start']);
    expect(compileErrors('object o { on look { }\non look { } }').map((e) => e.code)).toEqual(['DUPLICATE_NAME']);
  });

  it('makes entities values usable in expressions and as map keys of properties', () => {
    const { module } = compileText(`${world}object box { target: lamp\n  info: {weight: 2}\n  span: 1..3 }\non start { lamp.lit = not lamp.lit }`);
    const box = (module.declarations as { objects: Array<{ name: string; properties: unknown[] }> }).objects.find((o) => o.name === 'box')!;
    expect(box.properties).toEqual([
      { name: 'target', value: { $entity: 'object', name: 'lamp' }, type: 'entity', line: 5 },
      { name: 'info', value: { $map: [['weight', 2]] }, type: 'map', line: 6 },
      { name: 'span', value: { $range: [1, 3] }, type: 'range', line: 7 },
    ]);
    expect(opNames(fn(module, 'on start'))).toEqual(['CONST', 'CONST', 'MEMBER_GET', 'NOT', 'MEMBER_SET', 'RETURN_NIL']);
  });
});
