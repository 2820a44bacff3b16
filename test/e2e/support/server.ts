// A tiny static file server on 127.0.0.1 for the browser tests and the
// benchmark: serves one folder with the strict CSP of issue 5 on every
// response, so a test sees exactly what a locked-down host would allow.

import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** The Content-Security-Policy the player must run under. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; img-src 'self' blob: data:; media-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self' blob: data:";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.cairn': 'application/x-cairn-bundle',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A running server. */
export interface StaticServer {
  url: string;
  /** Files served, by path, for checks ("no asset was fetched by URL"). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `root` on a free loopback port. */
export async function serveFolder(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const info = await stat(file);
        if (!info.isFile()) throw new Error('not a file');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store', 'content-length': body.length });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-security-policy': STRICT_CSP }).end('not found');
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
