// Adventure runtime benchmarks for `npm run bench`: one busy room — 200
// objects, 20 actors pacing along paths around a blocked area, 100 script
// threads — timed per tick (budget: 1 ms of the 16.7 ms frame), per scene,
// and for save and load (5 ms each). The game is generated and compiled here.

import { compile } from '../interpreter/compiler/compile.js';
import { Game } from '../runtime/game.js';

/** One measured figure, as the bench harness prints it. */
export interface BenchResult {
  name: string;
  ms: number;
  note?: string;
}

/** What the harness may pass; everything is optional. */
export interface BenchRuntimeOptions {
  runs?: number;
  warmup?: number;
  measure?: (fn: () => unknown, options: { warmup: number; runs: number }) => Promise<{ ms: number }>;
}

const OBJECTS = 200;
const ACTORS = 20;
/** 20 pacing threads (one per actor) and 80 threads changing objects every tick. */
const BUSY_THREADS = 80;

/** The busy room's script: arithmetic only, so it is the same everywhere. */
export function busyRoomScript(): string {
  const lines: string[] = [
    'costume walker { sheet: "walker.png"; frame: (24, 48); idle: [0]; walk: [1, 2, 3, 4] fps 8 }',
    'room yard {',
    '  walkable: [(0, 200), (1600, 200), (1600, 600), (0, 600)]',
    '  blocked: [(700, 300), (900, 300), (900, 500), (700, 500)]',
    '  size: (1600, 600)',
    '  scale: (200, 0.5, 600, 1.0)',
  ];
  for (let i = 0; i < OBJECTS; i++) {
    lines.push(`  object thing${i} { name: "thing ${i}"; sprite: "thing.png"; at: (${(i * 37) % 1600}, ${210 + ((i * 53) % 380)}); state: 0 }`);
  }
  lines.push('}');
  for (let i = 0; i < ACTORS; i++) lines.push(`actor walker${i} { costume: "walker"; speed: ${60 + i * 3} }`);
  lines.push(
    'fn pace(who, a, b) { while true { walk who to a; walk who to b } }',
    'fn busy(thing) { while true { thing.state += 1; yield } }',
    'on start {',
    '  go yard',
  );
  for (let i = 0; i < ACTORS; i++) {
    const y = 220 + i * 18;
    lines.push(`  put walker${i} in yard at (${100 + i * 10}, ${y})`, `  spawn pace(walker${i}, (${1500 - i * 10}, ${590 - i * 18}), (${100 + i * 10}, ${y}))`);
  }
  for (let i = 0; i < BUSY_THREADS; i++) lines.push(`  spawn busy(thing${i})`);
  lines.push('}');
  return lines.join('\n');
}

/** A game of the busy room, run for `warmTicks` so that every actor is walking. */
export function busyRoom(warmTicks = 120): Game {
  const { module } = compile([{ file: 'busy.adv', text: busyRoomScript() }]);
  const game = Game.create(module, { id: 'org.cairn.bench', seed: 1 });
  for (let i = 0; i < warmTicks; i++) game.tick();
  if (game.errors.length > 0) throw game.errors[0];
  return game;
}

function timeIt(repeat: number, run: () => void): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  return (performance.now() - start) / repeat;
}

const local: NonNullable<BenchRuntimeOptions['measure']> = async (fn, { warmup, runs }) => {
  for (let i = 0; i < warmup; i++) fn();
  const times = Array.from({ length: runs }, () => timeIt(1, fn)).sort((a, b) => a - b);
  return { ms: times[times.length >> 1]! };
};

/** Runs the runtime benchmarks. */
export async function benchRuntime(options: BenchRuntimeOptions = {}): Promise<BenchResult[]> {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 1;
  const measure = options.measure ?? local;
  const game = busyRoom();
  const walking = game.scene().sprites.filter((s) => s.id.startsWith('actor:')).length;
  const threads = 1 + ACTORS + BUSY_THREADS;
  const what = `${OBJECTS} objects, ${walking} walking actors, ${threads - 1} threads`;
  const results: BenchResult[] = [];

  const tickMs = (await measure(() => timeIt(600, () => game.tick()), { warmup, runs })).ms / 600;
  results.push({ name: `tick: ${what}`, ms: tickMs, note: `mean of 600 ticks, median of ${runs}; target < 1 ms` });
  const sceneMs = (await measure(() => timeIt(200, () => {
    game.tick();
    game.scene();
  }), { warmup, runs })).ms / 200 - tickMs;
  results.push({ name: 'scene of that room (after each tick)', ms: sceneMs, note: `${game.scene().sprites.length} sprites` });

  let bytes = game.save();
  const saveMs = (await measure(() => (bytes = game.save()), { warmup, runs })).ms;
  results.push({ name: 'save that room', ms: saveMs, note: `${bytes.length.toLocaleString('en-US')} bytes; target < 5 ms` });
  const saved = bytes;
  const other = busyRoom(0);
  const loadMs = (await measure(() => other.load(saved), { warmup, runs })).ms;
  results.push({ name: 'load that save into a running game', ms: loadMs, note: 'target < 5 ms' });
  if (JSON.stringify(other.worldJson()) !== JSON.stringify(game.worldJson())) throw new Error('the loaded game differs from the saved one');
  return results;
}
