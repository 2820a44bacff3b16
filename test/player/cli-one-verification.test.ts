// One verification for bundles: `inspect`, `run`, `test` and `play` (and the
// web player's worker, which calls the same loadGame) refuse the same bundles
// with the same sentence — a room declared twice, an object in a room that is
// not declared, a walk area whose edges cross — where `inspect` and `play`
// once called them verified.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeModule } from '../../interpreter/bytecode/binary.js';
import type { Module } from '../../interpreter/bytecode/module.js';
import { compile } from '../../interpreter/compiler/compile.js';
import { isCairnError } from '../../interpreter/errors.js';
import { writeBundle } from '../../runtime/bundle/index.js';
import { loadGame } from '../../runtime/game-loader.js';
import { runCairn } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-one-verification-'));
const SCRIPT = 'room hall { walkable: [(0, 0), (100, 0), (100, 100), (0, 100)] }\nobject lamp { name: "lamp" }\nroom yard { }\non start {\n  go hall\n}\n';

type Decls = { rooms: Array<Record<string, unknown>>; objects: Array<Record<string, unknown>> };

function bundleWith(edit: (d: Decls) => void): Uint8Array {
  const { module } = compile([{ file: 'main.adv', text: SCRIPT }]);
  edit(module.declarations as unknown as Decls);
  return writeBundle({ id: 'org.example.bad', title: 'Bad', author: 'A', version: '1.0.0', resolution: [640, 360], pixelArt: false, entry: 'game', modules: new Map([['game', encodeModule(module as Module)]]), assets: new Map() });
}

const cases: Array<[string, (d: Decls) => void, RegExp]> = [
  ['a room declared twice', (d) => d.rooms.push({ ...d.rooms[1]! }), /room yard is declared twice/],
  ['an object in a room that is not declared', (d) => void (d.objects[0]!.room = 'cellar'), /object lamp is in room cellar, which is not declared/],
  [
    'a walk area whose edges cross',
    (d) => {
      const walkable = (d.rooms[0]!.properties as Array<{ name: string; value: unknown }>).find((p) => p.name === 'walkable')!;
      walkable.value = [[0, 0], [100, 100], [100, 0], [0, 100]];
    },
    /room `hall`: .*cross/,
  ],
];

describe('one verification for every command', () => {
  for (const [what, edit, message] of cases) {
    it(`${what}: refused by loadGame, inspect, run, test and play alike`, () => {
      const bytes = bundleWith(edit);
      let refusal: unknown;
      try {
        loadGame(bytes);
      } catch (e) {
        refusal = e;
      }
      expect(isCairnError(refusal) && message.test(refusal.message), String(refusal)).toBe(true);
      const path = join(dir, `${what.replace(/\W+/g, '-')}.cairn`);
      writeFileSync(path, bytes);
      const walk = join(dir, 'any.walk');
      writeFileSync(walk, 'expect room hall\n');
      for (const args of [['inspect', path], ['run', path], ['test', path, walk], ['play', path, '--no-open']]) {
        const r = runCairn(args);
        expect(r.code, `${args[0]}: ${r.stderr}${r.stdout}`).toBe(1);
        expect(r.stderr + r.stdout, args[0]).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
      }
    });
  }
});
