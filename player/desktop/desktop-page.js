// Joins a page served by `cairn play` to its desktop session: it holds /alive
// open for as long as the window shows (that is how the server knows when the
// window closed), points <cairn-player> at the bundle and at saves on disk, and
// closes the window when `cairn play` stops. Served as is: plain JS, no imports.

for (const player of document.querySelectorAll('cairn-player')) {
  // Set before the player's own script defines the element (this module runs first).
  if (!player.hasAttribute('src')) player.setAttribute('src', '/game.cairn');
  player.setAttribute('saves', 'server');
  // The desktop's language (LANG, LC_MESSAGES), which the server put in the page: the game plays in it when it offers it.
  const lang = document.querySelector('meta[name="cairn-desktop-lang"]')?.getAttribute('content');
  if (lang && !player.hasAttribute('lang')) player.setAttribute('lang', lang);
}

const alive = new EventSource('/alive');
alive.addEventListener('stopped', () => {
  alive.close();
  window.close();
  // A tab of an ordinary browser may refuse to close itself: say why nothing works any more.
  const note = document.createElement('p');
  note.textContent = 'Cairn has stopped: you can close this window.';
  note.style.cssText = 'position:fixed;inset:auto 0 0 0;margin:0;padding:1em;background:#000c;color:#fff;font:16px system-ui,sans-serif;text-align:center';
  document.body.append(note);
});
