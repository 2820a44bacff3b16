// A two-room game that fails at a known line, for the bug-report tests: the
// switch in the hall leads to the tower, where using the lamp divides by zero
// on line 15 of scripts/game.adv.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A two-room game whose lamp divides by zero on line 15 of its script. */
export const LAMP_SCRIPT = `verbs { use: "Use" }
actor hero { name: "Robin" }
room hall {
  walkable: [(0, 250), (640, 250), (640, 360), (0, 360)]
  object switch { name: "switch"; hotspot: (10, 10, 40, 40); on use { go tower } }
}
room tower {
  walkable: [(0, 250), (640, 250), (640, 360), (0, 360)]
  object lamp {
    name: "lamp"
    hotspot: (280, 40, 80, 240)
    on use {
      let oil = 0
      say "Let's see."
      let hours = 10 / oil
      say "It burns for {hours} hours."
    }
  }
}
on start { put hero in hall at (100, 300); go hall }
`;

/** Writes the lamp game as a project folder at `dir`; returns `dir`. */
export function lampProject(dir: string): string {
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.cairn.test.lamp', title: 'Lamp', version: '1.0.0', author: 'Cairn tests', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'scripts/game.adv'), LAMP_SCRIPT);
  return dir;
}
