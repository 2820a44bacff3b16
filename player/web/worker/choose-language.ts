// Which of a game's languages a player gets: the first of the player's own
// (the element's `lang`, the browser's or the desktop's languages, best first)
// that the game offers — exactly, or by its primary subtag (`fr-CA` plays
// `fr`; `pt` plays the first `pt-…` offered) — else the game's default.

/** The language to play in: the first of `preferred` the game offers, else `fallback`. */
export function chooseLanguage(preferred: readonly string[], offered: readonly string[], fallback: string): string {
  const lower = offered.map((l) => l.toLowerCase());
  for (const want of preferred) {
    const w = want.trim().replace(/_/g, '-').toLowerCase();
    if (w === '') continue;
    const exact = lower.indexOf(w);
    if (exact >= 0) return offered[exact]!;
    const primary = w.split('-')[0]!;
    const near = lower.findIndex((l) => l === primary || l.split('-')[0] === primary);
    if (near >= 0) return offered[near]!;
  }
  return fallback;
}
