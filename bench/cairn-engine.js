// The one place the benchmarks touch Cairn's pipeline (the built dist/), so an
// API change is fixed here and nowhere else. Until the compiler and VM are
// built, open() reports Cairn as not available instead of failing.
import { existsSync } from 'node:fs';

const DIST = new URL('../dist/interpreter/', import.meta.url);
const COMPILER = new URL('compiler/compile.js', DIST);
const VM_FILE = new URL('vm/vm.js', DIST);
const BINARY = new URL('bytecode/binary.js', DIST);
const ERRORS = new URL('errors.js', DIST);

/** A run that never ends is a bug, not a slow benchmark. */
const MAX_TICKS = 10_000_000;

/** Cairn, or `{ unavailable: reason }` while the pipeline is not built. */
export async function open() {
  const missing = [COMPILER, VM_FILE].filter((url) => !existsSync(url));
  if (missing.length > 0) {
    return { unavailable: `not available yet (no ${missing.map((u) => u.pathname.replace(/.*\/dist\//, 'dist/')).join(', ')})` };
  }
  const { compile } = await import(COMPILER.href);
  const { VM } = await import(VM_FILE.href);
  const encodeModule = existsSync(BINARY) ? (await import(BINARY.href)).encodeModule : undefined;
  const formatError = existsSync(ERRORS) ? (await import(ERRORS.href)).formatError : undefined;
  if (typeof compile !== 'function' || typeof VM !== 'function') {
    return { unavailable: 'not available yet (compile() or VM not exported)' };
  }

  const describe = (error) => (formatError && error?.code ? formatError(error) : String(error?.message ?? error));

  /** Compiles one file; compile errors (thrown or returned) become one Error. */
  const compileOne = (text, file) => {
    let result;
    try {
      result = compile([{ file, text }]);
    } catch (error) {
      throw new Error(`compile failed: ${describe(error)}`);
    }
    const problems = result.errors ?? result.diagnostics?.filter((d) => d.severity !== 'warning') ?? [];
    if (!result.module || problems.length > 0) {
      throw new Error(`compile failed: ${problems.map(describe).join('\n') || 'no module'}`);
    }
    return result.module;
  };

  return {
    id: 'cairn',
    label: 'Cairn (this build)',
    language: 'cairn',
    encodes: Boolean(encodeModule),
    prepare(source, file) {
      const module = compileOne(source, file);
      // Runs `on start` and ticks until no thread is left; the value is the last line printed.
      return () => {
        const lines = [];
        const vm = new VM(module, {
          limits: { instructionsPerTick: Infinity },
          print: (line) => lines.push(String(line)),
        });
        vm.init();
        vm.startHandlers('start');
        let ticks = 0;
        while (vm.threadCount > 0) {
          if (++ticks > MAX_TICKS) throw new Error(`still ${vm.threadCount} threads after ${MAX_TICKS} ticks`);
          vm.tick();
        }
        return lines.length > 0 ? Number(lines[lines.length - 1]) : undefined;
      };
    },
    prepareCompile(source, file) {
      compileOne(source, file); // report compile errors once, before timing
      return () => {
        const module = compileOne(source, file);
        if (encodeModule) encodeModule(module);
      };
    },
    close() {},
  };
}
