// The player's languages, best first, for choosing the game's (the worker
// picks the first the game offers: worker/choose-language.ts): the element's
// `lang` attribute, then the browser's (the desktop player's page is given the
// desktop's LANG/LC_MESSAGES the same way, as `lang`). And the name of a
// language in itself, for the menu ("français", "العربية").

/** `lang` first (when set), then navigator.languages. */
export function preferredLanguages(element: HTMLElement): string[] {
  const own = element.getAttribute('lang')?.trim();
  const browser = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language].filter((l): l is string => typeof l === 'string');
  return [...(own ? [own] : []), ...browser];
}

/** A language's name in that language, as Intl knows it; the tag itself otherwise. */
export function languageName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
    return name === undefined || name === lang ? lang : name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return lang;
  }
}
