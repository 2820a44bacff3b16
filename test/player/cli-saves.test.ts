// Save files on the command line, as an author handed a player's save uses
// them: `cairn inspect` says what it holds and whether it loads into the game,
// `cairn test --from` plays a walkthrough from it, `cairn run --load` goes on
// from it; damaged and foreign saves are refused with a sentence and exit 1.
// `cairn inspect` is fuzzed: any bytes give a report or a CairnError. Runs the
// CLI in-process (main with a memory terminal), so it needs no build of dist/.

import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../player/cli/main.js';
import { createMemoryTerminal } from '../../player/cli/terminal.js';
import { mimePackageXml } from '../../player/desktop/xdg-install.js';
import { Game } from '../../runtime/game.js';
import { loadGame } from '../../runtime/game-loader.js';
import { writeGameSave } from '../../runtime/saves/game-save-file.js';
import { saveFileChecksum } from '../../runtime/saves/save-file-format.js';
import { parseWalkthrough } from '../../runtime/walkthrough/parse.js';
import { runWalkthrough } from '../../runtime/walkthrough/run.js';

const GULL_ROCK = join(import.meta.dirname, '../../bundles/gull-rock');

async function cairn(...args: string[]) {
  const term = createMemoryTerminal();
  const code = await main(args, term);
  return { code, stdout: term.stdout.join('\n'), stderr: term.stderr.join('\n') };
}

let dir: string;
let bundle: string;
let save: string;
let saveBytes: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-saves-'));
  bundle = join(dir, 'gull-rock.cairn');
  expect((await cairn('build', GULL_ROCK, '-o', bundle)).code).toBe(0);
  // A player's save: tea made, out on the shore.
  const game = Game.fromBundle(loadGame(readFileSync(bundle)), { seed: 1 });
  const played = runWalkthrough(parseWalkthrough('do pickup mug\ndo use mug kettle\ndo walk door\nexpect room shore\n', 'setup.walk'), game);
  expect(played.failures).toEqual([]);
  saveBytes = writeGameSave(game, { slot: 'shore', name: 'On the shore', date: Date.UTC(2026, 11, 2, 19, 45) });
  save = join(dir, 'shore.cairnsave');
  writeFileSync(save, saveBytes);
});

/** The save with its header edited and its checksum made right again. */
function forged(edit: (header: Record<string, unknown>) => void): string {
  const view = new DataView(saveBytes.buffer, saveBytes.byteOffset, saveBytes.byteLength);
  const length = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(saveBytes.subarray(20, 20 + length))) as Record<string, unknown>;
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(20 + json.length + saveBytes.length - 20 - length);
  out.set(saveBytes.subarray(0, 20));
  out.set(json, 20);
  out.set(saveBytes.subarray(20 + length), 20 + json.length);
  new DataView(out.buffer).setUint32(12, json.length, true);
  new DataView(out.buffer).setUint32(16, saveFileChecksum(out), true);
  const path = join(dir, `forged-${Math.random().toString(36).slice(2)}.cairnsave`);
  writeFileSync(path, out);
  return path;
}

describe('cairn inspect FILE.cairnsave', () => {
  it('says what the save holds, and that it loads into the game named', async () => {
    const alone = await cairn('inspect', save);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain('Save "On the shore" (slot shore) of ');
    expect(alone.stdout).toMatch(/room {8}shore\n/);
    expect(alone.stdout).toContain('saved       2026-12-02 19:45 UTC');
    expect(alone.stdout).toContain('verified: the file is whole');
    const against = await cairn('inspect', save, '--bundle', bundle);
    expect(against.stdout).toContain(`loads into Fog on Gull Rock`);
    expect(against.code).toBe(0);
    const json = JSON.parse((await cairn('inspect', save, '--json')).stdout) as { verified: boolean; save: { room: string; ticks: number } };
    expect(json.verified).toBe(true);
    expect(json.save.room).toBe('shore');
  });

  it("refuses another game's save and a damaged one with a sentence naming why", async () => {
    const other = await cairn('inspect', forged((h) => (h.game = { id: 'com.example.other', version: '1.0' })), '--bundle', bundle);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('belongs to another game (com.example.other 1.0)');
    const damaged = join(dir, 'damaged.cairnsave');
    writeFileSync(damaged, saveBytes.slice(0, saveBytes.length - 100));
    const cut = await cairn('inspect', damaged);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('SAVE_FILE_INVALID');
    expect(cut.stderr).toContain('checksum does not match');
  });

  it('gives a report or a CairnError for any bytes (fuzz)', async () => {
    const path = join(dir, 'fuzz.cairnsave');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat(), value: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 4 }), fc.nat(), async (edits, cut) => {
        const bytes = saveBytes.slice(0, Math.max(0, saveBytes.length - (cut % 64)));
        for (const e of edits) if (bytes.length > 0) bytes[e.at % Math.min(bytes.length, 400)] = e.value;
        if (bytes.length >= 20) new DataView(bytes.buffer).setUint32(16, saveFileChecksum(bytes), true);
        writeFileSync(path, bytes);
        const r = await cairn('inspect', path, '--bundle', bundle);
        // exit 1 comes with a coded sentence; anything else thrown would fail the run
        if (r.code !== 0) expect(r.stderr).toMatch(/^error: .+ \[[A-Z_]+\]$/m);
      }),
      { numRuns: 25, seed: 20 },
    );
  });

  it('is registered as its own MIME type, by name and by the bytes every save starts with', () => {
    const xml = mimePackageXml();
    expect(xml).toContain('<mime-type type="application/x-cairn-save">');
    expect(xml).toContain('<glob pattern="*.cairnsave"/>');
    const magic = /<match type="string" value="([A-Z]+)" offset="0"\/>/.exec(xml)![1]!;
    expect(new TextDecoder().decode(saveBytes.subarray(0, magic.length))).toBe(magic);
  });
});

describe('headless from a save', () => {
  it('cairn test --from plays a walkthrough from the save: its expects see the saved state', async () => {
    const walk = join(dir, 'from-shore.walk');
    writeFileSync(walk, 'expect room shore\nexpect has tea\nexpect not has mug\ndo walk cottage_door\nexpect room cottage\n');
    const r = await cairn('test', bundle, walk, '--from', save);
    expect(r.stdout).toContain('1 walkthrough: 1 passed');
    expect(r.code).toBe(0);
    // The same walkthrough on a new game fails: the state comes from the save.
    expect((await cairn('test', bundle, walk)).code).toBe(1);
  });

  it('cairn run --load continues the game, and refuses a damaged save', async () => {
    const r = await cairn('run', bundle, '--load', save);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bad = join(dir, 'bad.cairnsave');
    writeFileSync(bad, saveBytes.subarray(0, 400));
    const refused = await cairn('run', bundle, '--load', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cannot be read as a Cairn save');
  });
});
