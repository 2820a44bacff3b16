// Only the web player's first-frame rows (one language, and two played in
// French with the game's font), printed, for measuring them alone:
//   npm run build && node bench/first-frame.js [RUNS]
// The full figures with everything else come from `npm run bench`.
import { importTypeScript } from './ts-import.js';

const runs = Number(process.argv[2] ?? 5);
const { benchFirstFrame } = await importTypeScript(new URL('./player.ts', import.meta.url).href);
for (const row of await benchFirstFrame({ runs })) console.log(`${row.name.padEnd(80)} ${String(row.ms).padStart(8)} ms  ${row.note}`);
