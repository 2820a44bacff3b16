#!/usr/bin/env node
// Draws every picture of Gull Rock into assets/art/: the rooms, the cast's
// sprite sheets, the objects and the inventory icons. Run it from anywhere:
//   node bundles/gull-rock/tools/make-art.js [--out DIR] [name-filter]
// The output is deterministic; commit it beside this script. (--out writes
// elsewhere, as the test that checks the committed files does.)

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { barnabySheet, gullSheet, magsSheet, wrenSheet } from './art/people.js';
import { cottage } from './art/cottage.js';
import { shore } from './art/shore.js';
import { lamproom, store } from './art/lighthouse.js';
import { ICONS, SPRITES, iconCanvas } from './art/items.js';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const ART = outAt >= 0 ? args.splice(outAt, 2)[1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'art');
const filter = args[0] ?? '';

const JOBS = {
  'people/wren.png': wrenSheet,
  'people/barnaby.png': barnabySheet,
  'people/mags.png': magsSheet,
  'people/gull.png': gullSheet,
  'rooms/cottage.png': cottage,
  'rooms/shore.png': shore,
  'rooms/store.png': store,
  'rooms/lamproom.png': lamproom,
  ...SPRITES,
  ...Object.fromEntries(Object.entries(ICONS).map(([path, draw]) => [path, () => iconCanvas(draw)])),
};

let total = 0;
for (const [path, make] of Object.entries(JOBS)) {
  if (!path.includes(filter)) continue;
  const bytes = make().save(join(ART, path));
  total += bytes;
  console.log(`${path.padEnd(32)} ${(bytes / 1024).toFixed(1).padStart(7)} KB`);
}
console.log(`${'total'.padEnd(32)} ${(total / 1024).toFixed(1).padStart(7)} KB`);
