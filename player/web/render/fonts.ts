// The game's own fonts, straight from the bundle's bytes: each file the
// manifest names (runtime/bundle/fonts.ts) is asked of the worker only when
// the language in use needs it, checked to be a font, and handed to the page
// as a FontFace (an ArrayBuffer source fetches nothing, so no CSP rule is
// involved). A BMFont `.fnt` (with its PNG pages, read from the bundle too)
// becomes a PixiJS BitmapFont drawn without smoothing. Until a face has
// loaded, and for roles the game gives no font, text is drawn in the
// player's own sans-serif.

import { BitmapFont, Cache, Texture, bitmapFontTextParser, bitmapFontXMLStringParser } from 'pixi.js';
import { FONT_ROLES, fontFor, fontKind, type FontRole, type ManifestFonts } from '../../../runtime/bundle/fonts.js';
import type { AssetSource } from './textures.js';

/** The CSS font-family of each role (the game's face first, the fallback after); `bitmap`: the roles drawn with a loaded BitmapFont of that family name. */
export type FontFamilies = Record<FontRole, string> & { bitmap: Partial<Record<FontRole, true>> };

/** The family text falls back to. */
export const FALLBACK_FAMILY = 'sans-serif';

/** The faces of one player. */
export class FontStore {
  /** Asset path → the family it is registered as, once loaded ('' while loading or failed). */
  private readonly families = new Map<string, string>();
  private readonly faces: FontFace[] = [];
  private readonly bitmapFonts: BitmapFont[] = [];
  private readonly loading = new Set<Promise<unknown>>();

  constructor(
    private readonly fonts: ManifestFonts | undefined,
    private readonly source: AssetSource,
    private readonly onProblem: (path: string, error: unknown) => void,
    /** A face arrived: the next frame draws with it. */
    private readonly onLoad: () => void,
  ) {}

  /** The families to draw each role in for `lang`; starts loading the faces that language needs. */
  familiesFor(lang: string): FontFamilies {
    const out = { bitmap: {} } as FontFamilies;
    const bitmap = this.fonts?.bitmap === true;
    for (const role of FONT_ROLES) {
      const path = fontFor(this.fonts, role, lang);
      const family = path === undefined ? '' : this.family(path, bitmap);
      if (family !== '' && bitmap) out.bitmap[role] = true;
      out[role] = family === '' ? FALLBACK_FAMILY : bitmap ? family : `"${family}", ${FALLBACK_FAMILY}`;
    }
    return out;
  }

  /** Resolves when every face asked for so far has loaded (or failed). */
  async settled(): Promise<void> {
    while (this.loading.size > 0) await Promise.allSettled([...this.loading]);
  }

  /** Takes the faces out of the document and the bitmap fonts out of PixiJS's cache. */
  destroy(): void {
    for (const face of this.faces) document.fonts.delete(face);
    this.faces.length = 0;
    for (const font of this.bitmapFonts) {
      Cache.remove(`${font.fontFamily}-bitmap`);
      font.destroy();
    }
    this.bitmapFonts.length = 0;
  }

  private async installBitmap(path: string, text: string, name: string): Promise<void> {
    this.bitmapFonts.push(await installBitmapFont(this.source, path, text, name));
  }

  private family(path: string, bitmap: boolean): string {
    const known = this.families.get(path);
    if (known !== undefined) return known;
    this.families.set(path, '');
    const name = `cairn-font-${this.families.size}`;
    const job = this.source(path)
      .then(async (bytes) => {
        const kind = fontKind(new Uint8Array(bytes));
        if (bitmap) {
          if (kind !== 'bmfont') throw new Error('it is not a BMFont .fnt file');
          await this.installBitmap(path, new TextDecoder().decode(bytes), name);
          this.families.set(path, name);
          this.onLoad();
          return;
        }
        if (kind === null || kind === 'bmfont') throw new Error('it is not a TTF, OTF, WOFF or WOFF2 font');
        const face = new FontFace(name, bytes);
        await face.load();
        document.fonts.add(face);
        this.faces.push(face);
        this.families.set(path, name);
        this.onLoad();
      })
      .catch((e: unknown) => this.onProblem(path, e))
      .finally(() => this.loading.delete(job));
    this.loading.add(job);
    return '';
  }
}

/**
 * Installs a BMFont (text or XML `.fnt`) under `name`: its pages are PNGs
 * beside it in the bundle, sampled nearest-neighbour so pixel fonts stay crisp.
 */
async function installBitmapFont(source: AssetSource, path: string, text: string, name: string): Promise<BitmapFont> {
  const data = bitmapFontTextParser.test(text) ? bitmapFontTextParser.parse(text) : bitmapFontXMLStringParser.parse(text);
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const textures = await Promise.all(
    data.pages.map(async (page) => {
      const file = dir + page.file.replace(/^\.\//, '');
      const image = await createImageBitmap(new Blob([await source(file)], { type: 'image/png' }), { premultiplyAlpha: 'premultiply' });
      const texture = Texture.from(image);
      texture.source.scaleMode = 'nearest';
      return texture;
    }),
  );
  const font = new BitmapFont({ data: { ...data, fontFamily: name }, textures });
  Cache.set(`${name}-bitmap`, font);
  return font;
}

const RTL_LANGUAGES = new Set(['ar', 'arc', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** True when `lang` is written right to left (Arabic, Hebrew, Persian, Urdu…). */
export function isRightToLeft(lang: string): boolean {
  try {
    const locale = new Intl.Locale(lang) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
    const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
    if (direction !== undefined) return direction === 'rtl';
  } catch {
    // Not a tag Intl reads: the table below decides.
  }
  return RTL_LANGUAGES.has(lang.toLowerCase().split('-')[0]!);
}

/**
 * Text as canvas `fillText` lays it out right to left. PixiJS draws each
 * wrapped line with fillText on a canvas whose base direction is left to
 * right, so neutral characters (spaces, end punctuation, digits' signs) at
 * a run's edge would land on the wrong side: a right-to-left mark at both
 * ends and around every space gives them the right-to-left context.
 */
export function bidiText(text: string, rtl: boolean): string {
  if (!rtl || text === '') return text;
  return `\u200f${text.replace(/ /g, '\u200f \u200f').replace(/\n/g, '\u200f\n\u200f')}\u200f`;
}
