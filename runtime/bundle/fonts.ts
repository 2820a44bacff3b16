// Fonts a bundle names in its manifest (`fonts`, docs/bundle-format.md): the
// roles a font plays, what a font file looks like (its first bytes) and the
// list of every file the field names, so the writer, the door and the player
// check the same things. Imports nothing.

/** Where text is drawn: spoken lines, the interface (sentence line, verbs), dialog options. */
export const FONT_ROLES = ['speech', 'ui', 'dialog'] as const;

/** One of FONT_ROLES. */
export type FontRole = (typeof FONT_ROLES)[number];

/** A font file per role (asset paths relative to `assets/`). */
export type FontFiles = Partial<Record<FontRole, string>>;

/** The manifest's `fonts`: default files per role, `bitmap` for BMFont `.fnt` files, and per-language replacements. */
export interface ManifestFonts extends FontFiles {
  /** The files are BMFont `.fnt` descriptions (with their PNG pages beside them), drawn without smoothing. */
  bitmap?: boolean;
  /** Per language, the files that replace the defaults (a script the default font lacks: CJK, Cyrillic, Arabic). */
  languages?: Record<string, FontFiles>;
}

/** What kind of font file these bytes are, by their signature; null when they are none. */
export function fontKind(bytes: Uint8Array): 'truetype' | 'opentype' | 'woff' | 'woff2' | 'bmfont' | null {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0) return 'truetype';
  if (tag === 'true') return 'truetype';
  if (tag === 'OTTO') return 'opentype';
  if (tag === 'wOFF') return 'woff';
  if (tag === 'wOF2') return 'woff2';
  // BMFont: the text format starts `info `, the XML one with a declaration or <font>, the binary one with `BMF`.
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('info ') || head.startsWith('<?xml') || head.startsWith('<font') || tag.startsWith('BMF')) return 'bmfont';
  return null;
}

/** The extensions a font of each kind may have. */
export const FONT_EXTENSIONS: Readonly<Record<'outline' | 'bitmap', readonly string[]>> = { outline: ['.ttf', '.otf', '.woff', '.woff2'], bitmap: ['.fnt', '.xml'] };

/** Every file `fonts` names, with where it is named (`speech`, `languages.ar.dialog`). */
export function namedFontFiles(fonts: ManifestFonts): Array<{ field: string; path: string }> {
  const out: Array<{ field: string; path: string }> = [];
  for (const role of FONT_ROLES) if (fonts[role] !== undefined) out.push({ field: role, path: fonts[role] });
  for (const [lang, files] of Object.entries(fonts.languages ?? {})) {
    for (const role of FONT_ROLES) if (files[role] !== undefined) out.push({ field: `languages.${lang}.${role}`, path: files[role] });
  }
  return out;
}

/** The font file of `role` in `lang`: the language's own, else the default one, else none. */
export function fontFor(fonts: ManifestFonts | undefined, role: FontRole, lang: string): string | undefined {
  return fonts?.languages?.[lang]?.[role] ?? fonts?.[role];
}

/** True when `path`'s extension fits the kind of fonts the field declares. */
export function hasFontExtension(path: string, bitmap: boolean): boolean {
  const lower = path.toLowerCase();
  return FONT_EXTENSIONS[bitmap ? 'bitmap' : 'outline'].some((ext) => lower.endsWith(ext));
}
