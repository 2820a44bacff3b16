// The language server's answers on text as it is while being typed: the
// sample game's scripts cut short, with pieces deleted or doubled, never make
// an analysis, a completion, a hover, a definition or the outline throw —
// each is either an answer or nothing. In-process on player/lsp's modules.

import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete } from '../../player/lsp/completion.js';
import { hover } from '../../player/lsp/hover.js';
import { definition, documentSymbols, references } from '../../player/lsp/navigation.js';
import { Workspace } from '../../player/lsp/workspace.js';
import { ROOT } from '../support/cli.js';

const GAME = join(ROOT, 'bundles', 'gull-rock');

describe('the language server on half-typed text', () => {
  const ws = new Workspace(GAME);
  const files = [...ws.scripts(), ...ws.walkthroughs()];
  const originals = new Map(files.map((f) => [f, ws.text(f)!]));

  it('answers every request without throwing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), fc.nat(), fc.constantFrom('cut', 'delete', 'double'), fc.nat(), (file, a, b, edit, cursor) => {
        const text = originals.get(file)!;
        const [from, to] = [a % text.length, b % text.length].sort((x, y) => x - y) as [number, number];
        const edited = edit === 'cut' ? text.slice(0, to) : edit === 'delete' ? text.slice(0, from) + text.slice(to) : text.slice(0, to) + text.slice(from);
        ws.setBuffer(file, edited);
        const { problems } = ws.analyze();
        expect(problems.has(file)).toBe(true);
        const offset = edited.length === 0 ? 0 : cursor % edited.length;
        const lineStart = edited.lastIndexOf('\n', offset - 1) + 1;
        complete(ws, file, offset, edited.slice(lineStart, offset), (c) => ({ start: { line: 0, character: c }, end: { line: 0, character: offset - lineStart } }));
        hover(ws, file, offset);
        definition(ws, file, offset);
        references(ws, file, offset, true);
        documentSymbols(ws, file);
        ws.setBuffer(file, text);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
