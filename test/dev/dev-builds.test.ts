// `cairn dev`'s builds and page hooks: a failed build is the compiler's text
// with its code frame (no colour) and keeps the last good bundle served; the
// page's runtime errors come back with a code frame of the script; the dev
// client's script goes into the page after the desktop's and before the player's.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevBuilder } from '../../player/dev/dev-builds.js';
import { withDevScript } from '../../player/dev/dev-routes.js';
import { withDesktopScript } from '../../player/desktop/pages.js';

function project(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-dev-build-'));
  mkdirSync(join(dir, 'scripts'));
  writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.cairn.dev', title: 'Dev', version: '0.1.0', author: 'Tests', resolution: [640, 360], pixelArt: false }));
  writeFileSync(join(dir, 'scripts/game.adv'), script);
  return dir;
}

describe('DevBuilder', () => {
  it('numbers builds, keeps the last good bundle through a failure, and formats the failure with its code frame', () => {
    const dir = project('var n = 1\non start { n = 2 }\n');
    const builder = new DevBuilder(dir);
    const first = builder.build();
    expect(first.ok && first.version).toBe(1);
    const good = builder.bundle;
    writeFileSync(join(dir, 'scripts/game.adv'), 'var n = 1\non start { n = }\n');
    const second = builder.build();
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.version).toBe(2);
    expect(second.text).toContain('scripts/game.adv:2:');
    expect(second.text).toContain(' 2 | on start { n = }');
    expect(second.text).not.toContain('\x1b[');
    expect(builder.bundle).toBe(good);
    expect(builder.goodVersion).toBe(1);
  });

  it('formats a runtime error from the page with the script line under it', () => {
    const builder = new DevBuilder(project('var n = 1\non start {\n  n = n / 0\n}\n'));
    builder.build();
    const text = builder.formatPageError({ code: 'DIVIDE_BY_ZERO', message: 'division by zero (scripts/game.adv:3:7)', place: { file: 'scripts/game.adv', line: 3, column: 7 } });
    expect(text).toContain('scripts/game.adv:3:7: error: division by zero [DIVIDE_BY_ZERO]');
    expect(text).toContain(' 3 |   n = n / 0');
    expect(builder.formatPageError({ code: 'NOT_A_CODE', message: 'odd' })).toContain('odd [RUNTIME]');
  });

  it('keeps the hint and notes of a page error: the overlay shows what the terminal shows', () => {
    const builder = new DevBuilder(project('room beach { object door { open: false } }\non start {\n  print door.opne\n}\n'));
    builder.build();
    const text = builder.formatPageError({
      code: 'NO_SUCH_PROPERTY',
      message: 'the object `door` has no property `opne` (scripts/game.adv:3:9)',
      place: { file: 'scripts/game.adv', line: 3, column: 9 },
      hint: 'did you mean `open`?',
      notes: [{ message: 'the object is declared here', place: { file: 'scripts/game.adv', line: 1, column: 21 } }],
    });
    expect(text).toBe(
      [
        'scripts/game.adv:3:9: error: the object `door` has no property `opne` [NO_SUCH_PROPERTY]',
        ' 3 |   print door.opne',
        '   |         ^',
        'scripts/game.adv:1:21: note: the object is declared here',
        ' 1 | room beach { object door { open: false } }',
        '   |                     ^',
        'hint: did you mean `open`?',
      ].join('\n'),
    );
  });
});

describe('withDevScript', () => {
  it('loads the dev client after the desktop script and before the player', () => {
    const html = withDevScript(withDesktopScript('<html><head><script type="module" crossorigin src="./cairn-player.js"></script></head><body></body></html>'));
    const desktop = html.indexOf('/cairn-desktop.js');
    const dev = html.indexOf('/cairn-dev.js');
    const player = html.indexOf('./cairn-player.js');
    expect(desktop).toBeGreaterThan(-1);
    expect(desktop).toBeLessThan(dev);
    expect(dev).toBeLessThan(player);
  });
});
