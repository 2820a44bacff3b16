// Records with shapes (interpreter/vm/shaped-map.ts): maps the VM builds keep
// string keys in a shared shape and values by slot, the fast tier reads and
// writes fields through an inline cache per instruction and fuses `p.x = p.x
// + p.vx`. None of it may show: a map is a map in both modes and both tiers,
// with the same order, errors, budget and saves — and a save made before
// maps had shapes loads and runs on.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../interpreter/compiler/compile.js';
import { valuesEqual } from '../../../interpreter/vm/equality.js';
import { hashKey, MAX_PROBES, MAX_TABLE_KEY } from '../../../interpreter/vm/key-table.js';
import { DICTIONARY, MAX_RECORD_KEYS, MAX_SHAPES, ShapedMap, TABLE } from '../../../interpreter/vm/shaped-map.js';
import { measureReachable } from '../../../interpreter/vm/memory.js';
import { isMap, type Value } from '../../../interpreter/vm/values.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { bothTiers } from './support/tiers.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

describe('a ShapedMap is a Map in both of its modes', () => {
  it('keeps insertion order through every change, and turns into a dictionary only when it must', () => {
    const m = new ShapedMap([['x', 1], ['y', 2]]);
    expect(m.shape).not.toBe(DICTIONARY);
    m.set('x', 10).set('z', 3);
    expect([...m]).toEqual([['x', 10], ['y', 2], ['z', 3]]);
    expect(m.shape.keys).toEqual(['x', 'y', 'z']);
    m.set(1, 'one'); // a number key: only a dictionary holds it
    expect(m.shape).toBe(DICTIONARY);
    expect([...m.keys()]).toEqual(['x', 'y', 'z', 1]);
    expect(m.get('y')).toBe(2);
    expect(m.delete('x')).toBe(true);
    m.set('x', 0);
    expect([...m.entries()]).toEqual([['y', 2], ['z', 3], [1, 'one'], ['x', 0]]);
    expect(m.size).toBe(4);

    const r = new ShapedMap([['a', 1], ['b', 2]]);
    expect(r.delete('nope')).toBe(false);
    expect(r.shape).not.toBe(DICTIONARY); // nothing was removed
    r.delete('a');
    expect(r.shape).toBe(DICTIONARY);
    expect([...r]).toEqual([['b', 2]]);
    r.clear();
    r.set('q', 1);
    expect(r.shape).not.toBe(DICTIONARY); // cleared, it is a record again
  });

  it('compares, prints and counts as a Map does', () => {
    const shaped = new ShapedMap([['k', 1], ['j', [1, 2]]]);
    const plain = new Map<string, Value>([['k', 1], ['j', [1, 2]]]);
    expect(isMap(shaped) && isMap(plain)).toBe(true);
    expect(Object.prototype.toString.call(shaped)).toBe('[object Map]');
    expect(shaped).toEqual(plain);
    const vm = new VM(compile([{ file: 'scripts/main.adv', text: 'on start {}' }]).module);
    expect(valuesEqual(shaped, plain, vm)).toBe(true);
    expect(vm.display(shaped)).toBe(vm.display(plain));
    const seen: string[] = [];
    shaped.forEach((v, k) => seen.push(`${String(k)}=${vm.display(v)}`));
    expect(seen).toEqual(['k=1', 'j=[1, 2]']);
  });

  it(`keeps more than ${MAX_RECORD_KEYS} string keys in a table, and its answers do not change`, () => {
    const m = new ShapedMap();
    for (let i = 0; i < 1000; i++) m.set(`k${i}`, i);
    expect(m.shape).toBe(TABLE);
    expect(m.size).toBe(1000);
    expect(m.get('k31')).toBe(31);
    expect(m.get('k999')).toBe(999);
    expect(m.get('k1000')).toBeUndefined();
    expect(m.has('k0') && !m.has(0) && !m.has('x'.repeat(MAX_TABLE_KEY + 1))).toBe(true);
    m.set('k5', 'five');
    expect([...m.keys()].slice(30, 34)).toEqual(['k30', 'k31', 'k32', 'k33']);
    expect([...m.values()].slice(4, 7)).toEqual([4, 'five', 6]);
    expect(m).toEqual(new Map([...m]));
  });

  it('a table gives back exactly the keys it was given — any code units, prefixes, the empty key — and keeps them in step once walked', () => {
    const odd = ['', 'j1', 'j10', 'k1\u0000', 'é', 'ü', '日本', '😀', '\ud800', '\udfff\ud800', 'x'.repeat(MAX_TABLE_KEY)];
    const m = new ShapedMap();
    for (let i = 0; i < 40; i++) m.set(`k${i}`, i);
    for (const [i, k] of odd.entries()) m.set(k, `odd${i}`);
    expect(m.shape).toBe(TABLE);
    expect(odd.map((k) => m.get(k))).toEqual(odd.map((_, i) => `odd${i}`));
    expect(m.get('k1\u0001') ?? m.get('\ud801') ?? m.get('日') ?? m.get('x'.repeat(MAX_TABLE_KEY - 1))).toBeUndefined();
    const walked = [...m.keys()];
    expect(walked.slice(40)).toEqual(odd);
    // Keys added after a walk come back too, in order, and a key set again keeps its place.
    m.set('after', 1).set('k1', 'again');
    expect([...m.keys()]).toEqual([...walked, 'after']);
    expect(m.get('k1')).toBe('again');
    // The dictionary it may turn into holds the same keys.
    m.set(1, 'one');
    expect(m.shape).toBe(DICTIONARY);
    expect([...m.keys()]).toEqual([...walked, 'after', 1]);
    expect(m.get('\udfff\ud800')).toBe('odd9');
  });

  it('measures as the same map as a plain Map would, as a record, a table and a dictionary', () => {
    const record = new ShapedMap([['x', 1], ['name', 'Ada'], ['tags', ['a', 'bb']]]);
    const table = new ShapedMap();
    for (let i = 0; i < 300; i++) table.set(i % 2 ? `k${i}` : `é${i}`, i % 3 ? i : `v${i}`);
    const short = new ShapedMap([['a', 1], ['b', 2]]);
    short.delete('b'); // a dictionary
    for (const m of [record, table, short]) {
      const size = measureReachable([[m]], [1], Infinity);
      expect(size).toBe(measureReachable([[new Map(m)]], [1], Infinity));
      expect(size).toBeGreaterThan(0);
    }
  });

  it('a table becomes a dictionary for a number key, a long key or a removal, keeping every entry in order', () => {
    const fill = () => {
      const m = new ShapedMap();
      for (let i = 0; i < 40; i++) m.set(`k${i}`, i);
      expect(m.shape).toBe(TABLE);
      return m;
    };
    const long = 'x'.repeat(MAX_TABLE_KEY + 1);
    const changes: [string, (m: ShapedMap) => void, (string | number)[]][] = [
      ['a number key', (m) => m.set(7, 'seven'), [7]],
      ['a boolean key', (m) => m.set(true, 'yes'), [true as unknown as string]],
      ['a long key', (m) => m.set(long, 'long'), [long]],
    ];
    for (const [what, change, added] of changes) {
      const m = fill();
      change(m);
      expect(m.shape, what).toBe(DICTIONARY);
      expect([...m.keys()], what).toEqual([...Array.from({ length: 40 }, (_, i) => `k${i}`), ...added]);
      expect(m.get('k39'), what).toBe(39);
    }
    const r = fill();
    expect(r.delete('nope')).toBe(false);
    expect(r.shape).toBe(TABLE);
    expect(r.delete('k0')).toBe(true);
    expect(r.shape).toBe(DICTIONARY);
    expect([...r.keys()][0]).toBe('k1');
    r.clear();
    expect(r.size).toBe(0);
    r.set('a', 1);
    expect(r.shape).not.toBe(DICTIONARY);
    // A record with a key too long for a table grows into a dictionary.
    const big = new ShapedMap([[long, 0]]);
    for (let i = 0; i < MAX_RECORD_KEYS + 1; i++) big.set(`k${i}`, i);
    expect(big.shape).toBe(DICTIONARY);
    expect(big.size).toBe(MAX_RECORD_KEYS + 2);
  });

  it(`keys crafted to collide make a dictionary after at most ${MAX_PROBES} probes, and every one is still found`, () => {
    const keys = collidingKeys(MAX_PROBES + 20, 127);
    const m = new ShapedMap();
    for (const [i, k] of keys.entries()) m.set(k, i);
    expect(m.shape).toBe(DICTIONARY);
    expect(keys.every((k, i) => m.get(k) === i)).toBe(true);
    expect([...m.keys()]).toEqual(keys);
  });

  it(`makes at most ${MAX_SHAPES} shapes however many key names a script invents; later maps are tables that still work`, () => {
    const maps: ShapedMap[] = [];
    for (let i = 0; i < MAX_SHAPES + 500; i++) maps.push(new ShapedMap([[`name${i}`, i]]));
    expect(maps.at(-1)!.shape).toBe(TABLE);
    expect(maps.every((m, i) => m.get(`name${i}`) === i && m.size === 1)).toBe(true);
    // A layout made before the cap is still shared.
    expect(new ShapedMap([['name0', 5]]).shape).toBe(maps[0]!.shape);
  });
});

/** `n` distinct short keys whose hashes agree in the bits `mask` keeps (so all of them start their probe at one slot). */
function collidingKeys(n: number, mask: number): string[] {
  const keys: string[] = [];
  const want = hashKey('c0') & mask;
  for (let i = 0; keys.length < n; i++) if ((hashKey(`c${i}`) & mask) === want) keys.push(`c${i}`);
  return keys;
}

describe('records run the same in the interpreter and the fast tier', () => {
  const cases: Record<string, string> = {
    'fields read and written, the fused update on numbers and on strings': `
      on start {
        let ps = []
        for i in 0..20 { push(ps, {x: i, y: i * 2, vx: i % 3 - 1, name: "p{i}"}) }
        for f in 0..5 {
          for p in ps {
            p.x = p.x + p.vx
            p.y = p.y - 1
            p.y = p.y * 2
            p.name = p.name + "."
          }
        }
        let sum = 0
        for p in ps { sum += p.x + p.y }
        print "{sum} {ps[3]}"
      }`,
    'one site meets records of other shapes, a host-made map, and a map that became a dictionary mid-loop': `
      on start {
        let things = [{x: 1}, {y: 2, x: 3}, {x: 4, z: 5}, {x: 6}]
        things[3][7] = "seven"
        let total = 0
        for round in 0..3 {
          for t in things {
            t.x = t.x + 1
            total += t.x
          }
          remove(things[0], "x")
          things[0].x = 100
        }
        print "{total} {things}"
      }`,
    'a map of many names (a table) meets a number key, a removal and a long key mid-loop': `
      on start {
        let m = {}
        for i in 0..300 { m["item{i}"] = i }
        let sum = 0
        for round in 0..3 {
          for i in 0..300 { sum += m["item{i}"] }
          if round == 0 { m[5] = 1 }
          if round == 1 { remove(m, "item7"); m["item7"] = 7 }
        }
        let n = {}
        for i in 0..100 { n["k{i}"] = i }
        n["a very long key that no table keeps, so this map turns into a dictionary at once"] = 1
        print "{sum} {len(m)} {keys(m)[299]} {keys(m)[300]} {len(n)} {n["k99"]}"
      }`,
    'a missing field is KEY_NOT_FOUND at its line, from the fused update too': `
      on start {
        let ps = [{x: 1, vx: 2}, {x: 1, vx: 2}, {x: 5}]
        for p in ps {
          p.x = p.x + p.vx
        }
      }`,
    'a field that is not a number is a TYPE_ERROR at its line': `
      on start {
        let ps = [{x: 1, vx: 2}, {x: 1, vx: nil}]
        for p in ps {
          p.x = p.x + p.vx
        }
      }`,
    'a new field through a member set is charged and kept in order': `
      on start {
        let m = {a: 1}
        for i in 0..3 { m.b = i }
        m.c = m.a + 1
        print "{m} {keys(m)}"
      }`,
  };
  for (const [what, text] of Object.entries(cases)) {
    it(what, () => {
      const { slow, fast, fastFunctions } = bothTiers(text);
      expect(fastFunctions).toBeGreaterThan(0);
      expect(fast).toEqual(slow);
    });
  }

  it('a fused loop stops at the same instruction of the same round when the budget runs out', () => {
    const text = `
      on start {
        let ps = []
        for i in 0..3000 { push(ps, {x: i, vx: 1}) }
        for f in 0..1000 {
          for p in ps { p.x = p.x + p.vx }
        }
      }`;
    const { slow, fast } = bothTiers(text, { instructionsPerTick: 200_000 });
    expect(slow.error?.code).toBe('BUDGET_EXCEEDED');
    expect(fast).toEqual(slow);
  });

  it('the outcomes are what the language says', () => {
    expect(bothTiers(cases['a missing field is KEY_NOT_FOUND at its line, from the fused update too']!).fast.error).toMatchObject({ code: 'KEY_NOT_FOUND', place: 'scripts/main.adv:5:25' });
    expect(bothTiers(cases['a new field through a member set is charged and kept in order']!).fast.output).toEqual(['{a: 1, b: 2, c: 2} ["a", "b", "c"]']);
    expect(bothTiers(cases['a map of many names (a table) meets a number key, a removal and a long key mid-loop']!).fast.output).toEqual(['134550 301 5 item7 101 99']);
  });
});

describe('saves', () => {
  const text = readFileSync(fixture('records-save.adv'), 'utf8');
  const before = JSON.parse(readFileSync(fixture('records-save-c5d2719.json'), 'utf8')) as { snapshot: string; printedBefore: string[]; printedAfter: string[] };
  const module = compile([{ file: 'scripts/main.adv', text }]).module;

  it('a save made before maps had shapes loads and runs on to the same end, in both tiers', () => {
    for (const fastTier of [false, true]) {
      const lines: string[] = [];
      const vm = VM.fromSnapshot(module, new Uint8Array(Buffer.from(before.snapshot, 'base64')), { fastTier, print: (l) => lines.push(String(l)) });
      while (vm.threadCount > 0) vm.tick();
      expect(lines).toEqual(before.printedAfter);
    }
  });

  it('a save made now is byte for byte the save made then', () => {
    const lines: string[] = [];
    const vm = new VM(module, { seed: 3, print: (l) => lines.push(String(l)) });
    vm.init();
    vm.startHandlers('start');
    vm.tick();
    expect(lines).toEqual(before.printedBefore);
    expect(Buffer.from(vm.snapshot()).toString('base64')).toBe(before.snapshot);
  });
});
