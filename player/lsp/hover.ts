// Hover: what the name under the cursor is. A declaration's kind and where
// it is (with a constant's value, a function's parameters), a native's
// signature and doc from the natives table, a well-known property's meaning
// from the property table, an asset's path and, for an image, its size.

import { existsSync, readFileSync } from 'node:fs';
import type { Hover } from 'vscode-languageserver/node';
import { ADVENTURE_NATIVES_BY_NAME } from '../../interpreter/compiler/adventure-natives.js';
import { WELL_KNOWN_PROPERTIES, type PropertyOwner } from '../../interpreter/compiler/property-table.js';
import { ExpressionWriter } from '../../interpreter/syntax/format-expression.js';
import { BUILTIN_NATIVES } from '../../interpreter/vm/builtins.js';
import { imageSize } from '../../runtime/world/image-size.js';
import { toRange } from './convert.js';
import type { Declaration, ProjectIndex } from './project-index.js';
import type { Workspace } from './workspace.js';

const NATIVE_DOCS: ReadonlyMap<string, string> = new Map(BUILTIN_NATIVES.map((n) => [n.name, n.doc]));

/** The hover text for the thing at `offset`, or null. */
export function hover(ws: Workspace, file: string, offset: number): Hover | null {
  const { index } = ws.analyze();
  const key = index.keyAt(file, offset);
  if (!key) return null;
  const at = index.occurrences(key).find((o) => o.span.source === file && o.span.start.offset <= offset && offset <= o.span.end.offset) ?? index.references.find((r) => r.key === key && r.span.source === file && r.span.start.offset <= offset && offset <= r.span.end.offset);
  const text = describe(ws, index, key);
  if (!text) return null;
  return { contents: { kind: 'markdown', value: text }, range: at ? toRange(at.span) : undefined };
}

function describe(ws: Workspace, index: ProjectIndex, key: string): string | undefined {
  const decl = index.declaration(key);
  if (key.startsWith('a:')) return assetText(ws, key.slice(2));
  if (key.startsWith('p:')) {
    const [owner, name] = splitProperty(key);
    const kind = owner.startsWith('costume ') ? 'costume' : index.entityKinds.get(owner);
    const rule = kind && kind !== 'dialog' ? WELL_KNOWN_PROPERTIES[kind as PropertyOwner].get(name) : undefined;
    const lines = [kind === 'costume' ? `(property) \`${name}\` of the costume \`${owner.slice('costume '.length)}\`` : `(property) \`${owner}.${name}\``];
    if (rule) lines.push(`well-known ${kind} property (${rule.kind}${rule.writable ? '' : ', read-only'}): ${rule.doc}`);
    if (decl) lines.push(`declared at ${where(decl)}${decl.value ? ` as \`${valueText(ws, decl)}\`` : ''}`);
    return rule || decl ? lines.join('\n\n') : undefined;
  }
  if (!decl) {
    const name = key.slice(2);
    const doc = NATIVE_DOCS.get(name);
    if (doc) {
      const colon = doc.indexOf(': ');
      return `\`\`\`cairn\n${doc.slice(0, colon)}\n\`\`\`\nbuilt-in function: ${doc.slice(colon + 2)}`;
    }
    const adventure = ADVENTURE_NATIVES_BY_NAME.get(name);
    return adventure?.expression ? `\`\`\`cairn\n${name}\n\`\`\`\nbuilt-in: ${adventure.statement}` : undefined;
  }
  switch (decl.kind) {
    case 'fn':
      return `\`\`\`cairn\nfn ${decl.name}(${fnParams(ws, decl)})\n\`\`\`\nfunction, declared at ${where(decl)}`;
    case 'const':
      return `\`\`\`cairn\nconst ${decl.name} = ${valueText(ws, decl)}\n\`\`\`\nconstant, declared at ${where(decl)}`;
    case 'var':
      return `\`\`\`cairn\nvar ${decl.name} = ${valueText(ws, decl)}\n\`\`\`\nglobal variable (its starting value), declared at ${where(decl)}`;
    case 'local':
    case 'param':
      return `${decl.kind === 'param' ? 'parameter' : 'local variable'} \`${decl.name}\`${decl.container ? ` of \`${decl.container}\`` : ''}, declared at ${where(decl)}`;
    case 'verb':
      return `verb \`${decl.name}\` (${valueText(ws, decl)}), declared at ${where(decl)}`;
    case 'object':
      return `object \`${decl.name}\`${decl.container ? ` in the room \`${decl.container}\`` : ''}, declared at ${where(decl)}`;
    default:
      return `${decl.kind} \`${decl.name}\`${decl.container ? ` of \`${decl.container}\`` : ''}, declared at ${where(decl)}`;
  }
}

function splitProperty(key: string): [string, string] {
  const body = key.slice(2);
  const dot = body.lastIndexOf('.');
  return [body.slice(0, dot), body.slice(dot + 1)];
}

function where(d: Declaration): string {
  return `${d.span.source}:${d.span.start.line}`;
}

/** The declaration's value expression, written the way `cairn fmt` writes it. */
function valueText(ws: Workspace, d: Declaration): string {
  const text = ws.text(d.span.source);
  return d.value && text !== undefined ? new ExpressionWriter(text).write(d.value, 0) : '';
}

function fnParams(ws: Workspace, d: Declaration): string {
  const text = ws.text(d.span.source) ?? '';
  // The parameter list as written, between the name and the body.
  const open = text.indexOf('(', d.span.end.offset);
  const close = text.indexOf(')', open);
  return open < 0 || close < 0 ? '' : text.slice(open + 1, close).replace(/\s+/g, ' ').trim();
}

function assetText(ws: Workspace, path: string): string {
  const file = ws.absolute(`assets/${path}`);
  if (!existsSync(file)) return `asset \`${path}\`: there is no such file under \`assets/\``;
  const size = imageSize(new Uint8Array(readFileSync(file)));
  return `asset \`assets/${path}\`${size ? ` — image, ${size[0]} × ${size[1]} pixels` : ''}`;
}
