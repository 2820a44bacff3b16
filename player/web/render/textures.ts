// Textures straight from the bundle's bytes: each image is asked of the worker
// once, decoded in the page (createImageBitmap, or an <img> on a blob URL for
// SVG, which ImageBitmap cannot decode), and cut into frames on demand. No
// asset ever has a URL of its own on the server.

import { Rectangle, Texture } from 'pixi.js';
import { frameRect } from './layout.js';

/** Fetches an asset's bytes (from the worker). */
export type AssetSource = (path: string) => Promise<ArrayBuffer>;

/** A loaded image and the frames cut from it. */
interface Entry {
  texture: Texture | null;
  frames: Map<string, Texture>;
}

/** The texture cache of one player. */
export class TextureStore {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Set<Promise<unknown>>();

  constructor(
    private readonly source: AssetSource,
    private readonly pixelArt: boolean,
    private readonly onProblem: (path: string, error: unknown) => void,
    /** Called when a texture arrives, so the next frame draws it. */
    private readonly onLoad: () => void,
  ) {}

  /** The texture of `path` (frame `index` of `size` frames, or the whole image), or null while it loads. */
  get(path: string, size: readonly [number, number] | null = null, index = 0): Texture | null {
    let entry = this.entries.get(path);
    if (entry === undefined) {
      entry = { texture: null, frames: new Map() };
      this.entries.set(path, entry);
      this.load(path, entry);
    }
    const base = entry.texture;
    if (base === null || size === null) return base;
    const key = `${size[0]}x${size[1]}#${index}`;
    let frame = entry.frames.get(key);
    if (frame === undefined) {
      const r = frameRect(base.width, base.height, size, index);
      frame = r === null ? base : new Texture({ source: base.source, frame: new Rectangle(r.x, r.y, r.w, r.h) });
      entry.frames.set(key, frame);
    }
    return frame;
  }

  /** Resolves when every texture asked for so far has loaded (or failed). */
  async settled(): Promise<void> {
    while (this.loading.size > 0) await Promise.allSettled([...this.loading]);
  }

  /** Frees every texture. */
  destroy(): void {
    for (const e of this.entries.values()) {
      for (const f of e.frames.values()) f.destroy(false);
      e.texture?.destroy(true);
    }
    this.entries.clear();
  }

  private load(path: string, entry: Entry): void {
    const job = this.source(path)
      .then((bytes) => decode(path, bytes))
      .then((image) => {
        const texture = Texture.from(image);
        texture.source.scaleMode = this.pixelArt ? 'nearest' : 'linear';
        entry.texture = texture;
        this.onLoad();
      })
      .catch((e: unknown) => this.onProblem(path, e))
      .finally(() => this.loading.delete(job));
    this.loading.add(job);
  }
}

const MIME: ReadonlyMap<string, string> = new Map([
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['webp', 'image/webp'],
  ['gif', 'image/gif'],
  ['svg', 'image/svg+xml'],
]);

/** Decodes image bytes; the type comes from the path's extension (a blob has no name to sniff). */
async function decode(path: string, bytes: ArrayBuffer): Promise<ImageBitmap | HTMLImageElement> {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const type = MIME.get(ext) ?? 'application/octet-stream';
  const blob = new Blob([bytes], { type });
  if (type !== 'image/svg+xml') return createImageBitmap(blob, { premultiplyAlpha: 'premultiply' });
  // An SVG in an <img> is sandboxed by the browser: no script runs, no external loads.
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}
