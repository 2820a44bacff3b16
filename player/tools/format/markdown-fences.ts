// `cairn fmt` on Markdown: the ```cairn and ```cairn-adventure blocks of a
// document are Cairn script, formatted like a `.adv` file; the prose and
// every other block are left alone. A block that does not parse (an example
// of a syntax error) is left as written.

import { isCairnError } from '../../../interpreter/errors.js';
import { formatSource } from '../../../interpreter/syntax/format-source.js';

const CAIRN_FENCES: ReadonlySet<string> = new Set(['cairn', 'cairn-adventure']);

/** The document with each Cairn block formatted. */
export function formatMarkdown(markdown: string, file: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    const open = /^```\s*([\w-]*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    let close = i + 1;
    while (close < lines.length && !/^```\s*$/.test(lines[close]!)) close++;
    const body = lines.slice(i + 1, close);
    if (close < lines.length && CAIRN_FENCES.has(open[1]!)) out.push(...formatBlock(body, `${file}:${i + 2}`));
    else out.push(...body);
    if (close < lines.length) out.push(lines[close]!);
    i = close;
  }
  return out.join('\n');
}

function formatBlock(body: string[], where: string): string[] {
  try {
    const formatted = formatSource(`${body.join('\n')}\n`, where);
    return formatted === '' ? [] : formatted.slice(0, -1).split('\n');
  } catch (e) {
    if (isCairnError(e)) return body;
    throw e;
  }
}
