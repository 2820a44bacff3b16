// What `cairn install-desktop` writes, read back by the freedesktop.org
// specifications on any machine, with or without the desktop's tools: the
// shared-mime-info package (its glob and its magic applied to a real bundle
// and to a plain ZIP), the desktop entry (keys, types, categories, and an
// Exec line that quotes to exactly this Node.js and this cairn.js), and
// mimeapps.list naming an entry that exists. The round trip through
// xdg-mime and xdg-open is test/desktop/double-click.test.ts.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { desktopEntry } from '../../player/desktop/xdg-install.js';
import { CLI } from '../support/cli.js';
import { execArgs, globMatches, listValue, magicMatches, MAIN_CATEGORIES, parseKeyFile, parseXml, unescapeValue, type XmlElement } from './freedesktop-spec.js';

const MIME = 'application/x-cairn-bundle';
let home: string;
let data: string;
let config: string;
let env: Record<string, string>;
let bundle: string;

function cairn(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const child = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'cairn-fd-'));
  data = join(home, '.local/share');
  config = join(home, '.config');
  env = { HOME: home, XDG_DATA_HOME: data, XDG_CONFIG_HOME: config, PATH: '/usr/bin:/bin', NO_COLOR: '1' };
  const project = join(home, 'src', 'lamp');
  expect(cairn('new', project, '--title', 'The Lamp', '--id', 'org.example.lamp').code).toBe(0);
  mkdirSync(join(home, 'My Games'));
  bundle = join(home, 'My Games', 'The Lamp (final) v1.cairn');
  expect(cairn('build', project, '-o', bundle).code).toBe(0);
  const installed = cairn('install-desktop');
  expect(installed.stderr).not.toMatch(/error/i);
  expect(installed.code).toBe(0);
});

describe('the files install-desktop writes, by the freedesktop.org specifications', () => {
  it('writes every file in its place, and nothing the second time', () => {
    for (const file of ['mime/packages/cairn-bundle.xml', 'applications/cairn.desktop', 'icons/hicolor/scalable/apps/cairn.svg', 'icons/hicolor/scalable/mimetypes/application-x-cairn-bundle.svg']) {
      expect(existsSync(join(data, file)), file).toBe(true);
    }
    expect(parseXml(readFileSync(join(data, 'icons/hicolor/scalable/apps/cairn.svg'), 'utf8')).name).toBe('svg');
    const again = cairn('install-desktop');
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^wrote/m);
  });

  it('the MIME package is shared-mime-info XML whose glob and magic know a bundle, renamed or not, and not a plain ZIP', () => {
    const root = parseXml(readFileSync(join(data, 'mime/packages/cairn-bundle.xml'), 'utf8'));
    expect(root.name).toBe('mime-info');
    expect(root.attrs.xmlns).toBe('http://www.freedesktop.org/standards/shared-mime-info');
    // Two types: the bundle, and the save file (docs/saves.md), each by glob and magic.
    const types = child(root, 'mime-type');
    expect(types.map((t) => t.attrs.type)).toEqual([MIME, 'application/x-cairn-save']);
    const type = types[0];
    expect(child(types[1]!, 'glob').map((g) => g.attrs.pattern)).toContain('*.cairnsave');
    expect(child(types[1]!, 'magic')).toHaveLength(1);
    expect(type!.attrs.type).toMatch(/^[a-z]+\/[\w.+-]+$/);
    expect(child(type!, 'comment')).toHaveLength(1);
    expect(child(type!, 'sub-class-of').map((e) => e.attrs.type)).toEqual(['application/zip']);
    // The icon names a file install-desktop put in the hicolor theme.
    const icon = child(type!, 'icon')[0]!.attrs.name!;
    expect(existsSync(join(data, `icons/hicolor/scalable/mimetypes/${icon}.svg`))).toBe(true);

    const globs = child(type!, 'glob');
    expect(globs.length).toBeGreaterThan(0);
    for (const g of globs) if (g.attrs.weight !== undefined) expect(Number(g.attrs.weight)).toBeLessThanOrEqual(100);
    const byName = (file: string) => globs.some((g) => globMatches(g.attrs.pattern!, basename(file), g.attrs['case-sensitive'] === 'true'));
    expect(byName(bundle)).toBe(true);
    expect(byName('GAME.CAIRN')).toBe(true);
    expect(byName('game.cairn.zip')).toBe(false);

    const magic = child(type!, 'magic');
    expect(magic).toHaveLength(1);
    const priority = Number(magic[0]!.attrs.priority ?? 50);
    expect(priority).toBeGreaterThanOrEqual(0);
    expect(priority).toBeLessThanOrEqual(100);
    // application/zip's own magic has priority 40 or 50 in shared-mime-info: ours must win over it.
    expect(priority).toBeGreaterThan(50);
    const byContent = (bytes: Uint8Array) => child(magic[0]!, 'match').some((m) => magicMatches(m, bytes));
    expect(byContent(readFileSync(bundle))).toBe(true);
    expect(byContent(zipSync({ 'readme.txt': new TextEncoder().encode('hello') }))).toBe(false);
    expect(byContent(zipSync({ mimetype: new TextEncoder().encode('application/epub+zip') }, { level: 0 }))).toBe(false);
    expect(byContent(zipSync({ mimetype: new TextEncoder().encode(MIME) }, { level: 0 }))).toBe(true);
  });

  it('the desktop entry follows the Desktop Entry Specification and its Exec runs this Node.js and this cairn.js', () => {
    const file = parseKeyFile(readFileSync(join(data, 'applications/cairn.desktop'), 'utf8'));
    expect([...file.keys()][0]).toBe('Desktop Entry');
    const entry = file.get('Desktop Entry')!;
    expect(entry.get('Type')).toBe('Application');
    expect(entry.get('Version')).toMatch(/^1\.[0-5]$/);
    expect(unescapeValue(entry.get('Name') ?? '')).toBe('Cairn');
    for (const key of ['Terminal', 'NoDisplay']) if (entry.has(key)) expect(entry.get(key)).toMatch(/^(true|false)$/);
    expect(entry.get('Terminal')).toBe('false');
    expect(listValue(entry.get('MimeType')!)).toEqual([MIME]);
    expect(entry.get('MimeType')).toMatch(/;$/);
    const categories = listValue(entry.get('Categories')!);
    expect(categories.some((c) => MAIN_CATEGORIES.has(c))).toBe(true);
    expect(categories).toContain('Game');
    const tryExec = unescapeValue(entry.get('TryExec')!);
    expect(isAbsolute(tryExec) && existsSync(tryExec)).toBe(true);
    expect(existsSync(join(data, `icons/hicolor/scalable/apps/${entry.get('Icon')}.svg`))).toBe(true);

    const args = execArgs(entry.get('Exec')!);
    expect(args).toEqual([realpathSync(process.execPath), realpathSync(CLI), 'play', '%f']);
    expect(args.filter((a) => /^%[fFuU]$/.test(a))).toHaveLength(1);
  });

  it('an Exec line survives paths with spaces, quotes, backslashes and percent signs', () => {
    const node = '/opt/my node/bin/node';
    const cli = '/home/ann/odd "dir" 100%/a\\b $HOME/cairn.js';
    const entry = parseKeyFile(desktopEntry(node, cli)).get('Desktop Entry')!;
    expect(execArgs(entry.get('Exec')!)).toEqual([node, cli, 'play', '%f']);
    expect(unescapeValue(entry.get('TryExec')!)).toBe(node);
  });

  it('mimeapps.list makes cairn.desktop the default, naming an entry that exists and claims the type', () => {
    const file = parseKeyFile(readFileSync(join(config, 'mimeapps.list'), 'utf8'));
    for (const group of file.keys()) expect(['Default Applications', 'Added Associations', 'Removed Associations']).toContain(group);
    const defaults = listValue(file.get('Default Applications')!.get(MIME)!);
    expect(defaults[0]).toBe('cairn.desktop');
    const entry = parseKeyFile(readFileSync(join(data, 'applications', defaults[0]!), 'utf8'));
    expect(listValue(entry.get('Desktop Entry')!.get('MimeType')!)).toContain(MIME);
  });

  it('uninstall-desktop takes every file and the default away again', () => {
    const r = cairn('uninstall-desktop');
    expect(r.code).toBe(0);
    for (const file of ['mime/packages/cairn-bundle.xml', 'applications/cairn.desktop', 'icons/hicolor/scalable/apps/cairn.svg']) expect(existsSync(join(data, file)), file).toBe(false);
    const list = parseKeyFile(readFileSync(join(config, 'mimeapps.list'), 'utf8'));
    for (const group of list.values()) expect(listValue(group.get(MIME) ?? '')).not.toContain('cairn.desktop');
  });
});
