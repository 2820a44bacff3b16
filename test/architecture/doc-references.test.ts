// Every reference to a document leads somewhere: comments, docs and messages
// name only documents in this repository, docs/language.md sections by their
// heading, other documents' sections by numbers they have, Markdown links by
// files and anchors that exist; and every file docs/architecture.md names is
// real. The reader is first shown to catch each kind of dead end.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenReferences, missingPaths, textFiles } from './doc-references.js';

const ROOT = join(import.meta.dirname, '../..');
const describeBroken = (file: string, text: string) => brokenReferences(ROOT, file, text).map((b) => b.why);

describe('the reader', () => {
  it('catches a missing document, a numbered or unknown section, and a bare section sign in code', () => {
    expect(describeBroken('runtime/x.ts', '// see NOTES.md for why')).toEqual(['NOTES.md is not in this repository']);
    expect(describeBroken('runtime/x.ts', '// (docs/language.md §9)')).toEqual(['cite docs/language.md by heading, not by number: its sections are renumbered']);
    expect(describeBroken('runtime/x.ts', '// (docs/language.md, "Threads")')).toEqual([]);
    expect(describeBroken('runtime/x.ts', '// (docs/language.md, "Ticks")')).toEqual([]);
    expect(describeBroken('runtime/x.ts', '// (docs/language.md, "Coroutines")')).toEqual(['docs/language.md has no heading "Coroutines"']);
    expect(describeBroken('runtime/x.ts', '// as §4 promises')).toEqual(['a section number without its document: name the document and cite its heading']);
    expect(describeBroken('runtime/x.ts', '// docs/bundle-format.md §4')).toEqual([]);
    expect(describeBroken('runtime/x.ts', '// docs/bundle-format.md §42')).toEqual(['docs/bundle-format.md has no section 42']);
  });

  it('catches a Markdown link to a missing file or anchor', () => {
    expect(describeBroken('docs/x.md', 'See [the tutorial](tutorial.md) and [threads](language.md#9-threads).')).toEqual([]);
    expect(describeBroken('docs/x.md', 'See [it](nowhere.md).')).toEqual(['nowhere.md is not in this repository', 'docs/nowhere.md does not exist']);
    expect(describeBroken('docs/x.md', 'See [threads](language.md#threads-and-coroutines).')).toEqual(['docs/language.md has no heading with the anchor #threads-and-coroutines']);
  });
});

describe('the repository', () => {
  it('has no reference that leads nowhere', () => {
    // This test and its reader write dead ends on purpose.
    const files = textFiles(ROOT).filter((f) => !f.startsWith('test/architecture/doc-references'));
    expect(files.length).toBeGreaterThan(200);
    const broken = files.flatMap((f) => brokenReferences(ROOT, f)).map((b) => `${b.file}:${b.line} ${b.reference}: ${b.why}`);
    expect(broken).toEqual([]);
  });

  it('docs/architecture.md names only files that exist', () => {
    expect(missingPaths(ROOT, 'docs/architecture.md').map((b) => `${b.line} ${b.reference}`)).toEqual([]);
  });
});
