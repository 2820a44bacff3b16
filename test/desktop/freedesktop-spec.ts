// Readers for the three freedesktop.org files `cairn install-desktop` writes,
// written from the specifications rather than from our writer, so the tests
// can check those files on a machine without the desktop's own tools:
// the shared-mime-info package (XML with globs and magic), the desktop entry
// (Desktop Entry Specification 1.5, including the Exec quoting rules) and
// mimeapps.list (MIME Applications Associations).

/** An XML element: its name, attributes and child elements (text is not needed here). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses well-formed XML of elements and attributes; throws on anything malformed (unclosed or mismatched tags, bad attributes). */
export function parseXml(text: string): XmlElement {
  const body = text.replace(/^\uFEFF?<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(tag)) {
    if (m[6] !== undefined) throw new Error(`malformed XML near ${JSON.stringify(body.slice(m.index, m.index + 30))}`);
    if (m[5] !== undefined) continue;
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g)) {
      if (a[1]! in attrs) throw new Error(`attribute ${a[1]} twice on <${name}>`);
      attrs[a[1]!] = a[2]!.replace(/&(\w+);/g, (all, e: string) => XML_ENTITIES[e] ?? all);
    }
    const element = { name: name!, attrs, children: [] };
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (root.children.length !== 1) throw new Error('an XML document has exactly one root element');
  return root.children[0]!;
}

/** The bytes a shared-mime-info `string` match value stands for (C-style escapes: \\, \n, \ooo octal, \xhh). */
export function magicString(value: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '\\') {
      bytes.push(...new TextEncoder().encode(value[i]!));
      continue;
    }
    const rest = value.slice(i + 1);
    const octal = /^[0-7]{1,3}/.exec(rest);
    const hex = /^x[0-9a-fA-F]{1,2}/.exec(rest);
    if (octal) (bytes.push(parseInt(octal[0], 8)), (i += octal[0].length));
    else if (hex) (bytes.push(parseInt(hex[0].slice(1), 16)), (i += hex[0].length));
    else {
      const simple: Record<string, number> = { n: 10, r: 13, t: 9, '\\': 92, "'": 39, '"': 34, ' ': 32 };
      if (!(rest[0]! in simple)) throw new Error(`unknown escape \\${rest[0]} in ${value}`);
      bytes.push(simple[rest[0]!]!);
      i += 1;
    }
  }
  return Uint8Array.from(bytes);
}

const MATCH_TYPES = new Set(['string', 'host16', 'host32', 'big16', 'big32', 'little16', 'little32', 'byte']);

/** Whether a `<match>` (and, ANDed, one of its children) holds for `data`, by the shared-mime-info rules; string matches only. */
export function magicMatches(match: XmlElement, data: Uint8Array): boolean {
  const type = match.attrs.type!;
  if (!MATCH_TYPES.has(type)) throw new Error(`<match type="${type}"> is not a shared-mime-info match type`);
  if (type !== 'string') throw new Error(`these tests read string matches only, not ${type}`);
  const offset = /^(\d+)(?::(\d+))?$/.exec(match.attrs.offset ?? '');
  if (offset === null) throw new Error(`<match offset="${match.attrs.offset}"> is not N or N:M`);
  const value = magicString(match.attrs.value ?? '');
  const [start, end] = [Number(offset[1]), Number(offset[2] ?? offset[1])];
  let found = false;
  for (let at = start; at <= end && !found; at++) found = value.every((b, i) => data[at + i] === b);
  if (!found) return false;
  const nested = match.children.filter((c) => c.name === 'match');
  return nested.length === 0 || nested.some((c) => magicMatches(c, data));
}

/** Whether a shared-mime-info glob (fnmatch: `*`, `?`, `[…]`) matches a file's base name. */
export function globMatches(pattern: string, name: string, caseSensitive = false): boolean {
  const source = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, caseSensitive ? '' : 'i').test(name);
}

/** A desktop entry or mimeapps.list: groups of keys, in order, with values unescaped as strings. */
export type KeyFile = Map<string, Map<string, string>>;

/** Parses the key file format both specs share: `[Group]` headers, `Key=Value` lines, `#` comments; throws on anything else. */
export function parseKeyFile(text: string): KeyFile {
  const groups: KeyFile = new Map();
  let current: Map<string, string> | undefined;
  for (const [n, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const header = /^\[([^[\]\x00-\x1f]+)\]$/.exec(line);
    if (header) {
      if (groups.has(header[1]!)) throw new Error(`line ${n + 1}: group [${header[1]}] twice`);
      groups.set(header[1]!, (current = new Map()));
      continue;
    }
    const entry = /^([A-Za-z0-9-]+(?:\[[^\]]+\])?|[\w.+/-]+\/[\w.+-]+) *= *(.*)$/.exec(line);
    if (!entry) throw new Error(`line ${n + 1} is neither a group, a key nor a comment: ${JSON.stringify(line)}`);
    if (current === undefined) throw new Error(`line ${n + 1}: a key before the first group`);
    if (current.has(entry[1]!)) throw new Error(`line ${n + 1}: key ${entry[1]} twice`);
    current.set(entry[1]!, entry[2]!);
  }
  return groups;
}

/** A `string` value with the spec's escapes (\s \n \t \r \\) undone. */
export function unescapeValue(value: string): string {
  return value.replace(/\\(.)/g, (all, c: string) => ({ s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' })[c] ?? all);
}

/** A `string(s)` list value (`a;b;`), with escaped `\;` kept inside an item. */
export function listValue(value: string): string[] {
  const items = value.split(/(?<!\\);/).map((s) => s.replace(/\\;/g, ';'));
  if (items.at(-1) === '') items.pop();
  return items;
}

const FIELD_CODES = new Set(['%f', '%F', '%u', '%U', '%i', '%c', '%k']);
const DEPRECATED_CODES = new Set(['%d', '%D', '%n', '%N', '%v', '%m']);
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** The argument vector an Exec value stands for, by the spec's quoting rules; field codes stay as they are. */
export function execArgs(exec: string): string[] {
  const line = unescapeValue(exec);
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    if (line[i] === '"') {
      for (i++; line[i] !== '"'; i++) {
        if (i >= line.length) throw new Error(`unclosed quote in Exec=${exec}`);
        if (line[i] === '\\') {
          if (!'"`$\\'.includes(line[i + 1] ?? '')) throw new Error(`inside quotes only " \` $ \\ may be escaped: Exec=${exec}`);
          i++;
        }
        arg += line[i];
      }
      i++;
      if (i < line.length && line[i] !== ' ') throw new Error(`a quoted argument must end at a space: Exec=${exec}`);
      args.push(arg.replace(/%%/g, '%'));
      continue;
    }
    for (; i < line.length && line[i] !== ' '; i++) arg += line[i];
    if (RESERVED.test(arg)) throw new Error(`${arg} has a reserved character and must be quoted: Exec=${exec}`);
    for (const code of arg.match(/%./g) ?? []) {
      if (DEPRECATED_CODES.has(code)) throw new Error(`${code} is deprecated: Exec=${exec}`);
      if (code !== '%%' && !FIELD_CODES.has(code)) throw new Error(`${code} is not a field code: Exec=${exec}`);
    }
    args.push(FIELD_CODES.has(arg) ? arg : arg.replace(/%%/g, '%'));
  }
  return args;
}

/** The spec's registered main categories; an additional category needs one of these beside it. */
export const MAIN_CATEGORIES = new Set(['AudioVideo', 'Audio', 'Video', 'Development', 'Education', 'Game', 'Graphics', 'Network', 'Office', 'Science', 'Settings', 'System', 'Utility']);
