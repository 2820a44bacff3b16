// The code samples (fixtures/*.adv: values, statements, threads, the beach
// sample) parse as written, and representative
// constructs build the AST shapes the compiler passes expect.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FnDecl, Handler, Stmt, TopLevel } from '../../../interpreter/syntax/ast.js';
import { parse, parseExpression } from '../../../interpreter/syntax/parse.js';
import { shape } from './shape.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The statements of `on start { <body> }`. */
function statements(body: string): Stmt[] {
  const program = parse(`on start {\n${body}\n}\n`, 'test.adv');
  return (program.decls[0] as Handler).body.body;
}

const expr = (text: string) => shape(parseExpression(text));
const name = (n: string) => ({ kind: 'Name', name: n });
const num = (value: number) => ({ kind: 'Number', value });
const ident = (n: string) => ({ kind: 'Ident', name: n });
const bin = (op: string, left: unknown, right: unknown) => ({ kind: 'Binary', op, left, right });

describe('the language samples', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.adv'))) {
    it(`parses ${file} exactly as written`, () => {
      const program = parse(readFileSync(join(FIXTURES, file), 'utf8'), file);
      expect(program.kind).toBe('Program');
      expect(program.file).toBe(file);
      expect(program.decls.length).toBeGreaterThan(0);
    });
  }

  it('reads the beach sample\'s world: rooms with nested objects, handlers, dialogs and the verbs table', () => {
    const program = parse(readFileSync(join(FIXTURES, 'adventure.adv'), 'utf8'), 'adventure.adv');
    const kinds = program.decls.map((d: TopLevel) => ('name' in d ? `${d.kind} ${d.name.name}` : d.kind === 'Handler' ? `on ${d.event.name}` : d.kind));
    expect(kinds).toEqual(['Verbs', 'Actor hero', 'Costume hero', 'Room beach', 'Actor keeper', 'Dialog chat', 'Object key', 'on start', 'on unhandled']);
    const beach = program.decls[3]!;
    if (beach.kind !== 'Room') throw new Error('not a room');
    expect(beach.properties.map((p) => p.name.name)).toEqual(['background', 'music', 'walkable', 'scale']);
    expect(beach.objects.map((o) => o.name.name)).toEqual(['shell', 'door']);
    expect(beach.handlers.map((h) => h.event.name)).toEqual(['enter', 'exit']);
    const door = beach.objects[1]!;
    expect(door.handlers.map((h) => [h.event.name, h.with?.name])).toEqual([['open', undefined], ['use', 'key'], ['walk', undefined]]);
  });
});

describe('expressions', () => {
  it('follows the precedence of the operators section: or < and < not < comparison < .. < + - < * / % < unary -', () => {
    expect(expr('not a == b and c or d')).toEqual(bin('or', bin('and', { kind: 'Unary', op: 'not', operand: bin('==', name('a'), name('b')) }, name('c')), name('d')));
    expect(expr('0..n + 1')).toEqual(bin('..', num(0), bin('+', name('n'), num(1))));
    expect(expr('1 + 2 * 3 % 4')).toEqual(bin('+', num(1), bin('%', bin('*', num(2), num(3)), num(4))));
    expect(expr('-1 % 3')).toEqual(bin('%', { kind: 'Unary', op: '-', operand: num(1) }, num(3)));
    expect(expr('10 - 4 - 3')).toEqual(bin('-', bin('-', num(10), num(4)), num(3)));
    expect(expr('-a.b')).toEqual({ kind: 'Unary', op: '-', operand: { kind: 'Member', target: name('a'), name: ident('b') } });
  });

  it('chains calls, indexes and members left to right; member names may be keywords', () => {
    expect(expr('a.b(c)[0].open')).toEqual({
      kind: 'Member',
      target: { kind: 'Index', target: { kind: 'Call', callee: { kind: 'Member', target: name('a'), name: ident('b') }, args: [name('c')] }, index: num(0) },
      name: ident('open'),
    });
    expect(expr('door.if')).toEqual({ kind: 'Member', target: name('door'), name: ident('if') });
  });

  it('reads every number form as an IEEE double', () => {
    expect(['42', '3.5', '0x1F', '1_000', '1e3', '2.5e-1', '0xff_ff'].map((t) => (parseExpression(t) as { value: number }).value)).toEqual([42, 3.5, 31, 1000, 1000, 0.25, 0xffff]);
  });

  it('builds StringLit without interpolation and Interp with text and expression parts', () => {
    expect(expr('"plain \\{ \\} \\" \\\\ \\n\\t\\r \\u{1F600}"')).toEqual({ kind: 'String', value: 'plain { } " \\ \n\t\r 😀' });
    expect(expr('"Hello, {name}!"')).toEqual({ kind: 'Interp', parts: ['Hello, ', name('name'), '!'] });
    expect(expr('"{a}{b + 1}"')).toEqual({ kind: 'Interp', parts: [name('a'), bin('+', name('b'), num(1))] });
    expect(expr('"x {f("y {z}")} }"')).toEqual({ kind: 'Interp', parts: ['x ', { kind: 'Call', callee: name('f'), args: [{ kind: 'Interp', parts: ['y ', name('z')] }] }, ' }'] });
    expect(expr('""')).toEqual({ kind: 'String', value: '' });
  });

  it('tells tuples from grouping, and reads lists, maps and literals', () => {
    expect(expr('(320, 200)')).toEqual({ kind: 'Tuple', items: [num(320), num(200)] });
    expect(expr('(a)')).toEqual(name('a'));
    expect(expr('(300, 0.6, 360, 1.0)')).toMatchObject({ kind: 'Tuple', items: { length: 4 } });
    expect(expr('[]')).toEqual({ kind: 'List', items: [] });
    expect(expr('[1, [2],]')).toEqual({ kind: 'List', items: [num(1), { kind: 'List', items: [num(2)] }] });
    expect(expr('{gold: 3, "key with space": 1, if: nil}')).toEqual({
      kind: 'Map',
      entries: [{ key: 'gold', value: num(3) }, { key: 'key with space', value: num(1) }, { key: 'if', value: { kind: 'Nil' } }],
    });
    expect(expr('{}')).toEqual({ kind: 'Map', entries: [] });
    expect(expr('[true, false]')).toEqual({ kind: 'List', items: [{ kind: 'Bool', value: true }, { kind: 'Bool', value: false }] });
  });

  it('makes `spawn f(args)` a Spawn holding a Call', () => {
    expect(expr('spawn blink(lamp)')).toEqual({ kind: 'Spawn', call: { kind: 'Call', callee: name('blink'), args: [name('lamp')] } });
    expect(expr('spawn hero.think()')).toMatchObject({ kind: 'Spawn', call: { callee: { kind: 'Member' }, args: [] } });
  });

  it('gives every node a span with the file name, and binaries an operator span', () => {
    const program = parse('on start {\n  print total + 1\n}\n', 'scripts/beach.adv');
    expect(program.span.source).toBe('scripts/beach.adv');
    const print = (program.decls[0] as Handler).body.body[0]!;
    if (print.kind !== 'Print' || print.value.kind !== 'Binary') throw new Error('expected print of a binary');
    expect(print.span).toMatchObject({ source: 'scripts/beach.adv', start: { line: 2, column: 3 }, end: { line: 2, column: 18 } });
    expect(print.value.left.span.start).toEqual({ offset: 19, line: 2, column: 9 });
    expect(print.value.opSpan).toMatchObject({ start: { line: 2, column: 15 }, end: { line: 2, column: 16 } });
  });
});

describe('newlines', () => {
  it('end a statement: `say msg` then `x = 3` are two statements', () => {
    expect(shape(statements('say msg\nx = 3'))).toEqual([
      { kind: 'Say', text: name('msg') },
      { kind: 'Assign', target: name('x'), op: '=', value: num(3) },
    ]);
  });

  it('are space after an operator, `=` or a comma and inside brackets, and `;` separates too', () => {
    const body = 'let a = 1 +\n  2\nlet b =\n  (1\n  + 2)\nlet c = f(\n  x,\n  y,\n)\nlet d = {\n  k: 1\n}; let e = [\n1]';
    expect(statements(body).map((s) => s.kind)).toEqual(['Let', 'Let', 'Let', 'Let', 'Let']);
    // A newline before the operator ends the statement, so `+ 2` stands alone.
    expect(() => statements('let a = 1\n+ 2')).toThrow('expected a statement or `}`, found `+`');
  });

  it('are space anywhere in a lone expression (parseExpression)', () => {
    expect(expr('a\n+ b')).toEqual(bin('+', name('a'), name('b')));
  });

  it('accept `else` on the next line, CRLF line endings and comments anywhere', () => {
    const [ifStmt] = statements('if a { x() }\r\n// note\r\nelse if b { y() } /* c */\r\nelse { z() }');
    expect(shape(ifStmt)).toMatchObject({ kind: 'If', cond: name('a'), otherwise: { kind: 'If', cond: name('b'), otherwise: { kind: 'Block' } } });
  });
});

describe('statements', () => {
  it('reads `say` with an actor only when a plain name is followed by the text', () => {
    expect(shape(statements('say keeper "I keep the light."\nsay "Mine now."\nsay greet(x)\nsay hero name + "!"'))).toEqual([
      { kind: 'Say', actor: ident('keeper'), text: { kind: 'String', value: 'I keep the light.' } },
      { kind: 'Say', text: { kind: 'String', value: 'Mine now.' } },
      { kind: 'Say', text: { kind: 'Call', callee: name('greet'), args: [name('x')] } },
      { kind: 'Say', actor: ident('hero'), text: bin('+', name('name'), { kind: 'String', value: '!' }) },
    ]);
  });

  it('tells `stop music [fade n]` from `stop thread`, and reads every `wait`', () => {
    expect(shape(statements('stop music\nstop music fade 1\nstop t\nstop music_box\nwait 0.5\nwait 30 ticks\nwait ticks ticks\nwait until lamp_fixed\nyield'))).toEqual([
      { kind: 'StopMusic' },
      { kind: 'StopMusic', fade: num(1) },
      { kind: 'StopThread', thread: name('t') },
      { kind: 'StopThread', thread: name('music_box') },
      { kind: 'Wait', amount: num(0.5), unit: 'seconds' },
      { kind: 'Wait', amount: num(30), unit: 'ticks' },
      { kind: 'Wait', amount: name('ticks'), unit: 'ticks' },
      { kind: 'WaitUntil', cond: name('lamp_fixed') },
      { kind: 'Yield' },
    ]);
  });

  it('reads the adventure statements', () => {
    const body = [
      'walk hero to (200, 330)', 'walk hero to shell', 'choose chat', 'take shell', 'drop shell', 'go beach',
      'put hero in beach at (100, 330)', 'control hero', 'face hero left', 'show lamp', 'hide lamp',
      'play sound "audio/creak.wav"', 'play music "audio/waves.ogg" fade 2', 'end game', 'done', 'cutscene { say "x" }',
    ].join('\n');
    expect(shape(statements(body))).toEqual([
      { kind: 'Walk', actor: ident('hero'), to: { kind: 'Tuple', items: [num(200), num(330)] } },
      { kind: 'Walk', actor: ident('hero'), to: name('shell') },
      { kind: 'Choose', dialog: ident('chat') },
      { kind: 'Take', object: ident('shell') },
      { kind: 'Drop', object: ident('shell') },
      { kind: 'Go', room: ident('beach') },
      { kind: 'Put', actor: ident('hero'), room: ident('beach'), at: { kind: 'Tuple', items: [num(100), num(330)] } },
      { kind: 'Control', actor: ident('hero') },
      { kind: 'Face', actor: ident('hero'), direction: 'left' },
      { kind: 'Show', object: ident('lamp') },
      { kind: 'Hide', object: ident('lamp') },
      { kind: 'PlaySound', file: { kind: 'String', value: 'audio/creak.wav' } },
      { kind: 'PlayMusic', file: { kind: 'String', value: 'audio/waves.ogg' }, fade: num(2) },
      { kind: 'EndGame' },
      { kind: 'Done' },
      { kind: 'Cutscene', body: { kind: 'Block', body: [{ kind: 'Say', text: { kind: 'String', value: 'x' } }] } },
    ]);
  });

  it('reads assignments to names, members and indexes, and control flow', () => {
    expect(shape(statements('door.open = true\nxs[0] += 1\nn -= 1; n *= 2; n /= 2\nfor i in 0..3 { continue }\nwhile x { break }\nreturn\nreturn x\nprint -1'))).toEqual([
      { kind: 'Assign', target: { kind: 'Member', target: name('door'), name: ident('open') }, op: '=', value: { kind: 'Bool', value: true } },
      { kind: 'Assign', target: { kind: 'Index', target: name('xs'), index: num(0) }, op: '+=', value: num(1) },
      { kind: 'Assign', target: name('n'), op: '-=', value: num(1) },
      { kind: 'Assign', target: name('n'), op: '*=', value: num(2) },
      { kind: 'Assign', target: name('n'), op: '/=', value: num(2) },
      { kind: 'For', variable: ident('i'), iterable: bin('..', num(0), num(3)), body: { kind: 'Block', body: [{ kind: 'Continue' }] } },
      { kind: 'While', cond: name('x'), body: { kind: 'Block', body: [{ kind: 'Break' }] } },
      { kind: 'Return' },
      { kind: 'Return', value: name('x') },
      { kind: 'Print', value: { kind: 'Unary', op: '-', operand: num(1) } },
    ]);
  });

  it('keeps contextual words free: `end`, `ticks`, `music`, `take_all` are names', () => {
    expect(shape(statements('let end = 9\nend = end + 1\ntake_all()\nlet music = 1'))).toEqual([
      { kind: 'Let', name: ident('end'), init: num(9) },
      { kind: 'Assign', target: name('end'), op: '=', value: bin('+', name('end'), num(1)) },
      { kind: 'ExprStmt', expr: { kind: 'Call', callee: name('take_all'), args: [] } },
      { kind: 'Let', name: ident('music'), init: num(1) },
    ]);
  });
});

describe('declarations', () => {
  const decls = (text: string) => shape(parse(text, 'test.adv').decls) as unknown[];

  it('reads functions with default parameters, constants and globals', () => {
    const [fn, konst, global] = decls('fn greet(who, greeting = "Hello") { return who }\nconst MAX = 3\nvar tries = 0');
    expect(fn).toEqual({
      kind: 'Fn', name: ident('greet'),
      params: [{ name: ident('who') }, { name: ident('greeting'), default: { kind: 'String', value: 'Hello' } }],
      body: { kind: 'Block', body: [{ kind: 'Return', value: name('who') }] },
    });
    expect(konst).toEqual({ kind: 'Const', name: ident('MAX'), value: num(3) });
    expect(global).toEqual({ kind: 'Var', name: ident('tries'), init: num(0) });
    expect((parse('fn f() {}', 't.adv').decls[0] as FnDecl).params).toEqual([]);
  });

  it('reads handlers: `on start`, `on use with key`, `on unhandled(verb, target)`', () => {
    expect(decls('on start {}\non use with key { }\non unhandled(verb, target) { say "I can\'t {verb} that." }')).toEqual([
      { kind: 'Handler', event: ident('start'), params: [], body: { kind: 'Block', body: [] } },
      { kind: 'Handler', event: ident('use'), with: ident('key'), params: [], body: { kind: 'Block', body: [] } },
      {
        kind: 'Handler', event: ident('unhandled'), params: [ident('verb'), ident('target')],
        body: { kind: 'Block', body: [{ kind: 'Say', text: { kind: 'Interp', parts: ["I can't ", name('verb'), ' that.'] } }] },
      },
    ]);
  });

  it('reads costume animations with `fps`, and keyword property names', () => {
    expect(decls('costume hero {\n  idle: [0]\n  walk: [1, 2, 3, 4] fps 8\n  talk: [5, 6] fps 6\n}')).toEqual([{
      kind: 'Costume', name: ident('hero'),
      properties: [
        { kind: 'Property', name: ident('idle'), value: { kind: 'List', items: [num(0)] } },
        { kind: 'Property', name: ident('walk'), value: { kind: 'List', items: [num(1), num(2), num(3), num(4)] }, fps: num(8) },
        { kind: 'Property', name: ident('talk'), value: { kind: 'List', items: [num(5), num(6)] }, fps: num(6) },
      ],
    }]);
  });

  it('reads dialog options with `once` and `if`', () => {
    const [dialog] = decls('dialog chat {\n  option "Hi" { done }\n  option "Hat" once { }\n  option "Key?" if not has(key) { take key }\n  option "X" once if a { }\n}');
    expect(dialog).toEqual({
      kind: 'Dialog', name: ident('chat'),
      options: [
        { text: { kind: 'String', value: 'Hi' }, once: false, body: { kind: 'Block', body: [{ kind: 'Done' }] } },
        { text: { kind: 'String', value: 'Hat' }, once: true, body: { kind: 'Block', body: [] } },
        {
          text: { kind: 'String', value: 'Key?' }, once: false,
          condition: { kind: 'Unary', op: 'not', operand: { kind: 'Call', callee: name('has'), args: [name('key')] } },
          body: { kind: 'Block', body: [{ kind: 'Take', object: ident('key') }] },
        },
        { text: { kind: 'String', value: 'X' }, once: true, condition: name('a'), body: { kind: 'Block', body: [] } },
      ],
    });
  });

  it('reads the verbs table on one line or many', () => {
    const one = decls('verbs { look: "Look at", use: "Use" }');
    const many = decls('verbs {\n  look: "Look at"\n  use: "Use",\n}');
    expect(one).toEqual(many);
    expect(one).toEqual([{ kind: 'Verbs', verbs: [{ id: ident('look'), label: { kind: 'String', value: 'Look at' } }, { id: ident('use'), label: { kind: 'String', value: 'Use' } }] }]);
  });

  it('accepts an empty file and a byte-order mark', () => {
    expect(parse('', 'empty.adv')).toMatchObject({ kind: 'Program', file: 'empty.adv', decls: [] });
    expect(parse('\uFEFFvar x = 1\n', 'bom.adv').decls).toHaveLength(1);
  });
});
