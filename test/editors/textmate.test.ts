// The editor grammars (editors/vscode/syntaxes/) tokenise real Cairn code the
// way VS Code does — with vscode-textmate and the Oniguruma WebAssembly that
// ships in its npm package — and give each construct the scope its theme needs.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import textmate from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESERVED_WORDS } from '../../interpreter/syntax/reserved-words.js';
import { findExamples } from '../docs/markdown-examples.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EDITOR = join(ROOT, 'editors', 'vscode');
const GRAMMARS: Record<string, string> = {
  'source.cairn': join(EDITOR, 'syntaxes', 'cairn.tmLanguage.json'),
  'source.cairn-walk': join(EDITOR, 'syntaxes', 'cairn-walk.tmLanguage.json'),
};

/** One token: its text and its scopes, outermost first. */
interface Token {
  text: string;
  scopes: string[];
}

let registry: textmate.Registry;

beforeAll(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm);
  registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: oniguruma.createOnigScanner, createOnigString: oniguruma.createOnigString }),
    loadGrammar: async (scopeName) => {
      const path = GRAMMARS[scopeName];
      return path === undefined ? null : textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
});

/** The tokens of each line of `text`, tokenised as a whole file in the grammar `scope`. */
async function tokenize(text: string, scope = 'source.cairn'): Promise<Token[][]> {
  const grammar = await registry.loadGrammar(scope);
  if (grammar === null) throw new Error(`no grammar ${scope}`);
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The token `text` on the first line containing `lineText` (the `nth` such token on it). */
function token(lines: Token[][], source: string, lineText: string, text: string, nth = 0): Token {
  const index = source.split('\n').findIndex((l) => l.includes(lineText));
  if (index < 0) throw new Error(`no line contains ${JSON.stringify(lineText)}`);
  const found = lines[index]!.filter((t) => t.text.trim() === text)[nth];
  if (found === undefined) throw new Error(`no token ${JSON.stringify(text)} on line ${index + 1}: ${JSON.stringify(lines[index]!.map((t) => t.text))}`);
  return found;
}

/** The innermost scope of a token, without the `.cairn` suffix. */
const inner = (t: Token): string => t.scopes[t.scopes.length - 1]!.replace(/\.cairn(-walk)?$/, '');

describe('the Cairn grammar on the beach sample game', () => {
  const sample = readFileSync(join(ROOT, 'test/interpreter/compiler/fixtures/sample.adv'), 'utf8');
  let lines: Token[][];
  beforeAll(async () => {
    lines = await tokenize(sample);
  });
  const at = (lineText: string, text: string, nth = 0): string => inner(token(lines, sample, lineText, text, nth));

  it('scopes declarations and the names they declare', () => {
    expect(at('room beach {', 'room')).toBe('storage.type.room');
    expect(at('room beach {', 'beach')).toBe('entity.name.type.room');
    expect(at('actor hero {', 'actor')).toBe('storage.type.actor');
    expect(at('actor hero {', 'hero')).toBe('entity.name.type.actor');
    expect(at('object shell {', 'shell')).toBe('entity.name.type.object');
    expect(at('costume hero {', 'costume')).toBe('storage.type.costume');
    expect(at('dialog chat {', 'chat')).toBe('entity.name.type.dialog');
    expect(at('verbs {', 'verbs')).toBe('storage.type.verbs');
    expect(at('verbs {', 'pickup')).toBe('entity.name.tag.verb');
  });

  it('scopes properties, their values and `fps`', () => {
    expect(at('background: "art/beach.png"', 'background')).toBe('support.type.property-name');
    expect(at('background: "art/beach.png"', ':')).toBe('punctuation.separator.key-value');
    expect(at('speed: 120', '120')).toBe('constant.numeric.decimal');
    expect(at('walk: [1, 2, 3, 4] fps 8', 'walk')).toBe('support.type.property-name');
    expect(at('walk: [1, 2, 3, 4] fps 8', 'fps')).toBe('keyword.other.fps');
    expect(at('scale: (300, 0.6, 360, 1.0)', '0.6')).toBe('constant.numeric.decimal');
    expect(at('name: "Keeper"; costume: "keeper"', 'costume')).toBe('support.type.property-name');
  });

  it('scopes handlers: `on`, the event, `with` and its target, parameters', () => {
    expect(at('on look { say', 'on')).toBe('storage.type.handler');
    expect(at('on look { say', 'look')).toBe('entity.name.function.event');
    expect(at('on use with key {', 'with')).toBe('keyword.other.with');
    expect(at('on use with key {', 'key')).toBe('variable.other.entity');
    expect(at('on unhandled(verb, target)', 'unhandled')).toBe('entity.name.function.event');
    expect(at('on unhandled(verb, target)', 'verb')).toBe('variable.parameter');
    expect(at('on unhandled(verb, target)', 'target')).toBe('variable.parameter');
  });

  it('scopes strings and the code inside `{…}` interpolation', () => {
    const verb = token(lines, sample, 'say "I can\'t {verb} that."', 'verb', 1);
    expect(inner(verb)).toBe('variable.other');
    expect(verb.scopes).toContain('string.quoted.double.cairn');
    expect(verb.scopes).toContain('meta.interpolation.cairn');
    expect(verb.scopes).toContain('meta.embedded.line.cairn');
    expect(at('say "I can\'t {verb} that."', '{', 1)).toBe('punctuation.section.interpolation.begin');
    expect(at('say "I can\'t {verb} that."', 'that.')).toBe('string.quoted.double');
  });

  it('scopes comments', () => {
    expect(at('// sprite sheet + animations, see below', '//')).toBe('punctuation.definition.comment');
    expect(at('// sprite sheet + animations, see below', 'sprite sheet + animations, see below')).toBe('comment.line.double-slash');
    expect(at('sprite sheet + animations', 'hero')).toBe('string.quoted.double');
  });

  it('scopes adventure statements and the entities they name', () => {
    expect(at('walk hero to shell', 'walk')).toBe('keyword.other.adventure');
    expect(at('walk hero to shell', 'hero')).toBe('variable.other.entity');
    expect(at('walk hero to shell', 'to')).toBe('keyword.other.adventure');
    expect(at('take shell   ', 'take')).toBe('keyword.other.adventure');
    expect(at('put hero in beach at (100, 330)', 'in')).toBe('keyword.other.adventure');
    expect(at('put hero in beach at (100, 330)', 'at')).toBe('keyword.other.adventure');
    expect(at('play sound "audio/creak.wav"', 'sound')).toBe('keyword.other.adventure');
    expect(at('{ stop music fade 1 }', 'fade')).toBe('keyword.other.adventure');
    expect(at('say keeper "I keep the light."', 'keeper')).toBe('variable.other.entity');
    expect(at('on enter { cutscene', 'cutscene')).toBe('keyword.other.adventure');
    expect(at('option "Bye."', 'done')).toBe('keyword.other.adventure');
    expect(at('option "Bye."', 'option')).toBe('keyword.other.option');
    expect(at('option "Nice hat." once', 'once')).toBe('storage.modifier.once');
  });

  it('scopes built-in calls, keywords, members and operators', () => {
    expect(at('if not has(key)', 'has')).toBe('support.function.builtin');
    expect(at('if not has(key)', 'not')).toBe('keyword.operator.logical');
    expect(at('if not has(key)', 'if')).toBe('keyword.control.conditional');
    expect(at('on open { door.open = true', '.')).toBe('punctuation.accessor');
    expect(at('on open { door.open = true', 'open', 1)).toBe('variable.other.property');
    expect(at('on open { door.open = true', '=')).toBe('keyword.operator.assignment');
    expect(at('on open { door.open = true', 'true')).toBe('constant.language.boolean.true');
  });
});

describe('the Cairn grammar on the rest of the language', () => {
  const source = [
    'const MAX = 0x1F + 1_000 + 2.5e-3',
    'var tries = 0',
    'fn greet(who, greeting = "Hello") {',
    '  let n = len(who) + count(1)',
    '  for i in 0..n { tries += i }',
    '  while tries > 100 { break }',
    '  let t = spawn blink(lamp)',
    '  wait until lamp_fixed',
    '  wait 30 ticks',
    '  stop t',
    '  print "a\\tb \\q {m.gold} { {a: 1} }" // done',
    '  /* block',
    '     comment */ return nil',
    '  face hero left',
    '  let bad = 12abc',
    '}',
  ].join('\n');
  let lines: Token[][];
  beforeAll(async () => {
    lines = await tokenize(source);
  });
  const at = (lineText: string, text: string, nth = 0): string => inner(token(lines, source, lineText, text, nth));

  it('scopes numbers: hex, underscores, exponents, invalid ones', () => {
    expect(at('const MAX', '0x1F')).toBe('constant.numeric.hex');
    expect(at('const MAX', '1_000')).toBe('constant.numeric.decimal');
    expect(at('const MAX', '2.5e-3')).toBe('constant.numeric.decimal');
    expect(at('let bad', '12abc')).toBe('invalid.illegal.numeric');
    expect(at('for i in 0..n', '0')).toBe('constant.numeric.decimal');
    expect(at('for i in 0..n', '..')).toBe('keyword.operator.range');
  });

  it('scopes const, var, fn and let with their names, and parameters', () => {
    expect(at('const MAX', 'const')).toBe('storage.type.const');
    expect(at('const MAX', 'MAX')).toBe('entity.name.constant');
    expect(at('var tries', 'tries')).toBe('entity.name.variable.global');
    expect(at('fn greet', 'fn')).toBe('storage.type.function');
    expect(at('fn greet', 'greet')).toBe('entity.name.function');
    expect(at('fn greet', 'who')).toBe('variable.parameter');
    expect(at('fn greet', 'greeting')).toBe('variable.parameter');
    expect(at('let n = len', 'let')).toBe('storage.type.let');
    expect(at('let n = len', 'n')).toBe('variable.other.local');
  });

  it('scopes calls: built-in and script functions', () => {
    expect(at('let n = len', 'len')).toBe('support.function.builtin');
    expect(at('let n = len', 'count')).toBe('entity.name.function.call');
    expect(at('spawn blink', 'blink')).toBe('entity.name.function.call');
  });

  it('scopes loops, threads and their words', () => {
    expect(at('for i in 0..n', 'for')).toBe('keyword.control.loop');
    expect(at('for i in 0..n', 'in')).toBe('keyword.control.loop');
    expect(at('for i in 0..n', '+=')).toBe('keyword.operator.assignment.compound');
    expect(at('while tries', 'break')).toBe('keyword.control.loop');
    expect(at('spawn blink', 'spawn')).toBe('keyword.control.thread');
    expect(at('wait until', 'until')).toBe('keyword.control.thread');
    expect(at('wait 30 ticks', 'ticks')).toBe('keyword.control.thread');
    expect(at('stop t', 'stop')).toBe('keyword.control.thread');
    expect(at('face hero left', 'left')).toBe('constant.language.direction');
  });

  it('scopes escapes, bad escapes, interpolation with a map inside, and comments', () => {
    expect(at('print "a', '\\t')).toBe('constant.character.escape');
    expect(at('print "a', '\\q')).toBe('invalid.illegal.escape');
    expect(at('print "a', 'gold')).toBe('variable.other.property');
    expect(at('print "a', 'a', 1)).toBe('support.type.property-name');
    expect(at('print "a', '1')).toBe('constant.numeric.decimal');
    expect(at('print "a', 'done')).toBe('comment.line.double-slash');
    expect(at('comment */ return', 'return')).toBe('keyword.control.flow');
    expect(at('comment */ return', 'nil')).toBe('constant.language.nil');
    expect(token(lines, source, '/* block', '/*').scopes).toContain('comment.block.cairn');
  });
});

describe('the Cairn grammar on every example of docs/language.md', () => {
  const examples = findExamples(readFileSync(join(ROOT, 'docs/language.md'), 'utf8'), 'docs/language.md').filter(
    (e) => e.kind !== 'walk' && !e.text.includes('// expect error:'),
  );

  it('highlights every reserved word as a keyword, a property or a member, never as a plain name', async () => {
    const plain: string[] = [];
    for (const example of examples) {
      const lines = await tokenize(example.text);
      lines.forEach((tokens, i) => {
        for (const t of tokens) {
          if (RESERVED_WORDS.has(t.text) && /^variable\.other\.cairn$|^source\.cairn$/.test(t.scopes[t.scopes.length - 1]!)) {
            plain.push(`${example.doc}:${example.line + 1 + i}: ${t.text}`);
          }
        }
      });
    }
    expect(plain).toEqual([]);
  });

  it('marks nothing in them as invalid', async () => {
    const invalid: string[] = [];
    for (const example of examples) {
      const lines = await tokenize(example.text);
      lines.forEach((tokens, i) => {
        for (const t of tokens) if (t.scopes.some((s) => s.startsWith('invalid.'))) invalid.push(`${example.doc}:${example.line + 1 + i}: ${t.text}`);
      });
    }
    expect(invalid).toEqual([]);
  });
});

describe('the walkthrough grammar', () => {
  const walk = readFileSync(join(ROOT, 'test/runtime/walkthrough/fixtures/beach/tests/beach.walk'), 'utf8');
  let lines: Token[][];
  beforeAll(async () => {
    lines = await tokenize(walk, 'source.cairn-walk');
  });
  const at = (lineText: string, text: string, nth = 0): string => inner(token(lines, walk, lineText, text, nth));

  it('scopes commands, checks, names, text, numbers and comments', () => {
    expect(at('# The beach puzzle', 'The beach puzzle, start to finish.')).toBe('comment.line.number-sign');
    expect(at('do pickup shell', 'do')).toBe('keyword.control.command');
    expect(at('do pickup shell', 'shell')).toBe('variable.other.entity');
    expect(at('expect room beach', 'expect')).toBe('keyword.control.command');
    expect(at('expect room beach', 'room')).toBe('keyword.other.check');
    expect(at('expect said "Mine now."', '"')).toBe('punctuation.definition.string.begin');
    expect(at('expect hero at (200, 330)', 'at')).toBe('keyword.other.check');
    expect(at('expect hero at (200, 330)', '200')).toBe('constant.numeric');
    expect(at('click 590 250', 'click')).toBe('keyword.control.command');
    expect(at('save before-door', 'save')).toBe('keyword.control.command');
    expect(at('load before-door', 'before-door')).toBe('variable.other.save');
  });

  it('scopes the expression of `expect EXPRESSION` as Cairn script', () => {
    const open = token(lines, walk, 'expect door.open == true', 'open');
    expect(inner(open)).toBe('variable.other.property');
    expect(open.scopes).toContain('meta.embedded.expression.cairn');
    expect(at('expect door.open == true', '==')).toBe('keyword.operator.comparison');
    expect(at('expect tries == 1', '1')).toBe('constant.numeric.decimal');
  });
});

describe('the VS Code extension manifest', () => {
  const manifest = JSON.parse(readFileSync(join(EDITOR, 'package.json'), 'utf8')) as {
    contributes: {
      languages: Array<{ id: string; extensions: string[]; configuration: string }>;
      grammars: Array<{ language: string; scopeName: string; path: string }>;
      snippets: Array<{ language: string; path: string }>;
    };
  };
  // VS Code reads language configurations as JSON with comments.
  const jsonc = (path: string): unknown => JSON.parse(readFileSync(join(EDITOR, path), 'utf8').replace(/^\s*\/\/.*$/gm, ''));

  it('gives .adv to the language `cairn` and .walk to `cairn-walk`', () => {
    const byId = new Map(manifest.contributes.languages.map((l) => [l.id, l]));
    expect(byId.get('cairn')?.extensions).toEqual(['.adv']);
    expect(byId.get('cairn-walk')?.extensions).toEqual(['.walk']);
  });

  it('names grammars, configurations and snippets that exist and match', () => {
    for (const g of manifest.contributes.grammars) {
      const grammar = JSON.parse(readFileSync(join(EDITOR, g.path), 'utf8')) as { scopeName: string };
      expect(grammar.scopeName).toBe(g.scopeName);
      expect(GRAMMARS[g.scopeName]).toBe(join(EDITOR, g.path));
    }
    for (const l of manifest.contributes.languages) {
      const config = jsonc(l.configuration) as { comments: { lineComment: string } };
      expect(config.comments.lineComment).toBe(l.id === 'cairn' ? '//' : '#');
    }
    for (const s of manifest.contributes.snippets) expect(() => JSON.parse(readFileSync(join(EDITOR, s.path), 'utf8'))).not.toThrow();
  });

  it('indents after an opening bracket and outdents at a closing one', () => {
    const config = jsonc('language-configuration.json') as { indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string } };
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    expect(increase.test('room beach {')).toBe(true);
    expect(increase.test('  on look {   // comment')).toBe(true);
    expect(increase.test('  let xs = [')).toBe(true);
    expect(increase.test('  on look { say "Hi." }')).toBe(false);
    expect(decrease.test('  }')).toBe(true);
    expect(decrease.test('  ]')).toBe(true);
  });
});
