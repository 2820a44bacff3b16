// `cairn fmt` as an author runs it, in a child process: --check lists the
// files that are not in the layout and exits 1 without touching them; without
// it the files are rewritten; a folder means its .adv files; a Markdown
// document has its ```cairn blocks formatted; a syntax error is reported and
// the other files are still formatted.

import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCairn } from '../support/cli.js';

const MESSY = 'on start {\nprint 1+2   // three\n}\n';
const TIDY = 'on start {\n  print 1 + 2 // three\n}\n';

describe('cairn fmt', () => {
  it('finds the sample game, the .adv files of test/ and the documentation\'s examples formatted', () => {
    // The language tests that pin a syntax error cannot be formatted: they do not parse, on purpose.
    const scripts = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.adv'))
      .map((f) => join('test', f))
      .filter((f) => !readFileSync(join(ROOT, f), 'utf8').includes('expect error: SYNTAX'));
    expect(scripts.length).toBeGreaterThan(20);
    const check = runCairn(['fmt', '--check', 'bundles/gull-rock', ...scripts, 'docs/language.md', 'docs/tutorial.md']);
    expect(check.stdout).toBe('');
    expect(check.code).toBe(0);
  });

  it('checks, then rewrites, every .adv file of a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-fmt-'));
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'scripts', 'a.adv'), MESSY);
    writeFileSync(join(dir, 'scripts', 'b.adv'), TIDY);
    writeFileSync(join(dir, 'notes.txt'), MESSY);

    const check = runCairn(['fmt', '--check', dir]);
    expect(check.code).toBe(1);
    expect(check.stdout.trim()).toBe(join(dir, 'scripts', 'a.adv'));
    expect(check.stderr).toContain('1 of 2 files are not formatted');
    expect(readFileSync(join(dir, 'scripts', 'a.adv'), 'utf8')).toBe(MESSY);

    const write = runCairn(['fmt', dir]);
    expect(write.code).toBe(0);
    expect(readFileSync(join(dir, 'scripts', 'a.adv'), 'utf8')).toBe(TIDY);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe(MESSY);
    expect(runCairn(['fmt', '--check', dir]).code).toBe(0);
  });

  it('formats the ```cairn blocks of a Markdown document and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-fmt-md-'));
    const doc = join(dir, 'README.md');
    writeFileSync(doc, `# Title\n\n\`\`\`cairn\n${MESSY}\`\`\`\n\n\`\`\`text\nprint 1+2\n\`\`\`\n\n\`\`\`cairn\non start {\n\`\`\`\n`);
    expect(runCairn(['fmt', doc]).code).toBe(0);
    expect(readFileSync(doc, 'utf8')).toBe(`# Title\n\n\`\`\`cairn\n${TIDY}\`\`\`\n\n\`\`\`text\nprint 1+2\n\`\`\`\n\n\`\`\`cairn\non start {\n\`\`\`\n`);
  });

  it('reports a script that does not parse at its line, and a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-fmt-bad-'));
    writeFileSync(join(dir, 'bad.adv'), 'on start {\n  print (1\n}\n');
    writeFileSync(join(dir, 'good.adv'), MESSY);
    const bad = runCairn(['fmt', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.adv:\d+:\d+: error: .*\[SYNTAX\]/);
    expect(readFileSync(join(dir, 'good.adv'), 'utf8')).toBe(TIDY);
    const missing = runCairn(['fmt', join(dir, 'nope.adv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[FILE_NOT_FOUND]');
  });
});
