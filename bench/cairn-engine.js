// The one place the benchmarks touch Cairn's pipeline (the built dist/), so an
// API change is fixed here and nowhere else. Until the compiler and VM are
// built, open() reports Cairn as not available instead of failing.
import { existsSync } from 'node:fs';

const DIST = new URL('../dist/interpreter/', import.meta.url);
const COMPILER = new URL('compiler/compile.js', DIST);
const VM_FILE = new URL('vm/vm.js', DIST);
const BINARY = new URL('bytecode/binary.js', DIST);
const ERRORS = new URL('diagnostic-format.js', DIST);

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

  const describe = (error, file, text) =>
    formatError && error?.code ? formatError(error, { sources: (name) => (name === file ? text : undefined) }) : String(error?.message ?? error);

  /** Compiles one file; compile() throws one COMPILE_FAILED error listing every problem. */
  const compileOne = (text, file) => {
    try {
      return compile([{ file, text }]).module;
    } catch (error) {
      throw new Error(`compile failed: ${describe(error, file, text)}`);
    }
  };

  return {
    id: 'cairn',
    label: `Cairn (this checkout's dist/; compile = parse + compile${encodeModule ? ' + encodeModule' : ''})`,
    language: 'cairn',
    /** `options.fastTier: false` runs every function in the interpreter (the GC section measures both tiers). */
    prepare(source, file, options = {}) {
      const module = compileOne(source, file);
      // A run is a fresh VM: `on start`, then ticks until no thread is left; the value is
      // the last line printed. Only the per-tick budget is lifted (a 10M-iteration loop
      // is one tick); every other limit stays at the game default, so its cost is measured.
      return () => {
        const lines = [];
        const vm = new VM(module, {
          fastTier: options.fastTier,
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
