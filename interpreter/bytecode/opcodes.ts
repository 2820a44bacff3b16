// The one opcode table. The code generator, the verifier, the disassembler and
// the VM all read it: adding an opcode touches this table and its one handler.
// Numbers are part of the bytecode format: never renumber, never reuse a number;
// new opcodes take new numbers. Tests compare opcode names, never numbers.
//
// Code is an Int32Array: one word for the opcode, then one word per operand.

/** What an operand word means; the verifier checks each kind's range. */
export type OperandKind =
  | 'const' // index into the module's constants
  | 'local' // slot in the current frame
  | 'global' // index into the module's globals
  | 'fn' // index into the module's functions
  | 'native' // index into the module's native imports
  | 'text' // index into the module's texts
  | 'target' // absolute code offset of an instruction in the same function
  | 'count' // a small non-negative count (arguments, items)
  | 'int'; // a signed integer immediate

/** Stack effect: values popped and pushed, given the instruction's operands. */
export interface StackEffect {
  pop: number;
  push: number;
}

/** One row of the table. */
export interface OpcodeInfo {
  readonly name: string;
  readonly code: number;
  readonly operands: readonly OperandKind[];
  /** Values popped and pushed; a function when it depends on an operand. */
  readonly stack: StackEffect | ((operands: readonly number[]) => StackEffect);
  /** Control never falls through to the next instruction (jumps, returns). */
  readonly terminal?: boolean;
  /** May suspend the thread; the stack effect holds when it resumes. */
  readonly suspends?: boolean;
  /** Consecutive slots each `local` operand names (default 1): FOR_RANGE and ITER_NEXT use s and s+1. */
  readonly localSlots?: number;
  /** Stack effect when the `target` edge is taken, where it differs from `stack` (ITER_NEXT pushes nothing when done). */
  readonly jumpStack?: StackEffect;
  readonly doc: string;
}

const fx = (pop: number, push: number): StackEffect => ({ pop, push });

/** The table, in opcode-number order. */
export const OPCODE_TABLE = [
  // constants and literals
  { name: 'CONST', code: 0, operands: ['const'], stack: fx(0, 1), doc: 'push constants[k]' },
  { name: 'NIL', code: 1, operands: [], stack: fx(0, 1), doc: 'push nil' },
  { name: 'TRUE', code: 2, operands: [], stack: fx(0, 1), doc: 'push true' },
  { name: 'FALSE', code: 3, operands: [], stack: fx(0, 1), doc: 'push false' },
  { name: 'INT', code: 4, operands: ['int'], stack: fx(0, 1), doc: 'push the integer immediate n' },
  // stack, locals, globals
  { name: 'POP', code: 5, operands: [], stack: fx(1, 0), doc: 'discard the top value' },
  { name: 'DUP', code: 6, operands: [], stack: fx(1, 2), doc: 'duplicate the top value' },
  { name: 'GET_LOCAL', code: 7, operands: ['local'], stack: fx(0, 1), doc: 'push local s' },
  { name: 'SET_LOCAL', code: 8, operands: ['local'], stack: fx(1, 0), doc: 'pop into local s' },
  { name: 'GET_GLOBAL', code: 9, operands: ['global'], stack: fx(0, 1), doc: 'push global g' },
  { name: 'SET_GLOBAL', code: 10, operands: ['global'], stack: fx(1, 0), doc: 'pop into global g' },
  { name: 'FN', code: 11, operands: ['fn'], stack: fx(0, 1), doc: 'push a reference to function f' },
  // arithmetic and comparison: pop b, pop a, push a OP b
  { name: 'ADD', code: 12, operands: [], stack: fx(2, 1), doc: 'a + b (numbers, strings, lists)' },
  { name: 'SUB', code: 13, operands: [], stack: fx(2, 1), doc: 'a - b' },
  { name: 'MUL', code: 14, operands: [], stack: fx(2, 1), doc: 'a * b' },
  { name: 'DIV', code: 15, operands: [], stack: fx(2, 1), doc: 'a / b, true division; b == 0 is an error' },
  { name: 'MOD', code: 16, operands: [], stack: fx(2, 1), doc: 'a % b, floored; b == 0 is an error' },
  { name: 'NEG', code: 17, operands: [], stack: fx(1, 1), doc: '-a' },
  { name: 'NOT', code: 18, operands: [], stack: fx(1, 1), doc: 'not a (nil and false are falsy)' },
  { name: 'EQ', code: 19, operands: [], stack: fx(2, 1), doc: 'a == b, by value for lists, maps and points' },
  { name: 'NE', code: 20, operands: [], stack: fx(2, 1), doc: 'a != b' },
  { name: 'LT', code: 21, operands: [], stack: fx(2, 1), doc: 'a < b (numbers or strings)' },
  { name: 'LE', code: 22, operands: [], stack: fx(2, 1), doc: 'a <= b' },
  { name: 'GT', code: 23, operands: [], stack: fx(2, 1), doc: 'a > b' },
  { name: 'GE', code: 24, operands: [], stack: fx(2, 1), doc: 'a >= b' },
  { name: 'RANGE', code: 25, operands: [], stack: fx(2, 1), doc: 'a..b, end exclusive' },
  { name: 'TO_BOOL', code: 26, operands: [], stack: fx(1, 1), doc: 'truthiness of a as a boolean' },
  // control flow (targets are absolute offsets in the function's code)
  { name: 'JUMP', code: 27, operands: ['target'], stack: fx(0, 0), terminal: true, doc: 'jump to t' },
  { name: 'JUMP_IF_FALSE', code: 28, operands: ['target'], stack: fx(1, 0), doc: 'pop; jump to t when falsy' },
  { name: 'JUMP_IF_TRUE', code: 29, operands: ['target'], stack: fx(1, 0), doc: 'pop; jump to t when truthy' },
  { name: 'JUMP_UNLESS_LT', code: 30, operands: ['target'], stack: fx(2, 0), doc: 'pop b, a; jump to t unless a < b' },
  { name: 'JUMP_UNLESS_LE', code: 31, operands: ['target'], stack: fx(2, 0), doc: 'pop b, a; jump to t unless a <= b' },
  { name: 'JUMP_UNLESS_GT', code: 32, operands: ['target'], stack: fx(2, 0), doc: 'pop b, a; jump to t unless a > b' },
  { name: 'JUMP_UNLESS_GE', code: 33, operands: ['target'], stack: fx(2, 0), doc: 'pop b, a; jump to t unless a >= b' },
  { name: 'JUMP_UNLESS_EQ', code: 34, operands: ['target'], stack: fx(2, 0), doc: 'pop b, a; jump to t unless a == b' },
  { name: 'JUMP_UNLESS_NE', code: 35, operands: ['target'], stack: fx(2, 0), doc: 'pop b, a; jump to t unless a != b' },
  {
    name: 'FOR_RANGE', code: 36, operands: ['local', 'target'], stack: fx(0, 0), localSlots: 2,
    doc: 'numeric loop step: locals s (counter) and s+1 (end); s += 1; jump to t while s < end',
  },
  {
    name: 'ITER_NEXT', code: 37, operands: ['local', 'target'], stack: fx(0, 1), localSlots: 2, jumpStack: fx(0, 0),
    doc: 'locals s (iterable) and s+1 (position): push the next element and advance, or jump to t when done (pushing nothing)',
  },
  { name: 'ITER_PREP', code: 38, operands: [], stack: fx(1, 1), doc: 'check an iterable for `for … in` (list, range, map keys, string)' },
  // calls
  { name: 'CALL', code: 39, operands: ['fn', 'count'], stack: (o) => fx(o[1]!, 1), doc: 'call function f with n arguments' },
  { name: 'CALL_NATIVE', code: 40, operands: ['native', 'count'], stack: (o) => fx(o[1]!, 1), suspends: true, doc: 'call native import i with n arguments; a blocking native suspends the thread' },
  { name: 'CALL_VALUE', code: 41, operands: ['count'], stack: (o) => fx(o[0]! + 1, 1), doc: 'call the function value below n arguments' },
  { name: 'RETURN', code: 42, operands: [], stack: fx(1, 0), terminal: true, doc: 'return the top value' },
  { name: 'RETURN_NIL', code: 43, operands: [], stack: fx(0, 0), terminal: true, doc: 'return nil' },
  // collections and members
  { name: 'LIST', code: 44, operands: ['count'], stack: (o) => fx(o[0]!, 1), doc: 'pop n values into a new list' },
  { name: 'MAP', code: 45, operands: ['count'], stack: (o) => fx(2 * o[0]!, 1), doc: 'pop n key/value pairs into a new map' },
  { name: 'POINT', code: 46, operands: [], stack: fx(2, 1), doc: 'pop y, x; push the point (x, y)' },
  { name: 'INDEX_GET', code: 47, operands: [], stack: fx(2, 1), doc: 'pop index, target; push target[index]' },
  { name: 'INDEX_SET', code: 48, operands: [], stack: fx(3, 0), doc: 'pop value, index, target; target[index] = value' },
  { name: 'MEMBER_GET', code: 49, operands: ['const'], stack: fx(1, 1), doc: 'pop target; push target.name (name is string constant k)' },
  { name: 'MEMBER_SET', code: 50, operands: ['const'], stack: fx(2, 0), doc: 'pop value, target; target.name = value' },
  { name: 'CONCAT', code: 51, operands: ['count'], stack: (o) => fx(o[0]!, 1), doc: 'pop n values, join their printed forms into one string (interpolation)' },
  // threads and output
  { name: 'SPAWN', code: 52, operands: ['fn', 'count'], stack: (o) => fx(o[1]!, 1), doc: 'start function f with n arguments as a new thread; push its handle' },
  { name: 'SPAWN_VALUE', code: 53, operands: ['count'], stack: (o) => fx(o[0]! + 1, 1), doc: 'start the function value below n arguments as a thread' },
  { name: 'WAIT_TICKS', code: 54, operands: [], stack: fx(1, 0), suspends: true, doc: 'pop n; sleep n ticks' },
  { name: 'WAIT_SECONDS', code: 55, operands: [], stack: fx(1, 0), suspends: true, doc: 'pop s; sleep secondsToTicks(s) ticks (vm/ticks.ts)' },
  { name: 'YIELD', code: 56, operands: [], stack: fx(0, 0), suspends: true, doc: 'give up the rest of this tick' },
  { name: 'STOP_THREAD', code: 57, operands: [], stack: fx(1, 0), doc: 'pop a thread handle and end that thread' },
  { name: 'PRINT', code: 58, operands: [], stack: fx(1, 0), doc: 'pop a value and write it to the transcript' },
  // fused forms the compiler emits for common shapes
  { name: 'GET_LOCAL2', code: 59, operands: ['local', 'local'], stack: fx(0, 2), doc: 'push locals a and b' },
  { name: 'ADD_INT', code: 60, operands: ['int'], stack: fx(1, 1), doc: 'a + n for the integer immediate n' },
  { name: 'INC_LOCAL', code: 61, operands: ['local', 'int'], stack: fx(0, 0), doc: 'local s += n (a number)' },
  // debugging: emitted only when compiling with {debug: true}, so other code never meets it
  { name: 'LINE', code: 62, operands: ['int'], stack: fx(0, 0), doc: 'a statement on source line n starts: tell the host (VMOptions.onLine), if it listens' },
  // translatable text (vm/texts.ts)
  {
    name: 'TEXT', code: 63, operands: ['text', 'count'], stack: (o) => fx(o[1]!, 1),
    doc: 'pop n values (the pieces and placeholder values of text t; a plural text has its count first) and push text t in the current language, or joined as CONCAT does when there is no translation',
  },
] as const satisfies readonly OpcodeInfo[];

/** Opcode names as a union type. */
export type OpName = (typeof OPCODE_TABLE)[number]['name'];

/** Opcode numbers by name: `Op.ADD`. */
export const Op = Object.freeze(Object.fromEntries(OPCODE_TABLE.map((o) => [o.name, o.code]))) as { readonly [K in OpName]: Extract<(typeof OPCODE_TABLE)[number], { name: K }>['code'] };

/** Table rows by opcode number (undefined for numbers not in use). */
export const OPCODES_BY_CODE: ReadonlyArray<OpcodeInfo | undefined> = (() => {
  const byCode: Array<OpcodeInfo | undefined> = [];
  for (const info of OPCODE_TABLE) {
    if (byCode[info.code] !== undefined) throw new Error(`opcode number ${info.code} used twice`);
    byCode[info.code] = info;
  }
  return byCode;
})();

/** The stack effect of an instruction with these operands. */
export function stackEffect(info: OpcodeInfo, operands: readonly number[]): StackEffect {
  return typeof info.stack === 'function' ? info.stack(operands) : info.stack;
}

/** Words an instruction occupies (the opcode plus its operands). */
export function instructionSize(info: OpcodeInfo): number {
  return 1 + info.operands.length;
}
