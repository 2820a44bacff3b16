// The pages `cairn play` writes itself rather than taking from the player
// build: the page that explains a damaged bundle to someone who double-clicked
// it (no terminal to read), and the hook that joins the player's page to the
// desktop session. Text only ever reaches HTML escaped.

import { ICON_ROUTE, PAGE_SCRIPT_ROUTE } from './player-files.js';

const PAGE_SCRIPT_TAG = `<script type="module" src="${PAGE_SCRIPT_ROUTE}"></script>`;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The player's index.html with the desktop page script placed before its
 * first script: module scripts run in document order, so it marks the
 * <cairn-player> element for server saves before the player defines it, and
 * any CSP <meta> above still governs it.
 */
export function withDesktopScript(indexHtml: string, lang: string | null = null): string {
  // The desktop's language, for the page script to give <cairn-player> as its `lang`.
  const tag = (lang === null ? '' : `<meta name="cairn-desktop-lang" content="${escapeHtml(lang)}">`) + PAGE_SCRIPT_TAG;
  const at = indexHtml.search(/<script[\s>]/i);
  const end = at !== -1 ? at : indexHtml.search(/<\/head>/i);
  if (end === -1) return tag + indexHtml;
  return indexHtml.slice(0, end) + tag + indexHtml.slice(end);
}

/** The desktop's language as a BCP 47 tag, from LC_ALL, LC_MESSAGES or LANG (`fr_FR.UTF-8` → `fr-FR`); null for C/POSIX or none. */
export function desktopLanguage(env: Readonly<Record<string, string | undefined>>): string | null {
  const raw = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  const tag = raw?.split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : null;
}

/** A whole page with one message; the server adds the page script as to any page. */
export function messagePage(heading: string, paragraphs: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="icon" href="${ICON_ROUTE}">`,
    `<title>${escapeHtml(heading)}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;background:#1d1f24;color:#e8e6e3;margin:0;display:grid;place-items:center;min-height:100vh}main{max-width:36rem;padding:2rem}h1{font-size:1.4rem}code{background:#2c2f36;padding:.1em .3em;border-radius:3px}</style>',
    '</head>',
    '<body><main>',
    `<h1>${escapeHtml(heading)}</h1>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</main></body>',
    '</html>',
  ].join('\n');
}

/** The page shown in place of a game that failed the door. */
export function damagedBundlePage(fileName: string, reason: string): string {
  return messagePage(`${fileName} cannot be played`, [reason, 'Nothing of it was run. Download the game again, or ask its author for a new copy.']);
}

/** The page shown when the web player has not been built (a development checkout). */
export function missingPlayerPage(gameTitle: string): string {
  return messagePage(`${gameTitle} is ready, but the player is not built`, [
    'The game file passed every check, but this copy of Cairn has no web player in dist/player-web/.',
    'Run `npm run build` in the Cairn folder, then open the game again.',
  ]);
}
