// The documentation's examples cannot rot: every ```cairn block of
// docs/language.md and docs/tutorial.md runs on the VM, every
// ```cairn-adventure block on the adventure runtime (with the ```walk block
// after it, if any), and each is compared with its `// expect…` comments by
// the language tests' harness. The reference must also name every native,
// reserved word, error code, limit, well-known property and walkthrough command,
// and the links of both documents must lead somewhere.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVENTURE_NATIVES } from '../../interpreter/compiler/adventure-natives.js';
import { ERROR_CODES } from '../../interpreter/error-codes.js';
import { RESERVED_WORDS } from '../../interpreter/syntax/reserved-words.js';
import { BUILTIN_NATIVES } from '../../interpreter/vm/builtins.js';
import { DEFAULT_LIMITS } from '../../interpreter/vm/memory.js';
import { WELL_KNOWN } from '../../runtime/world/properties.js';
import { WALK_COMMANDS } from '../../runtime/walkthrough/commands.js';
import { parseWalkthrough } from '../../runtime/walkthrough/parse.js';
import { scaffoldFiles } from '../../player/cli/scaffold.js';
import { checkProgram } from '../support/run-adv.js';
import { runGame } from './game-runner.js';
import { findExamples, type Example } from './markdown-examples.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = ['docs/language.md', 'docs/tutorial.md'] as const;
const read = (doc: string): string => readFileSync(join(ROOT, doc), 'utf8');

/** Errors name an example by its document and the line of its opening fence. */
const fileOf = (e: Example): string => `${e.doc}#L${e.line}`;
const titleOf = (e: Example): string => `${e.section} (line ${e.line})`;

for (const doc of DOCS) {
  describe(`examples in ${doc}`, () => {
    const examples = findExamples(read(doc), doc);

    it('has examples', () => {
      expect(examples.filter((e) => e.kind !== 'walk').length).toBeGreaterThan(0);
    });

    for (const example of examples) {
      const file = fileOf(example);
      if (example.kind === 'cairn') {
        it(titleOf(example), () => checkProgram(file, example.text));
      } else if (example.kind === 'cairn-adventure') {
        const walk = example.walk && { file: fileOf(example.walk), text: example.walk.text };
        it(titleOf(example), () => checkProgram(file, example.text, (f, t) => runGame(f, t, walk)));
      } else {
        it(`${titleOf(example)} is a valid walkthrough`, () => {
          expect(() => parseWalkthrough(example.text, file)).not.toThrow();
        });
      }
    }
  });
}

describe('docs/language.md is complete', () => {
  const text = read('docs/language.md');
  const code = findExamples(text, 'docs/language.md')
    .filter((e) => e.kind !== 'walk')
    .map((e) => e.text)
    .join('\n');

  it('runs an example of every builtin native', () => {
    const missing = BUILTIN_NATIVES.map((n) => n.name).filter((name) => !new RegExp(`\\b${name}\\(`).test(code));
    expect(missing).toEqual([]);
  });

  it('lists the reserved words', () => {
    const list = /reserved\s+words\*\*[\s\S]*?```text\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    expect(list.split(/\s+/).filter(Boolean).sort()).toEqual([...RESERVED_WORDS].sort());
  });

  it('uses every reserved word in an example', () => {
    const missing = [...RESERVED_WORDS].filter((word) => !new RegExp(`\\b${word}\\b`).test(code));
    expect(missing).toEqual([]);
  });

  it('describes every adventure statement', () => {
    // `say [actor] TEXT` → "say"; `play music "FILE" [fade SECONDS]` → "play music".
    const words = ADVENTURE_NATIVES.map((n) => /^[a-z]+(?: [a-z]+)?/.exec(n.statement.replace(/ [A-Z"[(].*$/, ''))![0]);
    const missing = words.filter((w) => !text.includes(`\`${w}`));
    expect(missing).toEqual([]);
  });

  it('lists every error code', () => {
    const missing = Object.keys(ERROR_CODES).filter((c) => !text.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });

  it('lists every sandbox limit with its default', () => {
    const missing = Object.keys(DEFAULT_LIMITS).filter((k) => !text.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });

  it('describes every well-known property', () => {
    const missing = Object.entries(WELL_KNOWN).flatMap(([kind, rules]) => [...rules.keys()].filter((p) => !text.includes(`\`${p}\``) && !text.includes(`\`${p}:`)).map((p) => `${kind}.${p}`));
    expect(missing).toEqual([]);
  });

  it('describes every walkthrough command', () => {
    const missing = WALK_COMMANDS.map((c) => c.syntax).filter((s) => !text.includes(s));
    expect(missing).toEqual([]);
  });
});

describe('links in the documentation', () => {
  for (const doc of DOCS) {
    it(`${doc} links only to headings and files that exist`, () => {
      const text = read(doc);
      // GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered.
      const anchors = new Set<string>();
      for (const [, heading] of text.matchAll(/^#{1,6}\s+(.*)$/gm)) {
        const slug = heading!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
        let unique = slug;
        for (let n = 1; anchors.has(unique); n++) unique = `${slug}-${n}`;
        anchors.add(unique);
      }
      const broken: string[] = [];
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        if (/^[a-z]+:/.test(path)) continue;
        if (path === '' ? !anchors.has(anchor ?? '') : !existsSync(join(ROOT, 'docs', path))) broken.push(target!);
      }
      expect(broken).toEqual([]);
    });
  }
});

describe('docs/tutorial.md matches `cairn new`', () => {
  it('lists the files the scaffold writes', () => {
    const text = read('docs/tutorial.md');
    const missing = Object.keys(scaffoldFiles('My Game', 'org.example.mygame')).filter((f) => !text.includes(f));
    expect(missing).toEqual([]);
  });
});
