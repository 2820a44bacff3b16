// Why the objects of one small compile live as long as the process. V8's
// optimized code checks the hidden classes of the objects it reads and holds
// them weakly, and a hidden class lives only while some object of it does.
// The compiler's objects — each pass's walker, the function builder, a jump
// label, the byte writer — all die when a compile returns, so the next full
// GC threw away the optimized code of every function that reads them
// ("marking dependent code … reason: weak objects" under `--trace-deopt`),
// and a rebuild after it (`cairn dev`, the language server) optimized the
// compiler all over again. So a process that compiles more than once first
// compiles a small program with keeping on (compiler/compile.ts), and each
// such object made meanwhile is kept: a few kilobytes. vm/shape-keeper.ts does the same
// for the VM, and syntax/parse.ts for the parser's functions.

let keeping = false;
const kept: object[] = [];

/** Keeps `o` for the life of the process when it is made inside keepWhile; otherwise does nothing. */
export function keepAlive(o: object): void {
  if (keeping) kept.push(o);
}

/** Runs `make` with keepAlive keeping every object that asks. */
export function keepWhile(make: () => void): void {
  keeping = true;
  try {
    make();
  } finally {
    keeping = false;
  }
}

/** How many objects are kept (for tests). */
export function keptCount(): number {
  return kept.length;
}
