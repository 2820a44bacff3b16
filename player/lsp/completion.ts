// Completion, from what the text before the cursor asks for: properties
// after `thing.` (the well-known ones of the property table and the author's
// own), verbs after `on` and `do`, dialogs after `choose`, rooms after `go`,
// objects and actors after the statements that take them, asset paths inside
// quotes (pictures where a picture belongs), walkthrough commands from their
// table, and otherwise the names in scope, the natives and the reserved words.

import { readFileSync } from 'node:fs';
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver/node';
import { ADVENTURE_NATIVES } from '../../interpreter/compiler/adventure-natives.js';
import { WELL_KNOWN_PROPERTIES, type PropertyOwner } from '../../interpreter/compiler/property-table.js';
import { RESERVED_WORDS } from '../../interpreter/syntax/reserved-words.js';
import { BUILTIN_NATIVES } from '../../interpreter/vm/builtins.js';
import { imageSize } from '../../runtime/world/image-size.js';
import { WALK_COMMANDS } from '../../runtime/walkthrough/commands.js';
import type { ProjectIndex, SymbolKind } from './project-index.js';
import type { Workspace } from './workspace.js';

/** The events the engine starts handlers for besides verbs (docs/language.md, "The adventure layer: handlers and statements"). */
const ENGINE_EVENTS = ['start', 'enter', 'exit', 'walk', 'unhandled'];
/** Properties whose value is a picture; every other asset property is a sound. */
const PICTURE_KINDS: ReadonlySet<string> = new Set(['background', 'sprite', 'icon', 'sheet', 'image']);

const KIND: Record<SymbolKind, CompletionItemKind> = {
  room: CompletionItemKind.Module,
  object: CompletionItemKind.Class,
  actor: CompletionItemKind.Class,
  costume: CompletionItemKind.Struct,
  dialog: CompletionItemKind.Interface,
  verb: CompletionItemKind.Event,
  fn: CompletionItemKind.Function,
  var: CompletionItemKind.Variable,
  const: CompletionItemKind.Constant,
  local: CompletionItemKind.Variable,
  param: CompletionItemKind.Variable,
  property: CompletionItemKind.Property,
  handler: CompletionItemKind.Method,
};

/** What a cursor in a file may be completed with. `before` is the text of its line up to the cursor. */
export function complete(ws: Workspace, file: string, offset: number, before: string, lineRange: (fromColumn: number) => Range, trigger?: string): CompletionItem[] {
  const { index } = ws.analyze();
  const names = (kinds: SymbolKind[]) => kinds.flatMap((k) => index.all(k)).map((d): CompletionItem => ({ label: d.name, kind: KIND[d.kind], detail: d.kind }));
  const string = openString(before);
  if (file.endsWith('.walk')) return walkCompletion(index, before, string, names, lineRange);
  if (string !== undefined) return stringCompletion(ws, index, before.slice(0, string.quote), string.text, lineRange(string.quote + 1));
  let m: RegExpExecArray | null;
  if ((m = /([A-Za-z_]\w*)\s*\.\s*\w*$/.exec(before))) return properties(index, m[1]!);
  if (/^\s*on\s+\w+\s+with\s+\w*$/.test(before)) return names(['object', 'actor']);
  if (/^\s*on\s+\w*$/.test(before)) return [...names(['verb']), ...ENGINE_EVENTS.map((e) => ({ label: e, kind: CompletionItemKind.Event, detail: 'event' }))];
  if (/\bchoose\s+\w*$/.test(before)) return names(['dialog']);
  if (/\bgo\s+\w*$/.test(before) || /\bput\s+\w+\s+in\s+\w*$/.test(before)) return names(['room']);
  if (/\b(take|drop|show|hide)\s+\w*$/.test(before)) return names(['object']);
  if (/\b(walk|control|face|put)\s+\w*$/.test(before)) return names(['actor']);
  // A space, quote or slash asks only where it means something (`go `, `"art/`); elsewhere it is just typing.
  if (trigger !== undefined && trigger !== '.') return [];
  const locals = index.localsAt(file, offset).map((l): CompletionItem => ({ label: l.name, kind: CompletionItemKind.Variable, detail: 'local' }));
  const natives = [
    ...BUILTIN_NATIVES.map((n): CompletionItem => ({ label: n.name, kind: CompletionItemKind.Function, detail: n.doc.slice(0, n.doc.indexOf(': ')), documentation: n.doc.slice(n.doc.indexOf(': ') + 2) })),
    ...ADVENTURE_NATIVES.filter((n) => n.expression).map((n): CompletionItem => ({ label: n.name, kind: CompletionItemKind.Function, detail: n.statement })),
  ];
  const keywords = [...RESERVED_WORDS].map((w): CompletionItem => ({ label: w, kind: CompletionItemKind.Keyword }));
  return unique([...locals, ...names(['fn', 'var', 'const', 'room', 'object', 'actor', 'dialog']), ...natives, ...keywords]);
}

/** The properties of the entity `name`: its kind's well-known ones, then those the scripts give it. */
function properties(index: ProjectIndex, name: string): CompletionItem[] {
  const kind = index.entityKinds.get(name);
  const own = [...index.declarations.values()].filter((d) => d.kind === 'property' && (kind === undefined ? !d.container?.startsWith('costume ') : d.container === name));
  const known = kind && kind !== 'dialog' ? [...WELL_KNOWN_PROPERTIES[kind as PropertyOwner]] : [];
  return unique([
    ...known.map(([p, rule]): CompletionItem => ({ label: p, kind: CompletionItemKind.Property, detail: `${kind} property (${rule.kind})`, documentation: rule.doc })),
    ...own.map((d): CompletionItem => ({ label: d.name, kind: CompletionItemKind.Field, detail: `declared in ${d.container}` })),
  ]);
}

/** Inside quotes: asset paths (filtered by what the place wants), or costume names after `costume:`. */
function stringCompletion(ws: Workspace, index: ProjectIndex, beforeQuote: string, typed: string, range: Range): CompletionItem[] {
  const property = /(\w+)\s*:\s*$/.exec(beforeQuote)?.[1];
  if (property === 'costume') return index.all('costume').map((c) => ({ label: c.name, kind: CompletionItemKind.Struct, textEdit: { range, newText: c.name } }));
  const sound = /\bplay\s+(sound|music)\s*$/.test(beforeQuote) || property === 'music';
  const picture = property !== undefined && PICTURE_KINDS.has(property);
  if (!sound && !picture && !typed.includes('/')) return [];
  return ws
    .assets()
    .filter((path) => path.startsWith(typed) && (sound ? !isPicture(ws, path) : picture ? isPicture(ws, path) : true))
    .map((path) => ({ label: path, kind: CompletionItemKind.File, textEdit: { range, newText: path } }));
}

const pictures = new Map<string, boolean>();

/** An asset is a picture when its header says so (the runtime's reader of image sizes). */
function isPicture(ws: Workspace, path: string): boolean {
  const file = ws.absolute(`assets/${path}`);
  let known = pictures.get(file);
  if (known === undefined) {
    try {
      known = imageSize(new Uint8Array(readFileSync(file))) !== null;
    } catch {
      known = false;
    }
    pictures.set(file, known);
  }
  return known;
}

function walkCompletion(index: ProjectIndex, before: string, string: { quote: number; text: string } | undefined, names: (k: SymbolKind[]) => CompletionItem[], lineRange: (from: number) => Range): CompletionItem[] {
  if (string !== undefined) {
    if (!/^\s*choose\s+$/.test(before.slice(0, string.quote))) return [];
    return [...index.optionTexts].map((t) => ({ label: t, kind: CompletionItemKind.Text, textEdit: { range: lineRange(string.quote + 1), newText: t } }));
  }
  if (/^\s*do\s+\w*$/.test(before)) return names(['verb']);
  if (/^\s*do\s+\w+\s+(\w+\s+)?\w*$/.test(before)) return names(['object', 'actor']);
  if (/^\s*expect\s+room\s+\w*$/.test(before)) return names(['room']);
  if (/^\s*expect\s+(not\s+)?has\s+\w*$/.test(before)) return names(['object']);
  if (/^\s*expect\s+said\s+\w*$/.test(before)) return names(['actor']);
  if (/^\s*expect\s+\w*$/.test(before)) {
    const forms = WALK_COMMANDS.filter((c) => c.name.startsWith('expect ') && c.name !== 'expect at').map((c): CompletionItem => ({ label: c.name.slice(7), kind: CompletionItemKind.Keyword, detail: c.syntax, documentation: c.summary }));
    return [...forms, ...names(['actor'])];
  }
  if (/^\s*\w*$/.test(before)) {
    const first = new Map<string, CompletionItem>();
    for (const c of WALK_COMMANDS) {
      const word = c.name.split(' ')[0]!;
      if (!first.has(word)) first.set(word, { label: word, kind: CompletionItemKind.Keyword, detail: c.syntax, documentation: c.summary });
    }
    return [...first.values()];
  }
  return [];
}

/** The string the cursor is in on this line, if any: where its quote is and what is typed after it. */
function openString(before: string): { quote: number; text: string } | undefined {
  let quote = -1;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote >= 0 && c === '\\') i++;
    else if (c === '"') quote = quote >= 0 ? -1 : i;
    else if (quote < 0 && (c === '/' && before[i + 1] === '/')) return undefined;
    else if (quote < 0 && c === '#') break;
  }
  return quote >= 0 ? { quote, text: before.slice(quote + 1) } : undefined;
}

function unique(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.label) && seen.add(i.label));
}
