// The layout of a game app (player/release/app-file.ts): the trailer after the
// bundle, read back from a file, damaged trailers refused, and the arguments
// an app runs with.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appArguments, appLayout, appTrailer, readAppBundle } from '../../player/release/app-file.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-app-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, ...parts: Uint8Array[]): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

describe('the app file layout', () => {
  const runtime = new Uint8Array(1000).fill(7);
  const bundle = new TextEncoder().encode('PK\x03\x04 a bundle, as far as the layout cares');

  it('finds the bundle after the runtime and reads exactly it', () => {
    const app = file('app', runtime, bundle, appTrailer(bundle.length));
    expect(appLayout(app)).toEqual({ runtimeBytes: runtime.length, bundleBytes: bundle.length });
    expect(Buffer.from(readAppBundle(app)!).equals(Buffer.from(bundle))).toBe(true);
  });

  it('is nothing for files without the trailer: a bundle, the bare runtime, a file shorter than a trailer', () => {
    expect(appLayout(file('bundle.cairn', bundle))).toBeUndefined();
    expect(readAppBundle(file('runtime', runtime))).toBeUndefined();
    expect(appLayout(file('short', new Uint8Array(5)))).toBeUndefined();
  });

  it('refuses a trailer that claims more than the file holds, with BUNDLE_TRUNCATED', () => {
    const cut = file('cut', runtime, bundle, appTrailer(runtime.length + bundle.length + 1));
    expect(() => appLayout(cut)).toThrow(expect.objectContaining({ code: 'BUNDLE_TRUNCATED' }));
    const huge = file('huge', bundle, appTrailer(Number.MAX_SAFE_INTEGER));
    expect(() => readAppBundle(huge)).toThrow(expect.objectContaining({ code: 'BUNDLE_TRUNCATED' }));
  });
});

describe('the arguments an app runs with', () => {
  const self = '/games/org.example.lamp-linux-x64';
  it('plays its game with no arguments (a double-click)', () => {
    expect(appArguments([], self)).toEqual(['play', self]);
  });
  it('gives play, run, test and inspect its own file as their game', () => {
    expect(appArguments(['play', '--no-open'], self)).toEqual(['play', self, '--no-open']);
    expect(appArguments(['run', '--ticks', '60'], self)).toEqual(['run', self, '--ticks', '60']);
    expect(appArguments(['test', 'a.walk', 'b.walk'], self)).toEqual(['test', self, 'a.walk', 'b.walk']);
    expect(appArguments(['inspect', '--json'], self)).toEqual(['inspect', self, '--json']);
  });
  it('leaves other commands and --help as the runtime has them', () => {
    expect(appArguments(['build', 'src', '--app'], self)).toEqual(['build', 'src', '--app']);
    expect(appArguments(['play', '--help'], self)).toEqual(['play', '--help']);
    expect(appArguments(['--version'], self)).toEqual(['--version']);
  });
});
