// Right-to-left text for the player's canvas text: which languages are
// written right to left, and the marks that make PixiJS lay such a line out
// in its order. No PixiJS here, so Node tests can import it.

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
