// `cairn fmt`'s layout (interpreter/syntax/format-source.ts): what it writes,
// that comments stay where they were, that formatting twice changes nothing
// and that the formatted program compiles to the same code (see same-code.ts
// for exactly what is compared) — on hand-written cases, the sample game and
// programs fast-check generates in many layouts.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSource } from '../../../interpreter/syntax/format-source.js';
import { findExamples } from '../../docs/markdown-examples.js';
import { codeOf } from './same-code.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Formats, checks the result is stable and compiles to the same code, and returns it. */
function formatted(text: string): string {
  const out = formatSource(text, 'a.adv');
  expect(formatSource(out, 'a.adv')).toBe(out);
  expect(codeOf([{ file: 'a.adv', text: out }])).toEqual(codeOf([{ file: 'a.adv', text }]));
  return out;
}

describe('the layout', () => {
  it('indents by two spaces, one statement per line, spaces around operators and after commas', () => {
    const text = 'fn  area( w,h=2 ){\nlet a=w*h\n    if a>10{print "big"}\n  return a+0}\non start{print area(3,4)}\n';
    expect(formatted(text)).toBe('fn area(w, h = 2) {\n  let a = w * h\n  if a > 10 { print "big" }\n  return a + 0\n}\non start { print area(3, 4) }\n');
  });

  it('keeps one-line blocks and statements joined by `;` on one line, and at most one blank line', () => {
    const text = 'var a = 1\n\n\n\nvar b = 2\non start {\n  a = 2;b = 3\n\n\n  print a }\n';
    expect(formatted(text)).toBe('var a = 1\n\nvar b = 2\non start {\n  a = 2; b = 3\n\n  print a\n}\n');
  });

  it('keeps every comment where it was, aligned trailing comments aligned', () => {
    const text = [
      '// head of file',
      'var x = 1      // one',
      'var yy = 22    // two',
      '/* block */',
      'on start { // after the brace',
      '    // own line',
      '  print x /* after */',
      '  // before the brace',
      '}',
      '',
    ].join('\n');
    expect(formatted(text)).toBe(text.replace('    // own line', '  // own line'));
  });

  it('copies a construct whose comment has no place as written', () => {
    const text = 'on start {\n  if true /* why */ { print 1 }\n}\n';
    expect(formatted(text)).toBe(text);
  });

  it('keeps the parentheses the author wrote and adds those the precedence needs', () => {
    expect(formatted('on start { print (1 + 2) * 3; print not (1 == 2); print -(4) }\n')).toBe('on start { print (1 + 2) * 3; print not (1 == 2); print -(4) }\n');
    expect(formatted('on start { print round((2 - 1) * 3) }\n')).toBe('on start { print round((2 - 1) * 3) }\n');
  });

  it('writes `} else {` after a block of several lines and keeps `else` on its own line after one-line blocks', () => {
    expect(formatted('on start {\n  if true {\n    print 1 }    else { print 2 }\n}\n')).toBe('on start {\n  if true {\n    print 1\n  } else { print 2 }\n}\n');
    expect(formatted('on start {\n  if true { print 1 }\n  else { print 2 }\n}\n')).toBe('on start {\n  if true { print 1 }\n  else { print 2 }\n}\n');
  });

  it('keeps a line broken after a binary operator, one indent deeper', () => {
    expect(formatted('on start {\n  let total = 1 +\n        2\n  print total\n}\n')).toBe('on start {\n  let total = 1 +\n    2\n  print total\n}\n');
  });

  it('writes declarations of the world the way the docs do', () => {
    const text = 'verbs {look:"Look at",use:"Use"}\nactor hero { name:"Robin";color:"#f0e68c" }\nroom study {\n  walkable: [ (0,280),(640,280),(640,360) ]\n  object lamp { name: "lamp"; lit: false\n    on look { say "Old." }\n    on use with hero { say hero "Hm." }\n  }\n}\ncostume c { sheet: "a.png"; frame: (8, 8); idle: [0,1] fps 3 }\ndialog chat { option "Hi" once if lamp.lit { done } }\non start { put hero in study at (1, 2); go study; walk hero to lamp; face hero left; wait 2 ticks; play music "m.ogg" fade 1 }\n';
    expect(formatted(text)).toBe(
      'verbs { look: "Look at", use: "Use" }\nactor hero { name: "Robin"; color: "#f0e68c" }\nroom study {\n  walkable: [(0, 280), (640, 280), (640, 360)]\n  object lamp {\n    name: "lamp"; lit: false\n    on look { say "Old." }\n    on use with hero { say hero "Hm." }\n  }\n}\ncostume c { sheet: "a.png"; frame: (8, 8); idle: [0, 1] fps 3 }\ndialog chat { option "Hi" once if lamp.lit { done } }\non start { put hero in study at (1, 2); go study; walk hero to lamp; face hero left; wait 2 ticks; play music "m.ogg" fade 1 }\n',
    );
  });

  it('reports a file that does not parse with the parser\'s error', () => {
    expect(() => formatSource('on start {', 'broken.adv')).toThrow(expect.objectContaining({ code: 'SYNTAX' }));
  });
});

describe('the sample game', () => {
  const dir = join(ROOT, 'bundles', 'gull-rock', 'scripts');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.adv'))
    .sort()
    .map((f) => ({ file: `scripts/${f}`, text: readFileSync(join(dir, f), 'utf8') }));

  it('formats to a program with the same code, and formatting again changes nothing', () => {
    const out = files.map(({ file, text }) => ({ file, text: formatSource(text, file) }));
    for (const f of out) expect(formatSource(f.text, f.file)).toBe(f.text);
    expect(codeOf(out)).toEqual(codeOf(files));
  });
});

// ─── Generated programs ─────────────────────────────────────────────────────

/** A layout choice drawn once per place: the generator renders each program many ways. */
type Pick = <T>(choices: readonly T[]) => T;

const GLOBALS = ['g0', 'g1', 'g2'];
const BINARY = ['or', 'and', '==', '!=', '<', '<=', '>', '>=', '..', '+', '-', '*', '/', '%'];
const LEVEL: Record<string, number> = { or: 1, and: 2, '==': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4, '..': 5, '+': 6, '-': 6, '*': 7, '/': 7, '%': 7 };

/** An expression tree: leaves are source text, nodes an operator with operands. */
type Tree = { leaf: string } | { op: string; args: Tree[] } | { list: Tree[] } | { call: string; args: Tree[] } | { member: Tree };

const leafArb = fc.constantFrom('1', '22', '0x1F', '1_000', '2.5', '"text"', '"a {g0} b"', '"\\u{41}\\n"', 'true', 'false', 'nil', ...GLOBALS, 'K', '{a: 1, "b c": 2}', '{ }', '(1,2)', '[1, 2][0]', '(spawn f(1))', 'here');
const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb.map((leaf) => ({ leaf })),
    fc.record({ op: fc.constantFrom(...BINARY), args: fc.tuple(tie('tree'), tie('tree')) }),
    fc.record({ op: fc.constantFrom('not', '-'), args: fc.tuple(tie('tree')) }),
    fc.array(tie('tree'), { maxLength: 3 }).map((list) => ({ list })),
    fc.record({ call: fc.constantFrom('f', 'len', 'str'), args: fc.tuple(tie('tree')) }),
    tie('tree').map((member) => ({ member })),
  ),
})).tree;

function level(t: Tree): number {
  if ('op' in t) return t.args.length === 1 ? (t.op === 'not' ? 3 : 8) : LEVEL[t.op]!;
  return 9;
}

/** Source text for a tree, with parentheses where needed and, by choice, where not. */
function renderTree(t: Tree, pick: Pick): string {
  const sub = (child: Tree, needed: number) => {
    const text = renderTree(child, pick);
    return level(child) < needed || pick([false, false, true]) ? `(${pick(['', ' '])}${text}${pick(['', ' '])})` : text;
  };
  if ('leaf' in t) return t.leaf;
  if ('list' in t) return `[${t.list.map((x) => renderTree(x, pick)).join(pick([',', ', ', ' ,  ']))}]`;
  if ('call' in t) return `${t.call}(${t.args.map((x) => renderTree(x, pick)).join(', ')})`;
  if ('member' in t) return `${sub(t.member, 9)}.x`;
  if (t.args.length === 1) return t.op === 'not' ? `not ${sub(t.args[0]!, 3)}` : `-${pick(['', ' '])}${sub(t.args[0]!, 8)}`;
  const p = LEVEL[t.op]!;
  const chains = p !== 4 && p !== 5;
  const space = /[a-z]/.test(t.op) ? ' ' : pick(['', ' ', '  ']);
  const after = /[a-z]/.test(t.op) || t.op === '..' ? space : pick([space, `\n${pick(['', '    '])}`]);
  return `${sub(t.args[0]!, chains ? p : p + 1)}${space}${t.op}${after}${sub(t.args[1]!, p + 1)}`;
}

type Stmt = { simple: (pick: Pick) => string } | { block: 'if' | 'while' | 'for'; cond: Tree; body: Stmt[]; other?: Stmt[] };

const stmtArb: fc.Arbitrary<Stmt> = fc.letrec<{ stmt: Stmt }>((tie) => ({
  stmt: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    treeArb.map((t) => ({ simple: (pick: Pick) => `print ${renderTree(t, pick)}` })),
    fc.tuple(fc.constantFrom(...GLOBALS), fc.constantFrom('=', '+=', '-=', '*='), treeArb).map(([g, op, t]) => ({ simple: (pick: Pick) => `${g}${pick([' ', ''])}${op}${pick([' ', '  '])}${renderTree(t, pick)}` })),
    treeArb.map((t) => ({ simple: (pick: Pick) => `say ${renderTree(t, pick)}` })),
    fc.constantFrom('wait 2 ticks', 'wait 0.5', 'yield', 'say hero "Hi."', 'go study', 'take lamp', 'walk hero to lamp', 'face hero up', 'play sound "s.wav"').map((s) => ({ simple: () => s })),
    fc.record({ block: fc.constant('if' as const), cond: treeArb, body: fc.array(tie('stmt'), { maxLength: 3 }), other: fc.option(fc.array(tie('stmt'), { maxLength: 2 }), { nil: undefined }) }),
    fc.record({ block: fc.constant('while' as const), cond: treeArb, body: fc.array(tie('stmt'), { maxLength: 2 }) }),
    fc.record({ block: fc.constant('for' as const), cond: treeArb, body: fc.array(tie('stmt'), { maxLength: 2 }) }),
  ),
})).stmt;

const COMMENTS = ['// note', '/* block */', '// ä “quoted” {brace} "x"'];

/** A block's text: `{ a; b }` on one line or one statement a line, with comments and blank lines by choice. */
function renderBlock(body: Stmt[], pick: Pick, depth: number, inLoop: boolean): string {
  const pad = '  '.repeat(depth + 1);
  const parts = body.map((s) => renderStmt(s, pick, depth + 1, inLoop));
  const oneLine = parts.every((p) => !p.includes('\n') && !p.includes('//')) && pick([true, false]);
  if (oneLine) return parts.length === 0 ? pick(['{}', '{ }']) : `{ ${parts.join(pick(['; ', ';']))} }`;
  const lines: string[] = [];
  for (const p of parts) {
    if (pick([false, false, true])) lines.push(`${pad}${pick(COMMENTS)}`);
    if (pick([false, false, true])) lines.push('');
    lines.push(pick([pad, pad + '   ', '']) + p + (pick([false, false, true]) ? `${pick([' ', '        '])}${pick(COMMENTS)}` : ''));
  }
  if (inLoop && pick([false, true])) lines.push(`${pad}break`);
  return `{${pick(['', ' // opens'])}\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
}

function renderStmt(s: Stmt, pick: Pick, depth: number, inLoop: boolean): string {
  if ('simple' in s) return s.simple(pick);
  const cond = renderTree(s.cond, pick);
  if (s.block === 'while') return `while ${cond} ${renderBlock(s.body, pick, depth, true)}`;
  if (s.block === 'for') return `for item in ${cond} ${renderBlock(s.body, pick, depth, true)}`;
  const head = `if ${cond} ${renderBlock(s.body, pick, depth, inLoop)}`;
  if (!s.other) return head;
  return `${head}${pick([' ', `\n${'  '.repeat(depth)}`])}else ${renderBlock(s.other, pick, depth, inLoop)}`;
}

const programArb = fc.record({
  start: fc.array(stmtArb, { maxLength: 4 }),
  look: fc.array(stmtArb, { maxLength: 3 }),
  fn: fc.array(stmtArb, { maxLength: 3 }),
});

/** The whole program around the generated statements, laid out by `pick`. */
function renderProgram(p: { start: Stmt[]; look: Stmt[]; fn: Stmt[] }, pick: Pick): string {
  const sep = () => pick(['\n', '\n\n', '\n\n\n']);
  return [
    pick(['', '// a generated program\n']),
    `const K = 3${sep()}`,
    GLOBALS.map((g, i) => `var ${g} = ${i}${pick(['', '   // global'])}`).join('\n'),
    sep(),
    `fn f(a, b = K) ${renderBlock(p.fn, pick, 0, false)}${sep()}`,
    `actor hero { name: "Hero" }${sep()}`,
    `room study {${pick([' ', '\n  '])}object lamp { name: "lamp";x: 1${pick(['; ', '\n    '])}on look ${renderBlock(p.look, pick, 2, false)} }${pick([' ', '\n'])}}${sep()}`,
    `on start ${renderBlock(p.start, pick, 0, false)}\n`,
  ].join('');
}

describe('the repository\'s scripts and the documentation\'s examples', () => {
  const scripts = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.adv') ? [join(dir, e.name)] : []));
  const sources = [
    ...scripts('test').map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') })),
    ...['docs/language.md', 'docs/tutorial.md'].flatMap((doc) =>
      findExamples(readFileSync(join(ROOT, doc), 'utf8'), doc)
        .filter((e) => e.kind !== 'walk')
        .map((e) => ({ file: `${doc}#L${e.line}`, text: e.text })),
    ),
  ];

  it('keep their code when formatted, wherever they compile', () => {
    let compared = 0;
    for (const { file, text } of sources) {
      let before: unknown;
      try {
        before = codeOf([{ file, text }]);
      } catch {
        continue; // an example of an error: formatting it may only keep it failing to parse or compile alike
      }
      const out = formatSource(text, file);
      expect(formatSource(out, file), file).toBe(out);
      expect(codeOf([{ file, text: out }]), file).toEqual(before);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('generated programs', () => {
  it('format to a fixed point with the same code, whatever their layout', () => {
    fc.assert(
      fc.property(programArb, fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (program, choices) => {
        let n = 0;
        const pick: Pick = (options) => options[choices[n++ % choices.length]! % options.length]!;
        const text = renderProgram(program, pick);
        const out = formatSource(text, 'gen.adv');
        expect(formatSource(out, 'gen.adv')).toBe(out);
        expect(codeOf([{ file: 'gen.adv', text: out }])).toEqual(codeOf([{ file: 'gen.adv', text }]));
        for (const comment of COMMENTS) expect(out.split(comment).length).toBe(text.split(comment).length);
      }),
      { numRuns: 150 },
    );
  });
});
