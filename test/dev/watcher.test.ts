// `cairn dev`'s watching: a burst of changes makes one rebuild after the quiet
// time, changes during a rebuild make exactly one more, editors' temporary
// files and folders a build does not read are ignored, and a real recursive
// fs.watch reports a script written in a project.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { affectsBuild, DEBOUNCE_MS, RebuildScheduler, watchProject, type Timers } from '../../player/dev/watcher.js';

/** Timers driven by hand: advance(ms) fires what is due. */
function manualTimers(): Timers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout: (fn, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void due.delete(id as number),
    advance(ms) {
      now += ms;
      for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        due.delete(id);
        t.fn();
      }
    },
    pending: () => due.size,
  };
}

const settle = () => new Promise((ok) => setImmediate(ok));

describe('RebuildScheduler', () => {
  it('turns a burst of changes into one rebuild, DEBOUNCE_MS after the last', () => {
    const timers = manualTimers();
    let runs = 0;
    const s = new RebuildScheduler(() => void runs++, DEBOUNCE_MS, timers);
    s.poke();
    timers.advance(30);
    s.poke();
    timers.advance(30);
    s.poke();
    timers.advance(DEBOUNCE_MS - 1);
    expect(runs).toBe(0);
    timers.advance(1);
    expect(runs).toBe(1);
  });

  it('builds once more after a rebuild during which something changed, never two at once', async () => {
    const timers = manualTimers();
    let runs = 0;
    let active = 0;
    let finish!: () => void;
    const s = new RebuildScheduler(
      () =>
        new Promise<void>((ok) => {
          runs++;
          active++;
          expect(active).toBe(1);
          finish = () => {
            active--;
            ok();
          };
        }),
      DEBOUNCE_MS,
      timers,
    );
    s.poke();
    timers.advance(DEBOUNCE_MS);
    expect(runs).toBe(1);
    s.poke();
    s.poke();
    timers.advance(DEBOUNCE_MS * 3);
    expect(runs).toBe(1); // still building: the changes wait
    finish();
    await settle();
    expect(timers.pending()).toBe(1);
    timers.advance(DEBOUNCE_MS);
    expect(runs).toBe(2);
    finish();
    await settle();
    expect(s.busy).toBe(false);
  });

  it('runs nothing after dispose', () => {
    const timers = manualTimers();
    let runs = 0;
    const s = new RebuildScheduler(() => void runs++, DEBOUNCE_MS, timers);
    s.poke();
    s.dispose();
    s.poke();
    timers.advance(DEBOUNCE_MS * 2);
    expect(runs).toBe(0);
  });
});

describe('affectsBuild', () => {
  it('takes cairn.json, scripts and assets, and leaves out editor files and other folders', () => {
    for (const p of ['cairn.json', 'scripts/game.adv', 'assets/art/bg.png', 'assets/a b.ogg']) expect(affectsBuild(p), p).toBe(true);
    for (const p of ['tests/a.walk', 'README.md', '.git/index', 'scripts/.game.adv.swp', 'scripts/game.adv~', 'scripts/4913', 'scripts/#game.adv#', 'assets/.DS_Store', 'dist/x.cairn']) {
      expect(affectsBuild(p), p).toBe(false);
    }
  });
});

describe('watchProject', () => {
  it('reports a script written in the project, and not a walkthrough', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-watch-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'tests'));
    const seen: Array<string | null> = [];
    const watch = watchProject(dir, (p) => seen.push(p), (e) => {
      throw e;
    });
    try {
      writeFileSync(join(dir, 'tests/a.walk'), 'x');
      writeFileSync(join(dir, 'scripts/game.adv'), 'on start {}');
      const until = Date.now() + 5000;
      while (!seen.includes('scripts/game.adv') && Date.now() < until) await new Promise((ok) => setTimeout(ok, 20));
      expect(seen).toContain('scripts/game.adv');
      expect(seen).not.toContain('tests/a.walk');
    } finally {
      watch.close();
    }
  });
});
