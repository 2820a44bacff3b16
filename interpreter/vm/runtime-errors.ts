// The errors the VM raises, in one place: how each reads, and how any thrown
// value becomes a CairnError located at the failing instruction (file:line:col
// from the line table) with the calling frames as notes.

import { CairnError, isCairnError, type Note } from '../errors.js';
import { sourceSpan, type Program } from './program.js';
import type { Thread } from './thread.js';
import { typeName, type Value } from './values.js';

const OPERATOR_NAMES: Record<string, string> = { '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'take the remainder of', neg: 'negate', '+': 'add' };

/** TYPE_ERROR for an arithmetic operator on non-numbers. */
export function arithmeticError(op: string, a: Value, b?: Value): CairnError {
  const what = b === undefined ? typeName(a) : `${typeName(a)} and ${typeName(b)}`;
  return new CairnError('TYPE_ERROR', `cannot ${OPERATOR_NAMES[op] ?? op} ${what}`);
}

/** DIVIDE_BY_ZERO for `/` and `%`. */
export function divideByZero(op: string): CairnError {
  return new CairnError('DIVIDE_BY_ZERO', op === '%' ? 'remainder of division by zero' : 'division by zero');
}

/** TYPE_ERROR for `<` and friends on anything but two numbers or two strings. */
export function compareError(op: string, a: Value, b: Value): CairnError {
  return new CairnError('TYPE_ERROR', `cannot compare ${typeName(a)} ${op} ${typeName(b)}: both sides must be numbers or both strings`);
}

/** NOT_CALLABLE for calling something that is not a function. */
export function notCallable(v: Value): CairnError {
  return new CairnError('NOT_CALLABLE', `cannot call ${typeName(v)}: it is not a function`);
}

/** BAD_ARGUMENT for a call with the wrong number of arguments. */
export function arityError(name: string, min: number, max: number, got: number): CairnError {
  const want = min === max ? `${min}` : `${min} to ${max}`;
  return new CairnError('BAD_ARGUMENT', `\`${name}\` takes ${want} argument${want === '1' ? '' : 's'}, got ${got}`);
}

/** BUDGET_EXCEEDED: the thread worked too long without waiting. */
export function budgetError(limit: number): CairnError {
  return new CairnError('BUDGET_EXCEEDED', `the scripts did more than ${limit} steps of work in one tick without waiting`, {
    hint: 'a loop that never ends? Long loops should `yield` or `wait` now and then',
  });
}

/** The error for a CALL whose quick checks failed: arity, then budget, then depth. */
export function callError(limits: { instructionsPerTick: number; maxCallDepth: number }, name: string, min: number, max: number, argc: number, fuel: number): CairnError {
  if (argc < min || argc > max) return arityError(name, min, max, argc);
  if (fuel < 0) return budgetError(limits.instructionsPerTick);
  return new CairnError('CALL_DEPTH_EXCEEDED', `calls are nested more than ${limits.maxCallDepth} deep`, { hint: 'a function that calls itself without end?' });
}

/** RUNTIME: an instruction takes more values than the stack holds (bytecode that did not pass the verifier). */
export function stackUnderflow(): CairnError {
  return new CairnError('RUNTIME', 'the bytecode takes more values than its stack holds (was it verified?)');
}

/** Any thrown value as a CairnError: JS's own length limits become MEMORY_EXCEEDED. */
export function asCairnError(e: unknown): CairnError {
  if (isCairnError(e)) return e;
  if (e instanceof RangeError && /Invalid (string|array|typed array) length|Array buffer allocation/.test(e.message)) {
    return new CairnError('MEMORY_EXCEEDED', 'the script built a value too large for memory', { cause: e });
  }
  // The fast tier's calls are JS calls (interpreter/vm/fast/stack-room.ts keeps them within the host's stack; this is the backstop).
  if (e instanceof RangeError && /Maximum call stack size exceeded/.test(e.message)) {
    return new CairnError('CALL_DEPTH_EXCEEDED', 'calls are nested deeper than this host\'s stack allows', { hint: 'a function that calls itself without end?', cause: e });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new CairnError('RUNTIME', `internal error: ${message}`, { cause: e });
}

/** `e` as a CairnError placed at instruction `pc` of the thread's current function, with up to 8 callers as notes. */
export function locateError(program: Program, e: unknown, th: Thread, pc: number): CairnError {
  const err = asCairnError(e);
  if (err.span !== undefined) return err;
  const fns = program.fns;
  const fn = fns[th.fn];
  if (fn === undefined) return err;
  const notes: Note[] = [...err.notes];
  const span = sourceSpan(fn, pc);
  // A limit is hit by the script as a whole: say which handler or function was running, and where.
  const message = NAMES_PLACE.has(err.code) ? `${err.message} (in ${describeFunction(fn.name)}, line ${span.start.line})` : err.message;
  for (let fp = th.fp - 3, shown = 0; fp >= 0 && shown < 8; fp -= 3, shown++) {
    const caller = fns[th.frames[fp]!];
    // The saved pc is after the call; one word back is inside the call instruction.
    if (caller) notes.push({ message: `called from \`${caller.name}\``, span: sourceSpan(caller, th.frames[fp + 1]! - 1) });
  }
  return new CairnError(err.code, message, { span, hint: err.hint, notes, related: err.related, cause: err.cause });
}

/** The codes of limits whose errors name the handler or function that ran into them. */
const NAMES_PLACE: ReadonlySet<string> = new Set(['BUDGET_EXCEEDED', 'TOO_MANY_THREADS', 'MEMORY_EXCEEDED']);

/** "the handler `on start`", "the handler `lamp on look`" or "the function `down`". */
export function describeFunction(name: string): string {
  return /(^| )on /.test(name) ? `the handler \`${name}\`` : `the function \`${name}\``;
}
