// The hostile-bundle suite through the commands a player and an author run:
// `cairn inspect` and `cairn run` refuse each file with exit 1 and a sentence
// a person understands — no stack trace, no file written beside it, and the
// process's peak memory well under 500 MB, even for a 1 GiB zip bomb.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../runtime/bundle/checksums.js';
import { craftZip, editManifest, explode, gigabyteOfZeros, type CraftEntry } from '../runtime/bundle/fixtures.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/cairn.js');
const MiB = 1024 * 1024;
const PEAK = join(ROOT, 'test/support/report-peak-memory.js');

/** Runs the CLI, measuring its peak resident memory (test/support/report-peak-memory.js). */
function cairn(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', PEAK, CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  const peak = /peak-kb=(\d+)/.exec(r.stderr);
  return { code: r.status, stderr: r.stderr.replace(/peak-kb=\d+\n?/, ''), peakMb: peak ? Number(peak[1]) / 1024 : NaN };
}


const text = (s: string) => new TextEncoder().encode(s);

describe('hostile bundles through `cairn inspect` and `cairn run`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-hostile-cli-'));
  let good: Uint8Array;
  let bomb: { compressed: Uint8Array; crc: number };

  beforeAll(async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'scripts'), { recursive: true });
    mkdirSync(join(project, 'assets'), { recursive: true });
    writeFileSync(join(project, 'cairn.json'), JSON.stringify({ id: 'org.example.door', title: 'Door', version: '1.0.0', author: 'A', resolution: [640, 360], pixelArt: false }));
    // door.txt is packed as an asset no script names (a text file is no sound: the build would refuse `play sound` of it).
    writeFileSync(join(project, 'scripts/main.adv'), 'fn door() { return "door" }\non start {\n  print door()\n}\n');
    writeFileSync(join(project, 'assets/door.txt'), 'door '.repeat(50));
    const built = spawnSync(process.execPath, [CLI, 'build', project, '-o', join(dir, 'good.cairn')], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    good = readFileSync(join(dir, 'good.cairn'));
    bomb = await gigabyteOfZeros();
  }, 120_000);

  const entries = () => explode(good);
  const replace = (name: string, edit: (e: CraftEntry) => CraftEntry) => entries().map((e) => (e.name === name ? edit(e) : e));
  const cases: Array<[string, () => Uint8Array, RegExp]> = [
    ['an empty file', () => new Uint8Array(0), /This game file is empty\./],
    ['random bytes', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24), /This is not a Cairn game file\./],
    ['a truncated bundle', () => good.subarray(0, Math.floor(good.length / 2)), /This game file is (incomplete|damaged|not)|not a Cairn game file/],
    ['a plain ZIP', () => zipSync({ 'readme.txt': text('hi') }), /not a Cairn game file/],
    ['zip-slip names', () => craftZip([...entries(), { name: '../../evil.sh', data: text('rm -rf ~') }]), /refused as unsafe: .*"\.\.\/\.\.\/evil\.sh"/],
    ['an absolute name', () => craftZip([...entries(), { name: '/etc/cron.d/evil', data: text('x') }]), /refused as unsafe/],
    ['a drive path', () => craftZip([...entries(), { name: 'C:/Windows/evil.dll', data: text('x') }]), /refused as unsafe/],
    ['a zip bomb of 1 GiB of zeros', () => craftZip([...entries(), { name: 'assets/zeros.bin', data: new Uint8Array(0), compressed: bomb.compressed, size: 1024 * MiB, crc: bomb.crc }]), /refused as unsafe: assets\/zeros\.bin would expand/],
    ['a tampered asset', () => craftZip(replace('assets/door.txt', (e) => ({ ...e, data: text('DOOR '.repeat(50)) }))), /This game file is damaged: assets\/door\.txt does not match its checksum\./],
    [
      'corrupted bytecode whose hash was updated to match',
      () => {
        const code = entries().find((e) => e.name === 'code/game.cbc')!.data.slice();
        code.fill(0xff, Math.floor(code.length / 2), Math.floor(code.length / 2) + 8);
        return craftZip(
          editManifest(replace('code/game.cbc', (e) => ({ ...e, data: code })), (m) => {
            const entry = m.entries.find((x: { path: string }) => x.path === 'code/game.cbc');
            entry.sha256 = sha256Hex(code);
            entry.size = code.length;
          }),
        );
      },
      /This game file is damaged: its code \(code\/game\.cbc\) failed verification\./,
    ],
    ['a missing manifest', () => craftZip(entries().filter((e) => e.name !== 'manifest.json')), /This game file is damaged: it has no manifest\./],
    ['a broken manifest', () => craftZip(replace('manifest.json', (e) => ({ ...e, data: text('{"format": 1,') }))), /This game file is damaged: its manifest is not valid\./],
  ];

  it.each(cases.map(([name]) => name))('refuses %s', (name) => {
    const [, make, sentence] = cases.find(([n]) => n === name)!;
    const folder = join(dir, name.replace(/\W+/g, '-'));
    mkdirSync(folder);
    const file = join(folder, 'game.cairn');
    writeFileSync(file, make());
    for (const command of ['inspect', 'run']) {
      const r = cairn([command, file]);
      expect(r.code, `${command}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(sentence);
      expect(r.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|internal error/);
      expect(r.peakMb, `${command} peak memory`).toBeLessThan(500);
    }
    expect(readdirSync(folder)).toEqual(['game.cairn']);
    expect(existsSync(join(dir, 'evil.sh'))).toBe(false);
  });
});
