// The browser's own SHA-256 (the Web Crypto API) for checking assets as the
// worker reads them: native and asynchronous, it checks a 20 MB piece of
// music in about 50 ms where the door's plain-TypeScript one holds the
// game's thread for most of a second.

/** SHA-256 as 64 lowercase hex digits by the Web Crypto API, or null where it is missing (a page that is not a secure context). */
export function webSha256(): ((bytes: Uint8Array) => Promise<string>) | null {
  const subtle = typeof crypto === 'object' ? crypto.subtle : undefined;
  if (typeof subtle?.digest !== 'function') return null;
  return async (bytes) => {
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    let hex = '';
    for (const b of digest) hex += b.toString(16).padStart(2, '0');
    return hex;
  };
}
