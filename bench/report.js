// Writes BENCHMARKS.md from one run's results: machine, summary, targets, a
// table per workload and one per plug-in section. Everything from the notes
// marker on is the lead's hand-written text and is carried over unchanged.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const NOTES_MARKER = '<!-- notes: kept by bench/run.js -->';

const DEFAULT_NOTES = `${NOTES_MARKER}

## Where the gap to plain JS goes

_To be written by hand. bench/run.js rewrites everything above the marker line
and keeps everything from it on._
`;

/** Milliseconds, with precision where it matters. */
export function formatMs(ms) {
  if (ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

/** A ratio such as `4.2×`. */
export function formatRatio(r) {
  if (r === undefined || !Number.isFinite(r)) return '—';
  return `${r >= 10 ? r.toFixed(0) : r >= 0.1 ? r.toFixed(1) : r.toFixed(3)}×`;
}

const yesNo = (met) => (met === true ? 'yes' : met === false ? '**no**' : '—');

/** How a row that has no time reads in a table. */
function statusText(row) {
  if (row === undefined) return 'not run';
  if (row.status === 'mismatch') return `**MISMATCH**: got ${row.value}, expected ${row.expected}`;
  if (row.status === 'error') return `**ERROR**: ${oneLine(row.message)}`;
  return oneLine(row.message ?? row.status);
}

const oneLine = (text) => String(text).split('\n')[0].replace(/\|/g, '\\|');

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function workloadTable(result, engines) {
  const { rows, targets } = result;
  const cairn = rows.cairn?.status === 'ok' ? rows.cairn : undefined;
  const js = rows.js?.status === 'ok' ? rows.js : undefined;
  const compile = result.workload.compile;
  const header = compile
    ? ['engine', 'source', 'median ms', 'min–max', 'MB/s', 'vs Cairn (per MB)', 'target', 'met']
    : ['engine', 'median ms', 'min–max', 'vs Cairn', 'vs plain JS', 'load ms (once)', 'target', 'met'];
  const lines = [];
  for (const engine of engines) {
    const row = rows[engine.id];
    if (row === undefined) continue;
    const mine = targets.filter((t) => t.peer === engine.id || (engine.id === 'cairn' && t.peer === undefined));
    const target = mine.map((t) => t.text).join('; ') || (engine.id === 'js' ? 'the limit' : '');
    const met = mine.map((t) => yesNo(t.met)).join('; ');
    if (row.status !== 'ok') {
      lines.push([engine.name, statusText(row), ...header.slice(2, -2).map(() => ''), target, met]);
      continue;
    }
    const spread = row.times.length > 1 ? `${formatMs(Math.min(...row.times))}–${formatMs(Math.max(...row.times))}` : '';
    if (compile) {
      const size = `${row.lines.toLocaleString('en')} lines, ${(row.bytes / 1e6).toFixed(2)} MB`;
      const vsCairn = cairn ? formatRatio(cairn.mbPerS / row.mbPerS) : '—';
      lines.push([engine.name, size, formatMs(row.ms), spread, row.mbPerS.toFixed(2), vsCairn, target, met]);
    } else {
      const vsCairn = cairn ? formatRatio(row.ms / cairn.ms) : '—';
      const vsJs = js ? formatRatio(row.ms / js.ms) : '—';
      lines.push([engine.name, formatMs(row.ms), spread, vsCairn, vsJs, formatMs(row.prepareMs), target, met]);
    }
  }
  return table(header, lines);
}

function summaryTable(results, engines) {
  const header = ['engine', ...results.map((r) => r.workload.id)];
  const rows = engines.map((engine) => [
    engine.name,
    ...results.map((r) => {
      const row = r.rows[engine.id];
      if (row === undefined) return '';
      if (row.status === 'ok') return formatMs(row.ms);
      return row.status === 'unavailable' ? 'n/a' : `**${row.status}**`;
    }),
  ]);
  return table(header, rows);
}

function targetsList(results) {
  const out = [];
  for (const result of results) {
    for (const t of result.targets) {
      const box = t.met === true ? '[x]' : '[ ]';
      const state = t.met === null ? ' (not measured)' : t.met ? '' : ' — **missed**';
      out.push(`- ${box} ${result.workload.id}: ${t.text}${state}`);
    }
  }
  return out.join('\n');
}

function sectionTable(section) {
  if (section.error) return `**ERROR**: ${oneLine(section.error)}`;
  if (section.rows.length === 0) return '_No rows._';
  return table(['name', 'ms', 'note'], section.rows.map((r) => [oneLine(r.name), formatMs(r.ms), oneLine(r.note ?? '')]));
}

/** The Markdown text of the report (without the kept notes). */
export function renderReport({ meta, options, engines, results, sections }) {
  const parts = [];
  parts.push(`# Benchmarks

Written by \`npm run bench\` (bench/run.js; how to run it: bench/run.js's header).
Do not edit above the notes marker: the next run rewrites it.`);
  const warnings = [];
  if (options.scale !== 1) warnings.push(`sizes scaled by ${options.scale} (BENCH_SCALE): not comparable with full runs`);
  if (options.quick) warnings.push('quick run (BENCH_QUICK): one timed run, no warm-up');
  if (options.only) warnings.push(`only ${options.only.join(', ')} (BENCH_ONLY)`);
  if (options.engines) warnings.push(`only engines ${options.engines.join(', ')} (BENCH_ENGINES)`);
  parts.push(`- Date: ${meta.date}
- Machine: ${meta.cpu}, ${meta.cores} cores, ${meta.memoryGb} GB memory, ${meta.platform}; load average at start ${meta.load}
- Node ${meta.node}; Cairn at commit ${meta.commit}
- Method: ${options.warmup} warm-up run${options.warmup === 1 ? '' : 's'}, then ${options.runs} timed run${options.runs === 1 ? '' : 's'} per engine and workload, in one process; the median is reported. Every engine's result is checked against the expected value.${warnings.length ? `\n- **Note: ${warnings.join('; ')}.**` : ''}
- Engines: ${engines.map((e) => (e.unavailable ? `${e.label} — ${e.unavailable}` : e.label)).join('; ')}.
- Columns: *vs Cairn* is the engine's time ÷ Cairn's (above 1× Cairn is faster); *vs plain JS* is the engine's time ÷ plain JS's (how far from the limit). *load ms* is compiling or loading the workload, once, outside the timing.`);

  parts.push(`## Summary (median ms)\n\n${summaryTable(results, engines)}`);
  parts.push(`## Targets\n\n${targetsList(results) || '_No workloads run._'}`);
  for (const result of results) {
    const params = Object.entries(result.params).map(([k, v]) => `${k} = ${v.toLocaleString('en')}`).join(', ');
    parts.push(`## ${result.workload.title}\n\n${result.workload.what} Sizes: ${params}${result.expected === undefined ? '' : `; every engine must compute ${result.expected}`}.\n\n${workloadTable(result, engines)}`);
  }
  for (const section of sections) parts.push(`## ${section.title}\n\n${section.source ? `From ${section.source}.\n\n` : ''}${sectionTable(section)}`);
  return `${parts.join('\n\n')}\n`;
}

/** Writes the report to `path`, keeping everything from the notes marker on. */
export function writeReport(path, report) {
  let notes = DEFAULT_NOTES;
  if (existsSync(path)) {
    const old = readFileSync(path, 'utf8');
    const at = old.indexOf(NOTES_MARKER);
    if (at >= 0) notes = old.slice(at);
  }
  writeFileSync(path, `${renderReport(report)}\n${notes}`);
}
