// Image sizes from file headers (PNG, JPEG, GIF, WebP, SVG), so the runtime
// knows how large a sprite is — for clickable areas — without decoding a
// pixel. Unknown or malformed input gives null, never an exception.

/** Width and height of an image, or null when the header is not understood. */
export function imageSize(bytes: Uint8Array): [number, number] | null {
  const b = bytes;
  const u16be = (i: number): number => (b[i]! << 8) | b[i + 1]!;
  const u16le = (i: number): number => b[i]! | (b[i + 1]! << 8);
  const u24le = (i: number): number => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
  const u32be = (i: number): number => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  const ascii = (i: number, n: number): string => String.fromCharCode(...b.subarray(i, i + n));
  const sane = (w: number, h: number): [number, number] | null => (w > 0 && h > 0 && w < 1 << 16 && h < 1 << 16 ? [w, h] : null);

  if (b.length >= 24 && b[0] === 0x89 && ascii(1, 3) === 'PNG' && ascii(12, 4) === 'IHDR') return sane(u32be(16), u32be(20));
  if (b.length >= 10 && ascii(0, 4) === 'GIF8') return sane(u16le(6), u16le(8));
  if (b.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8 ') return sane(u16le(26) & 0x3fff, u16le(28) & 0x3fff);
    if (chunk === 'VP8L' && b[20] === 0x2f) {
      const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
      return sane((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    if (chunk === 'VP8X') return sane(u24le(24) + 1, u24le(27) + 1);
    return null;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      // SOF0–SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return sane(u16be(i + 7), u16be(i + 5));
      i += 2 + u16be(i + 2);
    }
    return null;
  }
  return svgSize(b);
}

function svgSize(b: Uint8Array): [number, number] | null {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096));
  const tag = /<svg\b[^>]*>/i.exec(head)?.[0];
  if (tag === undefined) return null;
  const attr = (name: string): number | null => {
    const m = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)(px)?\\s*["']`, 'i').exec(tag);
    return m ? Number(m[1]) : null;
  };
  const w = attr('width');
  const h = attr('height');
  if (w !== null && h !== null && w > 0 && h > 0) return [w, h];
  const box = /\sviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["']/i.exec(tag);
  return box ? [Number(box[1]), Number(box[2])] : null;
}
