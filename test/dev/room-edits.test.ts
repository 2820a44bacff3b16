// The room editor's source edits alone: every geometric property form the
// language accepts — points, rectangles, scale bands, polygons, lists of
// polygons, repeated `walkable`, with comments, odd spacing and negative
// numbers — edited, then parsed again: the new value reads back, and the text
// around the changed numbers is byte for byte what it was.

import { describe, expect, test } from 'vitest';
import { geometrySources, type GeometryOwner } from '../../interpreter/compiler/geometry-sources.js';
import { parse } from '../../interpreter/syntax/parse.js';
import { applyEdits, formatNumber, literalValue, propertyEdits, type GeometryValue } from '../../player/dev/room-edits.js';

function owners(text: string): GeometryOwner[] {
  return geometrySources([parse(text, 'test.adv')]);
}

function ownerOf(text: string, name: string): GeometryOwner {
  const o = owners(text).find((x) => x.name === name);
  if (o === undefined) throw new Error(`no ${name}`);
  return o;
}

/** Sets a property, checks it parses back with that value, and returns the new text. */
function set(text: string, owner: string, name: string, value: GeometryValue, occurrence = 0): string {
  const edits = propertyEdits(text, ownerOf(text, owner), name, occurrence, value);
  const out = applyEdits(text, edits);
  const prop = ownerOf(out, owner).properties.find((p) => p.name === name && p.occurrence === occurrence);
  expect(prop, `${name} reads back`).toBeDefined();
  expect(literalValue(prop!.literal!)).toEqual(value);
  return out;
}

describe('geometry sources', () => {
  test('every geometric property of rooms, objects and actors, with the range of its value', () => {
    const text = [
      'const X = 5',
      'actor hero { name: "Robin"; at: (10, 20) }',
      'room beach {',
      '  walkable: [(0, 300), (640, 300), (640, 360)]',
      '  walkable: [(700, 300), (800, 300), (800, 360)]',
      '  blocked: [[(1, 1), (2, 1), (2, 2)], [(5, 5), (6, 5), (6, 6)]]',
      '  scale: (300, 0.6, 360, 1.0)',
      '  size: (1280, 360)',
      '  name: "Beach"',
      '  object shell { at: (X, 340); hotspot: (1, 2, 3, 4); polygon: [(0, 0), (4, 0), (4, 4)] }',
      '}',
      'object key { name: "brass key" }',
    ].join('\n');
    const all = owners(text);
    expect(all.map((o) => `${o.kind} ${o.name} ${o.room ?? '-'}`)).toEqual(['actor hero -', 'room beach -', 'object shell beach', 'object key -']);
    const beach = all[1]!;
    expect(beach.properties.map((p) => `${p.name}#${p.occurrence}:${p.kind}`)).toEqual(['walkable#0:polygons', 'walkable#1:polygons', 'blocked#0:polygons', 'scale#0:scale', 'size#0:point']);
    for (const o of all) for (const p of o.properties) expect(text.slice(p.start, p.end)).toBe(text.split('\n')[p.line - 1]!.slice(p.column - 1, p.column - 1 + p.end - p.start));
    expect(text.slice(beach.properties[3]!.start, beach.properties[3]!.end)).toBe('(300, 0.6, 360, 1.0)');
    const shell = all[2]!;
    expect(shell.properties[0]!.literal, 'a const is not a literal').toBeNull();
    expect(literalValue(shell.properties[1]!.literal!)).toEqual([1, 2, 3, 4]);
    expect(literalValue(all[0]!.properties[0]!.literal!)).toEqual([10, 20]);
    expect(all[3]!.properties).toEqual([]);
    expect(all[3]!.insertAt).toBe(text.indexOf('"brass key"') + '"brass key"'.length);
  });
});

describe('room edits', () => {
  test('a point: only the number that moved changes', () => {
    const text = 'room r {\n  object o {\n    at: (120,   152)   // on the shelf\n  }\n}\n';
    expect(set(text, 'o', 'at', [124, 152])).toBe('room r {\n  object o {\n    at: (124,   152)   // on the shelf\n  }\n}\n');
    expect(set(text, 'o', 'at', [-3, 7.25])).toBe('room r {\n  object o {\n    at: (-3,   7.25)   // on the shelf\n  }\n}\n');
  });

  test('a negative number is replaced whole, sign and all', () => {
    const text = 'room r { object o { at: ( -10 , - 4 ) } }';
    expect(set(text, 'o', 'at', [5, -2])).toBe('room r { object o { at: ( 5 , -2 ) } }');
  });

  test('a rectangle with comments inside keeps them', () => {
    const text = 'room r {\n  object door {\n    hotspot: (540 /* x */, 146, // y\n              66, 116)\n  }\n}\n';
    expect(set(text, 'door', 'hotspot', [548, 150, 66, 116])).toBe('room r {\n  object door {\n    hotspot: (548 /* x */, 150, // y\n              66, 116)\n  }\n}\n');
  });

  test('a scale band', () => {
    const text = 'room r {\n  scale: (268, 0.9, 356, 1.02)\n}\n';
    expect(set(text, 'r', 'scale', [270, 0.9, 350, 1.02])).toBe('room r {\n  scale: (270, 0.9, 350, 1.02)\n}\n');
  });

  test('a polygon: a moved vertex, an inserted vertex, a removed vertex', () => {
    const text = 'room r {\n  walkable: [(10, 300), (160,300),(176, 268), (8, 356)]\n}\n';
    const moved = set(text, 'r', 'walkable', [[10, 300], [160, 300], [180, 260], [8, 356]]);
    expect(moved).toBe('room r {\n  walkable: [(10, 300), (160,300),(180, 260), (8, 356)]\n}\n');
    const inserted = set(text, 'r', 'walkable', [[10, 300], [160, 300], [170, 280], [176, 268], [8, 356]]);
    expect(inserted).toBe('room r {\n  walkable: [(10, 300), (160,300), (170, 280),(176, 268), (8, 356)]\n}\n');
    const removed = set(text, 'r', 'walkable', [[10, 300], [176, 268], [8, 356]]);
    expect(removed).toBe('room r {\n  walkable: [(10, 300),(176, 268), (8, 356)]\n}\n');
    const first = set(text, 'r', 'walkable', [[160, 300], [176, 268], [8, 356]]);
    expect(first).toBe('room r {\n  walkable: [(160,300),(176, 268), (8, 356)]\n}\n');
    const appended = set(text, 'r', 'walkable', [[10, 300], [160, 300], [176, 268], [8, 356], [4, 330]]);
    expect(appended).toBe('room r {\n  walkable: [(10, 300), (160,300),(176, 268), (8, 356), (4, 330)]\n}\n');
  });

  test('a polygon over several lines takes its own line breaks for a new vertex', () => {
    const text = 'room r {\n  blocked: [\n    (1, 1),\n    (9, 1),  // corner\n    (9, 9),\n  ]\n}\n';
    expect(set(text, 'r', 'blocked', [[1, 1], [5, 0], [9, 1], [9, 9]])).toBe('room r {\n  blocked: [\n    (1, 1),\n    (5, 0),\n    (9, 1),  // corner\n    (9, 9),\n  ]\n}\n');
  });

  test('a whole polygon moved: every number changes, nothing else', () => {
    const text = 'room r { object o { polygon: [(0, 0), (4, 0), (4, 4)] } }';
    expect(set(text, 'o', 'polygon', [[2, 3], [6, 3], [6, 7]])).toBe('room r { object o { polygon: [(2, 3), (6, 3), (6, 7)] } }');
  });

  test('a list of polygons, and the second of two `walkable` lines', () => {
    const text = 'room r {\n  blocked: [[(1, 1), (2, 1), (2, 2)],\n            [(5, 5), (6, 5), (6, 6)]]\n  walkable: [(0, 0), (9, 0), (9, 9)]\n  walkable: [(20, 0), (29, 0), (29, 9)]\n}\n';
    const blocked = set(text, 'r', 'blocked', [[[1, 1], [2, 1], [2, 2]], [[5, 5], [7, 5], [6, 6]]]);
    expect(blocked).toBe(text.replace('(6, 5)', '(7, 5)'));
    const second = set(text, 'r', 'walkable', [[20, 0], [30, 0], [29, 9]], 1);
    expect(second).toBe(text.replace('(29, 0)', '(30, 0)'));
  });

  test('a property the author never wrote goes in as a new line with the block\'s indentation', () => {
    const text = 'room r {\n    object stove {\n        name: "stove"\n        hotspot: (28, 150, 128, 140)\n\n        on look { say "Warm." }\n    }\n}\n';
    expect(set(text, 'stove', 'stand', [112, 312])).toBe('room r {\n    object stove {\n        name: "stove"\n        hotspot: (28, 150, 128, 140)\n        stand: (112, 312)\n\n        on look { say "Warm." }\n    }\n}\n');
  });

  test('in a one-line block a new property follows a `;`', () => {
    const text = 'room r {\n  object key { name: "brass key"; icon: "k.png" }\n}\n';
    expect(set(text, 'key', 'stand', [1, 2])).toBe('room r {\n  object key { name: "brass key"; icon: "k.png"; stand: (1, 2) }\n}\n');
  });

  test('a block without properties gets one, a step in from the block', () => {
    const text = 'room r {\n\tobject o /* { */ {\n\t\ton look { say "Hm." }\n\t}\n}\n';
    expect(set(text, 'o', 'hotspot', [1, 2, 3, 4])).toBe('room r {\n\tobject o /* { */ {\n\t\thotspot: (1, 2, 3, 4)\n\t\ton look { say "Hm." }\n\t}\n}\n');
  });

  test('CRLF files get CRLF lines', () => {
    const text = 'room r {\r\n  object o {\r\n    name: "o"\r\n  }\r\n}\r\n';
    expect(set(text, 'o', 'at', [3, 4])).toBe('room r {\r\n  object o {\r\n    name: "o"\r\n    at: (3, 4)\r\n  }\r\n}\r\n');
  });

  test('nothing changed: no edit at all', () => {
    const text = 'room r { walkable: [(0, 0), (9, 0), (9, 9)] }';
    expect(propertyEdits(text, ownerOf(text, 'r'), 'walkable', 0, [[0, 0], [9, 0], [9, 9]])).toEqual([]);
  });

  test('a value written with a const is refused, not rewritten', () => {
    const text = 'const X = 3\nroom r { object o { at: (X, 4) } }';
    expect(() => propertyEdits(text, ownerOf(text, 'o'), 'at', 0, [1, 2])).toThrow(/not written with numbers alone/);
  });

  test('numbers are written as scripts write them', () => {
    expect([formatNumber(3), formatNumber(-0), formatNumber(0.1 + 0.2), formatNumber(-2.5)]).toEqual(['3', '0', '0.3', '-2.5']);
    expect(() => formatNumber(NaN)).toThrow();
  });
});
