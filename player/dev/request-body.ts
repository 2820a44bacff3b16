// A request's body as text, read with a ceiling: what the dev server's POST
// routes (the page's log, the room editor's edits) take from the page.

import type { IncomingMessage } from 'node:http';

/** The body as UTF-8 text, or undefined once it passes `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
