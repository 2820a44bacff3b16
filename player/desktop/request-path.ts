// Turning the raw request target of an HTTP request into a route name the
// server can look up in its allow-list — or refusing it. A request path never
// meets the filesystem: it is decoded once, checked, and compared as a string.
// `..`, `.`, empty segments, backslashes, NUL and double encoding are refused.

/** A request target split into its checked path and its query. */
export interface RequestTarget {
  /** Decoded, starting with `/`, made of non-empty segments other than `.` and `..`. */
  path: string;
  query: URLSearchParams;
}

/** Checks a raw request target (`req.url`); undefined when it is not one the server could serve. */
export function parseRequestTarget(raw: string | undefined): RequestTarget | undefined {
  // Only origin-form (`/path?query`): absolute-form and `*` are for proxies.
  if (raw === undefined || !raw.startsWith('/') || raw.startsWith('//') || raw.length > 2048) return undefined;
  const cut = raw.search(/[?#]/);
  const rawPath = cut === -1 ? raw : raw.slice(0, cut);
  const rawQuery = cut === -1 || raw[cut] === '#' ? '' : raw.slice(cut + 1).split('#')[0]!;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined; // malformed percent-encoding
  }
  if (!isCleanPath(path)) return undefined;
  return { path, query: new URLSearchParams(rawQuery) };
}

function isCleanPath(path: string): boolean {
  // `%` left after one decoding means double encoding (`%252e%252e`): refused, never decoded again.
  if (/[\\\u0000-\u001f\u007f%]/.test(path)) return false;
  if (path === '/') return true;
  const segments = path.slice(1).split('/');
  // A trailing slash names a folder route (`/saves/`): allowed as the last, empty segment only.
  if (segments[segments.length - 1] === '') segments.pop();
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}
