// Lets the plain-JS harness import bench modules written in TypeScript
// (bench/bundle.ts): Node module hooks that strip types with the project's own
// `typescript` (transpileModule; no type check — `npm run typecheck` does that).
// This file is both the importer and, in Node's hooks thread, the hooks.
import { register } from 'node:module';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

let registered = false;

/** `import()` a .ts file (and the .ts files it imports) from plain JS. */
export async function importTypeScript(url) {
  if (!registered) {
    register(import.meta.url);
    registered = true;
  }
  return import(url);
}

// ─── Hooks (run in Node's hooks thread) ─────────────────────────────────────

/**
 * TypeScript sources import each other as `./x.js` (NodeNext style); when that
 * file does not exist next to a .ts importer, fall back to `./x.ts`.
 */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTypeScript = context.parentURL?.endsWith('.ts');
    if (!fromTypeScript || error?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.{1,2}\/.*\.js$/.test(specifier)) throw error;
    return nextResolve(specifier.replace(/\.js$/, '.ts'), context);
  }
}

let typescript;

/** .ts files load as ES modules with their types stripped. */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  typescript ??= (await import('typescript')).default;
  const path = fileURLToPath(url);
  const { outputText } = typescript.transpileModule(await readFile(path, 'utf8'), {
    fileName: path,
    compilerOptions: {
      module: typescript.ModuleKind.ESNext,
      target: typescript.ScriptTarget.ES2022,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
