// Language server benchmarks for `npm run bench`: `cairn lsp` started as an
// editor starts it (a child process over stdio, through the tests' LSP
// client), on a generated project of ten files and 2,000 lines. Measured: the
// time from a `didChange` to the `publishDiagnostics` for that file (the whole
// project compiled again), a completion after `thing.`, and the server's memory.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from '../test/support/lsp-client.js';

/** One measured figure, as the bench harness prints it. */
export interface BenchResult {
  name: string;
  ms: number;
  note?: string;
}

const FILES = 10;
const ROOMS_PER_FILE = 5;

/** Ten files of 200 lines each: rooms with objects, properties and handlers, functions with locals. */
function projectFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (let f = 0; f < FILES; f++) {
    const lines = [`// Part ${f} of the language server benchmark's game.`, `var score_${f} = 0`, ''];
    lines.push(`fn part_${f}(n, step = 2) {`, '  let total = 0', '  for i in 0..n {', '    total += i * step', `    if total > 100 { score_${f} += 1 }`, '  }', '  return total', '}', '');
    for (let r = 0; r < ROOMS_PER_FILE; r++) {
      const room = `room_${f}_${r}`;
      const thing = `thing_${f}_${r}`;
      lines.push(`room ${room} {`, `  name: "Room ${r} of part ${f}"`, '  walkable: [(0, 300), (640, 300), (640, 360), (0, 360)]', `  object ${thing} {`);
      lines.push(`    name: "thing ${r}"`, '    hotspot: (10, 10, 40, 40)', '    open: false', '    weight: 3');
      lines.push('    on look {', `      if ${thing}.open { say "It is open." }`, `      else { say "It is thing ${r} of part ${f}." }`, '    }');
      lines.push('    on use {', `      ${thing}.open = not ${thing}.open`, `      let n = part_${f}(${thing}.weight)`, '      say "Now {n}."', '    }');
      lines.push('  }', `  on enter { score_${f} += 1 }`, '}', '');
    }
    while (lines.length < 199) lines.push(`// filler ${lines.length}`);
    lines.push(f === 0 ? 'on start { go room_0_0 }' : `fn extra_${f}() { return part_${f}(3) }`);
    files.set(`scripts/part_${String(f).padStart(2, '0')}.adv`, `${lines.join('\n')}\n`);
  }
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The server's resident memory in MB (Linux's /proc), or undefined elsewhere. */
function residentMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** The harness's entry: medians over `runs` × 4 edits and completions, after a warm-up. */
export async function benchLsp(options: { runs?: number; warmup?: number } = {}): Promise<BenchResult[]> {
  const samples = Math.max(5, (options.runs ?? 5) * 4);
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-lsp-'));
  try {
    writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.example.bench', title: 'Bench', version: '1.0.0', author: 'Bench', resolution: [640, 360], pixelArt: false }));
    mkdirSync(join(dir, 'scripts'));
    const files = projectFiles();
    for (const [file, text] of files) writeFileSync(join(dir, file), text);
    const lineCount = [...files.values()].reduce((n, t) => n + t.split('\n').length - 1, 0);
    const client = await LspClient.start(dir);
    try {
      const uris: string[] = [];
      for (const file of files.keys()) uris.push(await client.open(join(dir, file)));
      const target = uris[3]!;
      const base = files.get([...files.keys()][3]!)!;
      await client.diagnosticsFor(target);

      // Each edit is a new unsaved text: a statement added to a handler (every third one an error).
      const edit = async (i: number) => {
        const broken = i % 3 === 2;
        const text = base.replace('on enter { score_3 += 1 }', `on enter { score_3 += ${broken ? 'undefined_thing' : i} }`);
        const waiting = client.diagnosticsFor(target, (d) => d.some((x) => x.code === 'UNKNOWN_NAME') === broken, true);
        const started = performance.now();
        await client.change(target, text);
        await waiting;
        return performance.now() - started;
      };
      for (let i = 0; i < (options.warmup ?? 1) * 3; i++) await edit(i);
      const latencies: number[] = [];
      for (let i = 0; i < samples; i++) latencies.push(await edit(i));

      const position = { line: base.split('\n').findIndex((l) => l.includes('let n = part_3')), character: 0 };
      const line = base.split('\n')[position.line]!;
      position.character = line.indexOf('thing_3_0.weight') + 'thing_3_0.'.length;
      const completionMs: number[] = [];
      let items = 0;
      await client.change(target, base);
      for (let i = 0; i < samples + 3; i++) {
        const started = performance.now();
        const result = await client.request<unknown[]>('textDocument/completion', { textDocument: { uri: target }, position });
        if (i >= 3) completionMs.push(performance.now() - started);
        items = result.length;
      }
      const memory = residentMb(client.child.pid!);
      const diagnostics = median(latencies);
      const completion = median(completionMs);
      return [
        { name: `didChange → publishDiagnostics, ${FILES} files, ${lineCount.toLocaleString('en')} lines`, ms: diagnostics, note: `median of ${samples} edits (min ${Math.min(...latencies).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)}); target < 100 ms` },
        { name: 'completion after `thing.`', ms: completion, note: `median of ${samples}; ${items} items; target < 50 ms` },
        { name: 'server memory (resident)', ms: Number.NaN, note: memory === undefined ? 'not measured: needs Linux /proc' : `${memory.toFixed(0)} MB after the edits; target < 200 MB` },
      ];
    } finally {
      await client.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
