// Every compile-time error of docs/language.md, "Compile errors", with its
// code, its place (file:line:column) and its hint; several errors reported in one run.

import { describe, expect, it } from 'vitest';
import { compileError, compileErrors, compileText, formattedErrors } from './support.js';

describe('names', () => {
  it('reports reading an unknown name with a "did you mean" hint', () => {
    expect(compileError('var lamp = 1\non start {\n  print lampp\n}\n')).toEqual({
      code: 'UNKNOWN_NAME',
      at: 'test.adv:3:9',
      message: '`lampp` is not declared.',
      hint: 'did you mean `lamp`?',
    });
  });

  it('suggests locals, functions and natives too', () => {
    expect(compileError('fn f() { let count = 1\n  print cout }').hint).toBe('did you mean `count`?');
    expect(compileError('fn greet() {}\non start { gret() }').hint).toBe('did you mean `greet`?');
    expect(compileError('on start { print lenn([1]) }').hint).toBe('did you mean `len`?');
  });

  it('does not see a local outside its block', () => {
    expect(compileError('on start {\n  if true { let x = 1 }\n  print x\n}').code).toBe('UNKNOWN_NAME');
  });

  it('does not let a function read another function\'s locals (no closures)', () => {
    expect(compileError('fn a() { let secret = 1; return secret }\nfn b() { return secret }').at).toBe('test.adv:2:17');
  });

  it('reports assigning an undeclared name, suggesting `let`', () => {
    expect(compileError('on start {\n  counter = 3\n}')).toEqual({
      code: 'ASSIGN_UNDECLARED',
      at: 'test.adv:2:3',
      message: '`counter` is not declared.',
      hint: 'declare it first: `let counter = …` (or `var counter = …` at top level)',
    });
    expect(compileError('var count = 0\non start { cont += 1 }').hint).toBe('did you mean `count`? Otherwise declare it first: `let cont = …` (or `var cont = …` at top level)');
  });

  it('reports assigning a constant', () => {
    expect(compileError('const MAX = 3\non start {\n  MAX = 4\n}')).toMatchObject({ code: 'ASSIGN_CONST', at: 'test.adv:3:3', hint: 'declare it with `var MAX = …` to make it changeable' });
    expect(compileError('const MAX = 3\non start { MAX += 1 }').code).toBe('ASSIGN_CONST');
  });

  it('reports assigning a function, an entity or a native', () => {
    expect(compileError('fn f() {}\non start { f = 1 }')).toMatchObject({ code: 'INVALID_TARGET', message: '`f` is a function and cannot be assigned.' });
    expect(compileError('object lamp {}\non start { lamp = 1 }')).toMatchObject({ code: 'INVALID_TARGET', hint: 'to change one of its properties, write `lamp.property = …`' });
    expect(compileError('on start { len = 1 }').code).toBe('INVALID_TARGET');
  });

  it('reports a name declared twice, with a note at the first', () => {
    const errors = compileErrors('var x = 1\nfn x() {}\non start { let a = 1; let a = 2; print a }');
    expect(errors.map((e) => [e.code, e.at])).toEqual([
      ['DUPLICATE_NAME', 'test.adv:2:4'],
      ['DUPLICATE_NAME', 'test.adv:3:27'],
    ]);
  });

  it('allows shadowing in an inner block', () => {
    expect(() => compileText('on start { let x = 1; if true { let x = 2; print x }; print x }')).not.toThrow();
  });

  it('reports a built-in function used as a value', () => {
    expect(compileError('on start { let f = len; f([]) }')).toMatchObject({ code: 'NOT_A_VALUE', at: 'test.adv:1:20' });
  });
});

describe('calls', () => {
  it('reports calling a function with the wrong number of arguments', () => {
    const errors = compileErrors('fn two(a, b) { return a + b }\non start {\n  print two(1)\n  print two(1, 2, 3)\n}');
    expect(errors).toEqual([
      { code: 'WRONG_ARITY', at: 'test.adv:3:9', message: '`two` takes 2 arguments, but one is passed here.' },
      { code: 'WRONG_ARITY', at: 'test.adv:4:9', message: '`two` takes 2 arguments, but 3 are passed here.' },
    ]);
  });

  it('counts default parameters', () => {
    const source = 'fn greet(who, greeting = "Hello") { return who }\non start { greet() }';
    expect(compileError(source).message).toBe('`greet` takes 1 to 2 arguments, but 0 are passed here.');
    expect(compileError(source.replace('greet()', 'greet(1, 2, 3)')).code).toBe('WRONG_ARITY');
  });

  it('reports calling a native with the wrong number of arguments', () => {
    expect(compileError('on start {\n  print len()\n}')).toEqual({ code: 'WRONG_ARITY', at: 'test.adv:2:9', message: '`len` takes 1 argument, but 0 are passed here.' });
    expect(compileError('on start { print random(1) }').message).toBe('`random` takes 2 arguments, but one is passed here.');
  });

  it('checks `spawn` like a call, and only spawns script functions', () => {
    expect(compileError('fn w(n) {}\non start { spawn w() }').code).toBe('WRONG_ARITY');
    expect(compileError('on start { spawn len([]) }')).toMatchObject({ code: 'INVALID_SPAWN', at: 'test.adv:1:18' });
  });

  it('checks the arity of adventure natives called by name', () => {
    expect(compileError('object key {}\non start { print has(key, key) }').code).toBe('WRONG_ARITY');
  });

  it('uses the natives table the host passes', () => {
    const natives = [{ name: 'beep', minArity: 0, maxArity: 1, blocking: false }];
    expect(compileError('on start { beep(1, 2) }', { natives }).message).toBe('`beep` takes 0 to 1 arguments, but 2 are passed here.');
    expect(compileError('on start { len([]) }', { natives }).code).toBe('UNKNOWN_NAME');
  });
});

describe('control flow', () => {
  it('reports break and continue outside a loop', () => {
    expect(compileErrors('fn f() {\n  break\n}\nfn g() {\n  continue\n}')).toEqual([
      { code: 'BREAK_OUTSIDE_LOOP', at: 'test.adv:2:3', message: '`break` can only be used inside a `while` or `for` loop.' },
      { code: 'CONTINUE_OUTSIDE_LOOP', at: 'test.adv:5:3', message: '`continue` can only be used inside a `while` or `for` loop.' },
    ]);
  });

  it('reports `done` outside a dialog option', () => {
    expect(compileError('on start {\n  done\n}')).toMatchObject({ code: 'DONE_OUTSIDE_DIALOG', at: 'test.adv:2:3' });
  });

  it('reports `return` at top level (the parser lets it through for this)', () => {
    expect(compileError('var x = 1\nreturn x')).toEqual({ code: 'RETURN_AT_TOP_LEVEL', at: 'test.adv:2:1', message: '`return` can only be used inside a function or handler.' });
    expect(compileError('return').code).toBe('RETURN_AT_TOP_LEVEL');
    expect(compileError('print 1').code).toBe('SYNTAX');
  });
});

describe('constants and declarations', () => {
  it('reports a const whose value is only known at run time', () => {
    expect(compileError('var v = 1\nconst C = v + 1')).toMatchObject({ code: 'NOT_CONSTANT', at: 'test.adv:2:11' });
    expect(compileError('const C = len([1])').code).toBe('NOT_CONSTANT');
    expect(compileError('const A = B\nconst B = A')).toMatchObject({ code: 'NOT_CONSTANT', message: 'The constant `A` is defined in terms of itself.' });
  });

  it('reports a property that is not constant', () => {
    expect(compileError('var w = 1\nobject box {\n  weight: w + 1\n}')).toMatchObject({ code: 'NOT_CONSTANT', at: 'test.adv:3:11' });
  });

  it('reports a parameter without default after one with a default', () => {
    expect(compileError('fn f(a = 1, b) {}')).toMatchObject({ code: 'INVALID_DECLARATION', at: 'test.adv:1:13' });
  });

  it('reports tuples that are not points in code', () => {
    expect(compileError('on start { let t = (1, 2, 3) }')).toMatchObject({ code: 'INVALID_TUPLE', at: 'test.adv:1:20' });
  });

  it('checks well-known properties', () => {
    const errors = compileErrors('object o {\n  at: "here"\n  hotspot: (1, 2)\n  walk: [1] fps 3\n}\nroom r { walkable: [(0, 0), (1, 1)] }');
    expect(errors.map((e) => [e.code, e.at])).toEqual([
      ['INVALID_PROPERTY', 'test.adv:2:7'],
      ['INVALID_PROPERTY', 'test.adv:3:12'],
      ['INVALID_PROPERTY', 'test.adv:4:17'],
      ['INVALID_PROPERTY', 'test.adv:6:20'],
    ]);
  });

  it('reports a property set twice, but allows several walkable polygons', () => {
    expect(compileError('object o {\n  name: "a"\n  name: "b"\n}').code).toBe('DUPLICATE_NAME');
    expect(() => compileText('room r {\n  walkable: [(0, 0), (1, 0), (1, 1)]\n  walkable: [(5, 5), (6, 5), (6, 6)]\n}')).not.toThrow();
  });
});

describe('the adventure layer', () => {
  const world = 'actor hero {}\nroom beach {}\nobject shell {}\ndialog chat { option "Bye." { done } }\n';

  it('reports unknown rooms, objects, actors and dialogs with a hint', () => {
    const errors = compileErrors(`${world}on start {\n  go beech\n  take shel\n  walk heroo to (1, 2)\n  choose chatt\n}`);
    expect(errors).toEqual([
      { code: 'UNKNOWN_ENTITY', at: 'test.adv:6:6', message: 'There is no room called `beech`.', hint: 'did you mean `beach`?' },
      { code: 'UNKNOWN_ENTITY', at: 'test.adv:7:8', message: 'There is no object called `shel`.', hint: 'did you mean `shell`?' },
      { code: 'UNKNOWN_ENTITY', at: 'test.adv:8:8', message: 'There is no actor called `heroo`.', hint: 'did you mean `hero`?' },
      { code: 'UNKNOWN_ENTITY', at: 'test.adv:9:10', message: 'There is no dialog called `chatt`.', hint: 'did you mean `chat`?' },
    ]);
  });

  it('reports an entity of the wrong kind', () => {
    expect(compileError(`${world}on start { say beach "hi" }`).message).toBe('`beach` is a room, not an actor.');
    expect(compileError(`${world}on start { go hero }`).message).toBe('`hero` is an actor, not a room.');
  });

  it('accepts a variable holding an entity', () => {
    expect(() => compileText(`${world}fn greet(who) { say who "Hi." }\non start { greet(hero) }`)).not.toThrow();
  });

  it('reports an unknown costume and an unknown `with` object', () => {
    expect(compileError('actor hero { costume: "hro" }\ncostume hero { sheet: "a.png" }')).toMatchObject({ code: 'UNKNOWN_ENTITY', at: 'test.adv:1:23', hint: 'did you mean `hero`?' });
    expect(compileError('object door { on use with ky { } }\nobject key {}')).toMatchObject({ code: 'UNKNOWN_ENTITY', at: 'test.adv:1:27', hint: 'did you mean `key`?' });
  });

  it('reports a handler for a verb that is not declared, when a verbs block exists', () => {
    const source = 'verbs { look: "Look at", pickup: "Pick up" }\nobject shell {\n  on lok { }\n  on pickup { }\n  on walk { }\n}';
    expect(compileError(source)).toEqual({ code: 'UNKNOWN_VERB', at: 'test.adv:3:6', message: '`lok` is not a declared verb.', hint: 'did you mean `look`?' });
    expect(() => compileText('object shell { on lok { } }')).not.toThrow();
  });

  it('checks asset paths through the host, with a hint from the asset names', () => {
    const assets = ['art/beach.png', 'audio/creak.wav'];
    const options = { assetExists: (p: string) => assets.includes(p), assetNames: () => assets };
    const errors = compileErrors('room beach { background: "art/beech.png" }\non start {\n  play sound "audio/creek.wav"\n  play music "nothing.ogg"\n}', options);
    expect(errors).toEqual([
      { code: 'UNKNOWN_ASSET', at: 'test.adv:1:26', message: 'There is no asset `art/beech.png`.', hint: 'did you mean `art/beach.png`?' },
      { code: 'UNKNOWN_ASSET', at: 'test.adv:3:14', message: 'There is no asset `audio/creek.wav`.', hint: 'did you mean `audio/creak.wav`?' },
      { code: 'UNKNOWN_ASSET', at: 'test.adv:4:14', message: 'There is no asset `nothing.ogg`.', hint: "asset paths are relative to the project's `assets/` folder" },
    ]);
  });
});

describe('reporting', () => {
  it('reports every error of a run, in source order, across files', () => {
    const errors = compileErrors([
      { file: 'a.adv', text: 'on start {\n  print nope\n  x = 1\n}' },
      { file: 'b.adv', text: 'fn f() { break }\nfn g() { return len(1, 2) }' },
    ]);
    expect(errors.map((e) => `${e.code} ${e.at}`)).toEqual(['UNKNOWN_NAME a.adv:2:9', 'ASSIGN_UNDECLARED a.adv:3:3', 'BREAK_OUTSIDE_LOOP b.adv:1:10', 'WRONG_ARITY b.adv:2:17']);
  });

  it('still checks the other files when one has a syntax error', () => {
    const errors = compileErrors([
      { file: 'a.adv', text: 'on start {\n  let x = (1 +\n}' },
      { file: 'b.adv', text: 'fn f() { continue }' },
    ]);
    expect(errors.map((e) => `${e.code} ${e.at}`)).toEqual(['SYNTAX a.adv:2:15', 'CONTINUE_OUTSIDE_LOOP b.adv:1:10']);
  });

  it('leaves out unknown-name errors when a file failed to parse (its names are missing)', () => {
    const errors = compileErrors([
      { file: 'a.adv', text: 'fn helper() {}\nfn broken( {}' },
      { file: 'b.adv', text: 'on start { helper() }' },
    ]);
    expect(errors.map((e) => e.code)).toEqual(['SYNTAX']);
  });

  it('formats like a compiler, with a code frame and the hint', () => {
    expect(formattedErrors('var lamp = 1\non start {\n  lampp.visible = true\n}\n')).toBe(
      ['test.adv:3:3: error: `lampp` is not declared. [UNKNOWN_NAME]', ' 3 |   lampp.visible = true', '   |   ^^^^^', 'hint: did you mean `lamp`?'].join('\n'),
    );
  });
});

describe('room and object properties the runtime reads', () => {
  const assets = ['art/fog.png', 'art/sea.png'];
  const options = { assetExists: (p: string) => assets.includes(p), assetNames: () => assets };

  it('checks layers, blocked areas, sizes and flags, and counts layer images as used assets', () => {
    const good = compileText(
      'room r {\n  size: (1280, 360)\n  walkable: [(0, 0), (10, 0), (10, 10)]\n  blocked: [[(1, 1), (2, 1), (2, 2)], [(5, 5), (6, 5), (6, 6)]]\n  layers: [{image: "art/fog.png", parallax: 0.5}]\n  object o { z: 3; visible: false }\n}',
      options,
    );
    expect(good.assetsUsed).toEqual(['art/fog.png']);
    const errors = compileErrors('room r {\n  size: 5\n  blocked: [(1, 1)]\n  layers: [{image: "art/fgo.png"}]\n  object o { visible: "no" }\n}', options);
    expect(errors.map((e) => `${e.code} ${e.at}`)).toEqual(['INVALID_PROPERTY test.adv:2:9', 'INVALID_PROPERTY test.adv:3:12', 'UNKNOWN_ASSET test.adv:4:11', 'INVALID_PROPERTY test.adv:5:23']);
    expect(errors[2]!.hint).toBe('did you mean `art/fog.png`?');
  });
});

describe('asset paths assigned in code', () => {
  const assets = ['art/door-open.png'];
  const options = { assetExists: (p: string) => assets.includes(p), assetNames: () => assets };

  it('checks a literal path assigned to an asset property, and counts it as used', () => {
    expect(compileText('object door { }\non start { door.sprite = "art/door-open.png" }', options).assetsUsed).toEqual(['art/door-open.png']);
    const errors = compileErrors('object door { }\non start {\n  door.sprite = "art/door-opne.png"\n}', options);
    expect(errors.map((e) => `${e.code} ${e.at} ${e.hint}`)).toEqual(['UNKNOWN_ASSET test.adv:3:17 did you mean `art/door-open.png`?']);
  });
});
