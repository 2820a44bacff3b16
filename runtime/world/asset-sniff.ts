// What an asset file really is, read from its bytes: a picture (PNG, JPEG,
// WebP, GIF, SVG) with its size, a sound (Ogg, MP3, WAV), or something else —
// and whether it is whole. PNGs are checked chunk by chunk (lengths, CRCs, an
// IEND at the end), the others by their headers and declared lengths, so a
// truncated or corrupt file is caught when the game is built, not when a
// browser first fails to show it. Never throws.

import { crc32 } from '../../interpreter/vm/snapshot-codec.js';
import type { AssetInfo } from '../../interpreter/compiler/assets.js';
import { imageSize } from './image-size.js';

const IMAGE_EXTENSIONS: Record<string, string> = { png: 'PNG', jpg: 'JPEG', jpeg: 'JPEG', webp: 'WebP', gif: 'GIF', svg: 'SVG' };
const AUDIO_EXTENSIONS: Record<string, string> = { ogg: 'Ogg', oga: 'Ogg', mp3: 'MP3', wav: 'WAV' };

/** What `bytes`, the file at `path`, holds. */
export function sniffAsset(path: string, bytes: Uint8Array): AssetInfo {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const format = formatOf(bytes);
  const named = IMAGE_EXTENSIONS[ext] ?? AUDIO_EXTENSIONS[ext];
  if (format === undefined) {
    if (named === undefined) return { kind: 'other', format: ext };
    return { kind: IMAGE_EXTENSIONS[ext] ? 'image' : 'audio', format: named, problem: `it is named .${ext} but does not start like a ${named} file (${bytes.length === 0 ? 'it is empty' : 'damaged, or another kind of file'})` };
  }
  const kind = Object.values(AUDIO_EXTENSIONS).includes(format) ? 'audio' : 'image';
  const problem = whole(format, bytes);
  if (problem !== undefined) return { kind, format, problem };
  if (kind === 'audio') return { kind, format };
  const size = imageSize(bytes);
  return size === null ? { kind, format, problem: `its ${format} header gives no size` } : { kind, format, size };
}

function formatOf(b: Uint8Array): string | undefined {
  const ascii = (i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
  if (b.length >= 8 && b[0] === 0x89 && ascii(1, 3) === 'PNG') return 'PNG';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'WebP';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return 'WAV';
  if (b.length >= 6 && ascii(0, 4) === 'GIF8') return 'GIF';
  if (b.length >= 4 && ascii(0, 4) === 'OggS') return 'Ogg';
  if (b.length >= 3 && (ascii(0, 3) === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0))) return 'MP3';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096));
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg\b/i.test(head.replace(/^\uFEFF/, ''))) return 'SVG';
  return undefined;
}

/** Why a file of a known format is not whole, or undefined when it is. */
function whole(format: string, b: Uint8Array): string | undefined {
  const u32be = (i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  const u32le = (i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  switch (format) {
    case 'PNG': {
      let i = 8;
      let first = true;
      while (i + 12 <= b.length) {
        const length = u32be(i);
        const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
        if (first && type !== 'IHDR') return 'its first chunk is not IHDR';
        first = false;
        if (i + 12 + length > b.length) return `it is truncated (the ${type} chunk runs past the end of the file)`;
        if (crc32(b.subarray(i + 4, i + 8 + length)) !== u32be(i + 8 + length)) return `it is damaged (the ${type} chunk fails its checksum)`;
        if (type === 'IEND') return undefined;
        i += 12 + length;
      }
      return 'it is truncated (it has no IEND chunk)';
    }
    case 'JPEG':
      return b.length >= 4 && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9 ? undefined : 'it is truncated (it does not end with the JPEG end marker)';
    case 'WebP':
    case 'WAV':
      if (u32le(4) + 8 > b.length) return `it is truncated (its header says ${u32le(4) + 8} bytes, the file has ${b.length})`;
      if (format === 'WAV' && !String.fromCharCode(...b.subarray(12, 16)).startsWith('fmt')) return 'it has no `fmt ` chunk after its header';
      return undefined;
    case 'Ogg':
      return b.length >= 27 && b[4] === 0 ? undefined : 'its first Ogg page is damaged';
    default:
      return undefined;
  }
}
