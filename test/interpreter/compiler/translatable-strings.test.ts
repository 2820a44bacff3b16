// Translatable text (docs/localization.md): the compiler collects every
// player-readable string with an id that survives edits elsewhere in the file.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type TranslatableString } from '../../../interpreter/compiler/compile.js';
import { formatSource } from '../../../interpreter/syntax/format-source.js';

const room = (lines: string[]): string => `verbs {\n  look: "Look at"\n}\n\nroom harbour {\n  name: "The harbour"\n\n  object crate {\n    name: "crate"\n    on look {\n${lines.map((l) => `      ${l}`).join('\n')}\n    }\n  }\n}\n\non start {\n  go harbour\n}\n`;

const strings = (text: string): TranslatableString[] => compile([{ file: 'harbour.adv', text }]).strings;
const idOf = (all: TranslatableString[], text: string): string => all.find((s) => s.text === text)!.id;

describe('translatable strings', () => {
  const before = strings(room(['say "A crate of herring."', 'say "It smells of the sea."']));

  it('collects lines, names and verb labels with their place', () => {
    expect(before.map((s) => [s.role, s.text])).toEqual([
      ['verb', 'Look at'],
      ['name', 'The harbour'],
      ['name', 'crate'],
      ['line', 'A crate of herring.'],
      ['line', 'It smells of the sea.'],
    ]);
    const line = before.find((s) => s.text === 'It smells of the sea.')!;
    expect(line).toMatchObject({ room: 'harbour', context: 'room harbour / object crate / on look', file: 'harbour.adv', line: 12 });
    expect(line.id).toMatch(/^harbour\.room_harbour\.object_crate\.on_look\.[0-9a-f]{8}$/);
  });

  it('keeps every id when a line is inserted above', () => {
    const after = strings(room(['say "Somebody nailed it shut."', 'say "A crate of herring."', 'say "It smells of the sea."']));
    expect(idOf(after, 'A crate of herring.')).toBe(idOf(before, 'A crate of herring.'));
    expect(idOf(after, 'It smells of the sea.')).toBe(idOf(before, 'It smells of the sea.'));
    expect(after.find((s) => s.text === 'It smells of the sea.')!.line).toBe(13);
  });

  it('keeps a line\'s id when its neighbour is reworded, and changes the reworded one', () => {
    const after = strings(room(['say "A crate of mackerel."', 'say "It smells of the sea."']));
    expect(idOf(after, 'It smells of the sea.')).toBe(idOf(before, 'It smells of the sea.'));
    expect(idOf(after, 'A crate of mackerel.')).not.toBe(idOf(before, 'A crate of herring.'));
  });

  it('tells repeated lines in one handler apart', () => {
    const twice = strings(room(['say "Hm."', 'say "Hm."']));
    const ids = twice.filter((s) => s.text === 'Hm.').map((s) => s.id);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(`${ids[0]}.2`);
  });

  it('follows a string literal into say through a local variable and shows placeholders', () => {
    const all = strings(room(['let n = 3', 'let line = "Herring, fresh today."', 'say line', 'say "{n} herring left."']));
    expect(all.filter((s) => s.role === 'line').map((s) => s.text)).toEqual(['Herring, fresh today.', '{n} herring left.']);
  });

  it('warns about a line built from pieces and points to interpolation', () => {
    const { warnings } = compile([{ file: 'harbour.adv', text: room(['let n = 3', 'say "You have " + n + " coins"']) }]);
    const w = warnings.find((x) => x.code === 'STRING_FRAGMENTS');
    expect(w?.hint).toContain('{n}');
    expect(w?.span?.start.line).toBe(12);
  });

  it('keeps a pinned id when the line is reworded, a neighbour is inserted or the line moves', () => {
    const pinned = strings(room(['say "A crate of herring." #crate_herring', 'say "It smells of the sea."']));
    expect(idOf(pinned, 'A crate of herring.')).toBe('crate_herring');
    expect(pinned.find((s) => s.id === 'crate_herring')!.pinned).toBe(true);
    const reworded = strings(room(['say "Somebody nailed it shut."', 'say "A crate of fresh herring." #crate_herring']));
    expect(idOf(reworded, 'A crate of fresh herring.')).toBe('crate_herring');
    // Unpinned ids are the same as before pinning existed.
    expect(idOf(pinned, 'It smells of the sea.')).toBe(idOf(before, 'It smells of the sea.'));
  });

  it('pins dialog options too, and names a line\'s voice file', () => {
    const text = 'dialog chat {\n  option "Hello." #chat_hello {\n    say "Hi there." #chat_hi voice "voice/hi.ogg"\n    done\n  }\n}\n';
    const all = compile([{ file: 'chat.adv', text }]).strings;
    expect(all.map((s) => [s.id, s.role, s.voice])).toEqual([
      ['chat_hello', 'option', undefined],
      ['chat_hi', 'line', 'voice/hi.ogg'],
    ]);
    // `cairn fmt` keeps both.
    expect(formatSource(text)).toBe(text);
  });

  it('refuses the same pinned id twice, naming both places', () => {
    let error: unknown;
    try {
      compile([{ file: 'harbour.adv', text: room(['say "A crate." #crate', 'say "Another crate." #crate']) }]);
    } catch (e) {
      error = e;
    }
    const related = (error as { related: Array<{ code: string; message: string; hint?: string; span?: { start: { line: number } } }> }).related;
    const dup = related.find((r) => r.code === 'DUPLICATE_TEXT_ID')!;
    expect(dup.message).toContain('#crate');
    expect(dup.span!.start.line).toBe(12);
    expect(dup.hint).toContain('harbour.adv:11');
  });

  it('collects the sample game\'s text with unique ids', () => {
    const dir = join(__dirname, '../../../bundles/gull-rock/scripts');
    const files = readdirSync(dir).filter((f) => f.endsWith('.adv')).sort().map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
    const all = compile(files).strings;
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(all.some((s) => s.role === 'option')).toBe(true);
    expect(all.some((s) => s.role === 'line' && s.speaker !== undefined)).toBe(true);
  });
});
