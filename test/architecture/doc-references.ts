// Finds the references to documents in the repository's text — comments,
// docs, messages — and says which lead nowhere: a `NAME.md` that is not in
// the repository, a section that is not in its document, a Markdown link or
// anchor that does not resolve. Sections of docs/language.md are cited by
// heading (`docs/language.md, "Threads"`), because its numbers move.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';

const TEXT_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.peggy', '.md', '.adv', '.walk', '.json', '.html', '.css', '.yml', '.yaml', '.sh']);
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'out']);
const SKIP_FILES = new Set(['package-lock.json', 'interpreter/syntax/parser.generated.js']);
/** Documents cited by heading only. */
const BY_HEADING_ONLY = new Set(['docs/language.md']);

/** The repository's text files, relative to `root`. */
export function textFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = dir === '' ? name : `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) {
      if (!SKIP_DIRS.has(name)) out.push(...textFiles(root, path));
    } else if ((TEXT_EXTENSIONS.has(extname(name)) || path === '.ci/run') && !SKIP_FILES.has(path)) {
      out.push(path);
    }
  }
  return out;
}

/** A document's headings, outside fenced code: their text, and the number a numbered one (`## 9. Threads`) starts with. */
export function headings(markdown: string): Array<{ text: string; number?: string; slug: string }> {
  const out: Array<{ text: string; number?: string; slug: string }> = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m === null) continue;
    const numbered = /^(\d+(?:\.\d+)*)\.?\s+(.*)$/.exec(m[1]!);
    out.push({ text: numbered ? numbered[2]! : m[1]!, number: numbered?.[1], slug: slug(m[1]!) });
  }
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** One reference that leads nowhere. */
export interface BrokenReference {
  file: string;
  line: number;
  reference: string;
  why: string;
}

/** Where a document name written in `file` points: beside the file, at the root, or in docs/; undefined when nowhere. */
function resolveDoc(root: string, file: string, name: string): string | undefined {
  const candidates = [resolve(root, dirname(file), name), resolve(root, name), resolve(root, 'docs', name)];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return found === undefined ? undefined : relative(root, found).replace(/\\/g, '/');
}

/** Every reference in one file that leads nowhere. */
export function brokenReferences(root: string, file: string, text = readFileSync(join(root, file), 'utf8')): BrokenReference[] {
  const out: BrokenReference[] = [];
  const isMarkdown = file.endsWith('.md');
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const docText = (doc: string) => readFileSync(join(root, doc), 'utf8');

  // A document name, then perhaps a section: `§ 4`, `§4.2` or a quoted heading.
  const docRef = /(?<![\w/.:-])((?:\.\.?\/)*[\w-]+(?:\/[\w.-]+)*\.md)\b(?:#([\w-]+))?(?:,?\s*(?:§\s*([\d.]*\d)|(?:section\s+)?"([^"\n]+)"))?/g;
  for (const m of text.matchAll(docRef)) {
    const [reference, name, , section, heading] = m;
    const line = lineOf(m.index);
    const doc = resolveDoc(root, file, name!);
    if (doc === undefined) {
      out.push({ file, line, reference: reference!, why: `${name} is not in this repository` });
      continue;
    }
    if (section !== undefined) {
      if (BY_HEADING_ONLY.has(doc)) out.push({ file, line, reference: reference!, why: `cite ${doc} by heading, not by number: its sections are renumbered` });
      else if (!headings(docText(doc)).some((h) => h.number === section)) out.push({ file, line, reference: reference!, why: `${doc} has no section ${section}` });
    }
    if (heading !== undefined && !headings(docText(doc)).some((h) => h.text === heading || `${h.number}. ${h.text}` === heading)) {
      out.push({ file, line, reference: reference!, why: `${doc} has no heading "${heading}"` });
    }
  }

  // A section sign with no document before it: in a document it is its own section; elsewhere it names nothing.
  const bare = /(?<!\.md,?\s*)§\s*([\d.]*\d)/g;
  for (const m of text.matchAll(bare)) {
    const line = lineOf(m.index);
    if (!isMarkdown) out.push({ file, line, reference: m[0], why: 'a section number without its document: name the document and cite its heading' });
    else if (BY_HEADING_ONLY.has(file) ? false : !headings(text).some((h) => h.number === m[1])) out.push({ file, line, reference: m[0], why: `${file} has no section ${m[1]}` });
  }

  // Markdown links to files and anchors in this repository.
  if (isMarkdown) {
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const line = lineOf(m.index);
      const doc = path === '' ? file : relative(root, resolve(root, dirname(file), decodeURI(path))).replace(/\\/g, '/');
      if (!existsSync(join(root, doc))) {
        out.push({ file, line, reference: target, why: `${doc} does not exist` });
        continue;
      }
      if (anchor !== undefined && doc.endsWith('.md') && !headings(docText(doc)).some((h) => h.slug === anchor)) {
        out.push({ file, line, reference: target, why: `${doc} has no heading with the anchor #${anchor}` });
      }
    }
  }
  return out;
}

/** Every repository path in backquotes (`folder/file.ext`) that does not exist, for a document whose paths are promises. */
export function missingPaths(root: string, file: string): BrokenReference[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: BrokenReference[] = [];
  for (const m of text.matchAll(/`((?:[\w.-]+\/)+[\w.-]*\.\w+)`/g)) {
    if (!existsSync(join(root, m[1]!))) out.push({ file, line: text.slice(0, m.index).split('\n').length, reference: m[1]!, why: 'no such file' });
  }
  return out;
}
