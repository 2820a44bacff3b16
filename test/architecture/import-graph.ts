// Reads the import graph of the product's TypeScript (interpreter/, runtime/,
// player/) with the TypeScript parser, and judges it by the layer rules of
// docs/architecture.md: which folder may import which, which packages each
// layer may use, and no cycle of value imports (type-only imports are erased
// at build time, so they may go in circles).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One import or re-export of a file. */
export interface ImportEdge {
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** The imported file, relative to the root, for our own files; undefined for packages. */
  to?: string;
  /** Erased at build time: `import type`, `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
  line: number;
}

/** Every .ts file under `dir` (recursively), relative to `root`, skipping generated declarations. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(root, path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The imports, re-exports and dynamic imports of one file. */
export function importsOf(root: string, file: string, text = readFileSync(join(root, file), 'utf8')): ImportEdge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: ImportEdge[] = [];
  const add = (spec: ts.Expression, typeOnly: boolean, node: ts.Node) => {
    if (!ts.isStringLiteral(spec)) return;
    const specifier = spec.text;
    const to = specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts') : undefined;
    edges.push({ from: file, specifier, to, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes = clause !== undefined && clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, clause?.isTypeOnly === true || allTypes, node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
      const named = node.exportClause;
      const allTypes = named !== undefined && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allTypes, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined) {
      add(node.arguments[0], false, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, true, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** The layer a file belongs to, by its top folder. */
export function layerOf(file: string): 'interpreter' | 'runtime' | 'player' | 'other' {
  const top = file.split(/[\\/]/)[0];
  return top === 'interpreter' || top === 'runtime' || top === 'player' ? top : 'other';
}

/** Which of our layers each layer may import, and which packages. */
const RULES = {
  interpreter: { layers: ['interpreter'], packages: (_: string) => false },
  runtime: { layers: ['interpreter', 'runtime'], packages: (p: string) => p === 'fflate' },
  player: { layers: ['interpreter', 'runtime', 'player'], packages: (_: string) => true },
} as const;

/** Every import that breaks a layer rule, as a sentence. */
export function layerViolations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const layer = layerOf(e.from);
    if (layer === 'other') continue;
    const rule = RULES[layer];
    if (e.to !== undefined) {
      const target = layerOf(e.to);
      if (!(rule.layers as readonly string[]).includes(target)) out.push(`${e.from}:${e.line} imports ${e.to}: ${layer}/ may import only ${rule.layers.join(', ')}`);
    } else if (!rule.packages(e.specifier)) {
      out.push(`${e.from}:${e.line} imports ${e.specifier}: ${layer}/ may not use that package`);
    }
  }
  return out;
}

/** The cycles of value imports (strongly connected components of more than one file, or a file importing itself). */
export function valueCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.typeOnly || e.to === undefined) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    if (!next.has(e.to)) next.set(e.to, []);
  }
  // Tarjan's algorithm, iterative so a long chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work.at(-1)!;
      const targets = next.get(top.node)!;
      if (top.i < targets.length) {
        const t = targets[top.i++]!;
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, i: 0 });
        } else if (onStack.has(t)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(t)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) low.set(work.at(-1)!.node, Math.min(low.get(work.at(-1)!.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        if (component.length > 1 || targets.includes(top.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
