// Go to definition, find references, rename, and the outline (document and
// workspace symbols), answered from the project index. An asset path's
// definition is the file under `assets/`; a rename refuses a reserved word, a
// name that is not a name, and one already taken where it would clash.

import { existsSync } from 'node:fs';
import { SymbolKind as LspSymbol, type DocumentSymbol, type Location, type SymbolInformation, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { RESERVED_WORDS } from '../../interpreter/syntax/reserved-words.js';
import { fileUri, toRange } from './convert.js';
import { keys, type Declaration, type SymbolKind } from './project-index.js';
import type { Workspace } from './workspace.js';

/** Where the thing at `offset` is declared (for an asset: the file itself). */
export function definition(ws: Workspace, file: string, offset: number): Location[] {
  const { index } = ws.analyze();
  const key = index.keyAt(file, offset);
  if (!key) return [];
  if (key.startsWith('a:')) {
    const path = ws.absolute(`assets/${key.slice(2)}`);
    return existsSync(path) ? [{ uri: pathToFileURL(path).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] : [];
  }
  const decl = index.declaration(key);
  return decl ? [{ uri: fileUri(ws.dir, decl.span.source), range: toRange(decl.span) }] : [];
}

/** Every place the thing at `offset` is used (and, when asked, declared). */
export function references(ws: Workspace, file: string, offset: number, includeDeclaration: boolean): Location[] {
  const { index } = ws.analyze();
  const key = index.keyAt(file, offset);
  if (!key) return [];
  const decl = index.declaration(key);
  return index
    .occurrences(key)
    .filter((o) => includeDeclaration || o.span !== decl?.span)
    .map((o) => ({ uri: fileUri(ws.dir, o.span.source), range: toRange(o.span) }));
}

/** Thrown for a rename the server refuses; the message is shown to the author. */
export class RenameRefused extends Error {}

const RENAMABLE: ReadonlySet<SymbolKind> = new Set(['room', 'object', 'actor', 'costume', 'dialog', 'verb', 'fn', 'var', 'const', 'local', 'param', 'property']);

/** The range of the name at `offset` when it can be renamed. */
export function prepareRename(ws: Workspace, file: string, offset: number): { range: ReturnType<typeof toRange>; placeholder: string } | null {
  const { index } = ws.analyze();
  const key = index.keyAt(file, offset);
  const decl = key ? index.declaration(key) : undefined;
  if (!key || !decl || !RENAMABLE.has(decl.kind)) return null;
  const at = index.occurrences(key).find((o) => o.span.source === file && o.span.start.offset <= offset && offset <= o.span.end.offset);
  return at ? { range: toRange(at.span), placeholder: decl.name } : null;
}

/** The edits that rename the thing at `offset` everywhere in the project. */
export function rename(ws: Workspace, file: string, offset: number, newName: string): WorkspaceEdit {
  const { index } = ws.analyze();
  const key = index.keyAt(file, offset);
  const decl = key ? index.declaration(key) : undefined;
  if (!key || !decl || !RENAMABLE.has(decl.kind)) throw new RenameRefused('Only a name the scripts declare can be renamed.');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) throw new RenameRefused(`\`${newName}\` is not a name: start with a letter or \`_\`, then letters, digits or \`_\`.`);
  if (decl.kind !== 'verb' && decl.kind !== 'property' && RESERVED_WORDS.has(newName)) throw new RenameRefused(`\`${newName}\` is a reserved word of Cairn script.`);
  const clash = clashing(ws, decl, newName);
  if (clash) throw new RenameRefused(`\`${newName}\` is already ${clash.kind === 'local' || clash.kind === 'param' ? 'a local' : `the ${clash.kind}`} declared at ${clash.span.source}:${clash.span.start.line}.`);
  const changes: Record<string, TextEdit[]> = {};
  for (const o of index.occurrences(key)) {
    (changes[fileUri(ws.dir, o.span.source)] ??= []).push({ range: toRange(o.span), newText: newName });
  }
  return { changes };
}

/** A declaration the new name would collide with, in the namespace the old one lives in. */
function clashing(ws: Workspace, decl: Declaration, newName: string): Declaration | undefined {
  const { index } = ws.analyze();
  switch (decl.kind) {
    case 'costume':
      return index.declaration(keys.costume(newName));
    case 'verb':
      return index.declaration(keys.verb(newName));
    case 'property':
      return index.declaration(keys.property(decl.container ?? '', newName));
    case 'local':
    case 'param': {
      // A local may not take the name of another local it can see, nor hide a top-level name it uses.
      const mine = index.locals.find((l) => l.key === decl.key);
      const seen = mine && index.locals.find((l) => l.key !== decl.key && l.name === newName && l.file === mine.file && l.from <= mine.to && mine.from <= l.to);
      return (seen && index.declaration(seen.key)) ?? index.declaration(keys.global(newName));
    }
    default:
      return index.declaration(keys.global(newName));
  }
}

const LSP_KIND: Record<SymbolKind, LspSymbol> = {
  room: LspSymbol.Namespace,
  object: LspSymbol.Object,
  actor: LspSymbol.Class,
  costume: LspSymbol.Struct,
  dialog: LspSymbol.Interface,
  verb: LspSymbol.Event,
  fn: LspSymbol.Function,
  var: LspSymbol.Variable,
  const: LspSymbol.Constant,
  local: LspSymbol.Variable,
  param: LspSymbol.Variable,
  property: LspSymbol.Property,
  handler: LspSymbol.Method,
};

const OUTLINE: ReadonlySet<SymbolKind> = new Set(['room', 'object', 'actor', 'costume', 'dialog', 'verb', 'fn', 'var', 'const', 'handler']);

/** The outline of a file: rooms › objects › handlers, and every other top-level declaration. */
export function documentSymbols(ws: Workspace, file: string): DocumentSymbol[] {
  const { index } = ws.analyze();
  const mine = [...index.declarations.values()].filter((d) => d.span.source === file && OUTLINE.has(d.kind));
  const symbol = (d: Declaration): DocumentSymbol => ({ name: d.name, detail: d.kind, kind: LSP_KIND[d.kind], range: toRange(d.full), selectionRange: toRange(d.span), children: [] });
  const roots: DocumentSymbol[] = [];
  const byName = new Map<string, DocumentSymbol>();
  // Containers come first in source order, so a child always finds its parent.
  for (const d of mine.sort((a, b) => a.full.start.offset - b.full.start.offset)) {
    const s = symbol(d);
    if (d.kind !== 'handler') byName.set(d.name, s);
    const parent = d.container === undefined ? undefined : byName.get(d.container);
    (parent?.children ?? roots).push(s);
  }
  return roots;
}

/** Every top-level declaration of the project whose name contains `query`. */
export function workspaceSymbols(ws: Workspace, query: string): SymbolInformation[] {
  const { index } = ws.analyze();
  const q = query.toLowerCase();
  return [...index.declarations.values()]
    .filter((d) => OUTLINE.has(d.kind) && d.kind !== 'handler' && d.name.toLowerCase().includes(q))
    .map((d) => ({ name: d.name, kind: LSP_KIND[d.kind], containerName: d.container, location: { uri: fileUri(ws.dir, d.span.source), range: toRange(d.span) } }));
}
