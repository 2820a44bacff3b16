// The disassembler: a module as text for people (`cairn disasm`, test failures,
// bug reports). Driven by the opcode table alone, and total: it prints broken,
// unverified modules too, marking what does not make sense instead of throwing,
// because that is exactly when someone needs to read the bytecode.

import type { SourceLookup } from '../diagnostic-format.js';
import type { Constant, FunctionProto, Module } from './module.js';
import { OPCODES_BY_CODE, OPCODE_TABLE, type OperandKind } from './opcodes.js';

/** Where to find source text, so each run of instructions shows the line it came from. */
export interface DisassembleOptions {
  sources?: SourceLookup;
}

const NAME_WIDTH = Math.max(...OPCODE_TABLE.map((o) => o.name.length)) + 1;
const MAX_SHOWN_STRING = 60;

/** The whole module as text: a summary, then every function, source-annotated. */
export function disassemble(m: Module, options: DisassembleOptions = {}): string {
  const out: string[] = [];
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  out.push(`; cairn bytecode, format ${m.version}: ${count(m.functions.length, 'function')}, ${count(m.constants.length, 'constant')}, ${count(m.globals.length, 'global')}, ${count(m.natives.length, 'native')}${m.texts ? `, ${count(m.texts.length, 'text')}` : ''}`);
  out.push(`; init: ${functionName(m, m.init)}`);
  for (const h of m.handlers) {
    const owner = h.owner === '' ? '' : ` of ${h.owner}`;
    const withName = h.with === undefined ? '' : ` with ${h.with}`;
    out.push(`; handler on ${h.event}${owner}${withName}: ${functionName(m, h.fn)}`);
  }
  const sourceLines = new SourceCache(options.sources);
  m.functions.forEach((fn, index) => {
    out.push('');
    disassembleInto(out, m, fn, index, sourceLines);
  });
  return out.join('\n') + '\n';
}

/** One function as text, without the module summary. */
export function disassembleFunction(m: Module, index: number, options: DisassembleOptions = {}): string {
  const fn = m.functions[index];
  if (fn === undefined) return `; no function ${index}\n`;
  const out: string[] = [];
  disassembleInto(out, m, fn, index, new SourceCache(options.sources));
  return out.join('\n') + '\n';
}

function disassembleInto(out: string[], m: Module, fn: FunctionProto, index: number, sources: SourceCache): void {
  const file = m.files[fn.file] ?? `<file ${fn.file}>`;
  const arity = fn.minArity === fn.arity ? `${fn.arity}` : `${fn.minArity}..${fn.arity}`;
  out.push(`fn ${fn.name} #${index}  arity ${arity}  locals ${fn.locals}  maxStack ${fn.maxStack}  file ${file}`);
  if (fn.entries.length > 1 || fn.entries[0] !== 0) out.push(`  entries ${fn.entries.map(offset).join(' ')}`);
  const { code, lines } = fn;
  let lineAt = 0;
  let line = -1;
  let shownLine = -1;
  let pc = 0;
  while (pc < code.length) {
    // The line table is sorted by pc: advance to the last triple at or before this instruction.
    while (lineAt + 2 < lines.length && lines[lineAt]! <= pc) {
      line = lines[lineAt + 1]!;
      lineAt += 3;
    }
    if (line !== shownLine && line >= 0) {
      const text = sources.line(file, line);
      out.push(text === undefined ? `  ; line ${line}` : `  ; ${line} | ${text.trim()}`);
      shownLine = line;
    }
    const op = code[pc]!;
    const info = OPCODES_BY_CODE[op];
    if (info === undefined) {
      out.push(`  ${offset(pc)}  ${'???'.padEnd(NAME_WIDTH)} ${op} ; not an opcode`);
      pc++;
      continue;
    }
    const shown: string[] = [];
    const notes: string[] = [];
    for (const kind of info.operands) {
      pc++;
      if (pc >= code.length) {
        shown.push('<truncated>');
        break;
      }
      const word = code[pc]!;
      shown.push(kind === 'target' ? `-> ${offset(word)}` : String(word));
      const note = describeOperand(m, kind, word);
      if (note !== undefined) notes.push(note);
    }
    const start = pc - info.operands.length;
    const text = `  ${offset(start)}  ${info.name.padEnd(NAME_WIDTH)} ${shown.join(' ')}`.trimEnd();
    out.push(notes.length === 0 ? text : `${text} ; ${notes.join(', ')}`);
    pc++;
  }
}

function describeOperand(m: Module, kind: OperandKind, word: number): string | undefined {
  switch (kind) {
    case 'const': {
      const k = m.constants[word];
      return k === undefined ? '<no such constant>' : showConstant(k);
    }
    case 'global': {
      const g = m.globals[word];
      return g === undefined ? '<no such global>' : g.name;
    }
    case 'fn':
      return functionName(m, word);
    case 'native':
      return m.natives[word] ?? '<no such native>';
    case 'text':
      return m.texts?.[word]?.id ?? '<no such text>';
    default:
      return undefined;
  }
}

function showConstant(k: Constant): string {
  if (typeof k === 'number') return Object.is(k, -0) ? '-0' : String(k);
  if (typeof k === 'string') {
    const shown = JSON.stringify(k.length > MAX_SHOWN_STRING ? k.slice(0, MAX_SHOWN_STRING) : k);
    return k.length > MAX_SHOWN_STRING ? `${shown}…` : shown;
  }
  return `${k.entity} ${k.name}`;
}

function functionName(m: Module, index: number): string {
  return m.functions[index]?.name ?? `<no such function ${index}>`;
}

const offset = (pc: number) => String(pc).padStart(4, '0');

/** Source files split into lines once each. */
class SourceCache {
  private readonly files = new Map<string, string[] | undefined>();

  constructor(private readonly sources: SourceLookup | undefined) {}

  line(file: string, line: number): string | undefined {
    if (this.sources === undefined) return undefined;
    if (!this.files.has(file)) this.files.set(file, this.sources(file)?.split(/\r?\n/));
    return this.files.get(file)?.[line - 1];
  }
}
