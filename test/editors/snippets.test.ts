// The editor snippets (editors/vscode/snippets/cairn.json) must expand to Cairn
// that compiles: each snippet, with every placeholder at its default, is put
// into one program with what it refers to, and that program must compile.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../interpreter/compiler/compile.js';

const EDITOR = join(import.meta.dirname, '..', '..', 'editors', 'vscode');

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

const snippets = JSON.parse(readFileSync(join(EDITOR, 'snippets', 'cairn.json'), 'utf8')) as Record<string, Snippet>;

/**
 * A snippet's text as VS Code inserts it when every placeholder keeps its
 * default: `${N:text}` becomes its text, `$N` mirrors placeholder N, and the
 * escapes `\}`, `\$`, `\\` become the characters (a bare `}` would end a placeholder).
 */
function expand(body: string[]): string {
  const values = new Map<string, string>();
  // Escaped characters are hidden as private-use characters until the end.
  const hidden = (c: string): string => String.fromCharCode(0xe000 + c.charCodeAt(0));
  let out = body.join('\n').replace(/\t/g, '  ').replace(/\\([}$\\])/g, (_, c: string) => hidden(c));
  const mirror = (text: string): string => text.replace(/\$(\d+)/g, (_, k: string) => values.get(k) ?? '');
  // Innermost placeholders first, so defaults that hold `$1` or `${2:…}` resolve.
  for (let changed = true; changed; ) {
    changed = false;
    out = out.replace(/\$\{(\d+):((?:[^$}]|\$\d+)*)\}/g, (_, n: string, value: string) => {
      changed = true;
      values.set(n, mirror(value));
      return values.get(n)!;
    });
  }
  return mirror(out).replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

/** Where statement snippets go, and the world the others refer to. */
const PRELUDE = `actor hero { name: "Robin" }
costume keeper { sheet: "art/keeper.png" }
object key { name: "key" }
`;

const STATEMENT_SNIPPETS = new Set(['cutscene', 'if', 'for', 'while']);

describe('snippets', () => {
  it('cover room, object, actor, costume, dialog, handlers and fn', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    for (const p of ['room', 'object', 'actor', 'costume', 'dialog', 'option', 'verbs', 'on', 'onwith', 'onstart', 'onunhandled', 'fn']) expect(prefixes).toContain(p);
    for (const s of Object.values(snippets)) expect(s.description.length).toBeGreaterThan(0);
  });

  it('expand to a program that compiles', () => {
    const parts: string[] = [PRELUDE];
    const statements: string[] = [];
    for (const s of Object.values(snippets)) {
      const code = expand(s.body);
      expect(code, `${s.prefix} leaves a placeholder`).not.toMatch(/\$\{?\d/);
      if (STATEMENT_SNIPPETS.has(s.prefix)) statements.push(code);
      else if (s.prefix === 'option') parts.push(`dialog more {\n${code}\n}`);
      else parts.push(code);
    }
    parts.push(`fn statements() {\n  let condition = true\n${statements.join('\n')}\n}`);
    const text = parts.join('\n\n');
    expect(() => compile([{ file: 'snippets.adv', text }]), text).not.toThrow();
  });
});
