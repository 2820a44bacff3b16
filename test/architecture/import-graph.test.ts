// The dependency arrows of docs/architecture.md, checked on every file of the
// product: interpreter/ imports nothing of ours (and no package), runtime/
// only interpreter/ (and fflate, so no DOM, PixiJS or Howler), player/ sits
// on top; and no cycle of value imports anywhere. The checker is first shown
// to catch each kind of fault on a few lines written for it.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, layerViolations, sourceFiles, valueCycles, type ImportEdge } from './import-graph.js';

const ROOT = join(import.meta.dirname, '../..');
const product = ['interpreter', 'runtime', 'player'].flatMap((dir) => sourceFiles(ROOT, dir));
const edges = product.flatMap((file) => importsOf(ROOT, file));

describe('the checker', () => {
  const fake = (file: string, text: string) => importsOf(ROOT, file, text);

  it('sees value, type-only, re-exported and dynamic imports, resolved to files', () => {
    const e = fake('runtime/x.ts', "import { a } from '../interpreter/vm/vm.js';\nimport type { B } from './y.js';\nimport { type C, type D } from './z.js';\nexport * from './w.js';\nexport type { E } from './v.js';\nconst m = await import('./u.js');\nimport 'fflate';\n");
    expect(e.map((x) => [x.to ?? x.specifier, x.typeOnly, x.line])).toEqual([
      ['interpreter/vm/vm.ts', false, 1],
      ['runtime/y.ts', true, 2],
      ['runtime/z.ts', true, 3],
      ['runtime/w.ts', false, 4],
      ['runtime/v.ts', true, 5],
      ['runtime/u.ts', false, 6],
      ['fflate', false, 7],
    ]);
  });

  it('catches an arrow pointing up and a package a layer may not use', () => {
    const up: ImportEdge[] = [
      ...fake('interpreter/vm/a.ts', "import { b } from '../../runtime/game.js';"),
      ...fake('interpreter/vm/b.ts', "import type { T } from '../../player/web/protocol.js';"),
      ...fake('interpreter/vm/c.ts', "import { readFileSync } from 'node:fs';"),
      ...fake('runtime/d.ts', "import { Application } from 'pixi.js';"),
      ...fake('runtime/e.ts', "import { Howl } from 'howler';"),
      ...fake('runtime/f.ts', "import { x } from '../player/cli/main.js';"),
    ];
    expect(layerViolations(up)).toHaveLength(6);
    expect(layerViolations([...fake('runtime/g.ts', "import { zipSync } from 'fflate';\nimport { v } from '../interpreter/vm/values.js';"), ...fake('player/h.ts', "import { g } from '../runtime/game.js';\nimport { Application } from 'pixi.js';")])).toEqual([]);
  });

  it('catches a cycle of value imports, and lets type-only imports go round', () => {
    const ring = [...fake('runtime/a.ts', "import { b } from './b.js';"), ...fake('runtime/b.ts', "import { c } from './c.js';"), ...fake('runtime/c.ts', "import { a } from './a.js';")];
    expect(valueCycles(ring)).toEqual([['runtime/a.ts', 'runtime/b.ts', 'runtime/c.ts']]);
    expect(valueCycles(fake('runtime/self.ts', "import { me } from './self.js';"))).toEqual([['runtime/self.ts']]);
    const types = [...fake('runtime/a.ts', "import type { B } from './b.js';"), ...fake('runtime/b.ts', "import { a } from './a.js';")];
    expect(valueCycles(types)).toEqual([]);
  });
});

describe('the product', () => {
  it('has its files where the layers are', () => {
    expect(product.length).toBeGreaterThan(100);
    // Every relative import names a file that exists, so the graph is the real one.
    const files = new Set(product);
    const unresolved = edges.filter((e) => e.to !== undefined && !files.has(e.to) && !e.to.endsWith('.json') && !e.to.startsWith('node_modules'));
    expect(unresolved.map((e) => `${e.from}:${e.line} ${e.specifier}`).filter((s) => !s.includes('parser.generated'))).toEqual([]);
  });

  it('has every arrow pointing down', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('has no cycle of value imports', () => {
    expect(valueCycles(edges)).toEqual([]);
  });
});
