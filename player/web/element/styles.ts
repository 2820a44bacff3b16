// The element's styles, applied as a constructed stylesheet inside its shadow
// root: nothing leaks out to the page, the page's CSS does not reach in, and
// no <style> element or inline style attribute needs 'unsafe-inline'.

const CSS = `
:host { display: block; position: relative; overflow: hidden; background: #000; color: #eee; font: 14px/1.4 system-ui, sans-serif; contain: content; outline: none; min-width: 64px; min-height: 48px; }
:host([hidden]) { display: none; }
:host(:focus-visible) { box-shadow: inset 0 0 0 2px #ffe08a; }
.stage { position: absolute; inset: 0; }
canvas { position: absolute; display: block; touch-action: none; }
:host([data-pixel]) canvas { image-rendering: pixelated; }
.overlay { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; background: rgba(0,0,0,0.72); z-index: 2; }
.overlay[hidden] { display: none; }
.start, .anyway { font-size: 1.4em; padding: 0.7em 1.4em; border-radius: 6px; border: 2px solid #ffe08a; background: #15121f; color: #ffe08a; cursor: pointer; }
.message { max-width: 80%; text-align: center; white-space: pre-wrap; }
.menu { background: #15121f; border: 1px solid #5a5080; border-radius: 8px; padding: 1em 1.2em; min-width: 16em; max-width: 90%; max-height: 90%; overflow: auto; }
.menu h2 { margin: 0 0 0.6em; font-size: 1.2em; color: #ffe08a; }
.menu button { display: block; width: 100%; margin: 0.25em 0; padding: 0.45em 0.8em; font: inherit; color: #eee; background: #2a2540; border: 1px solid #5a5080; border-radius: 4px; cursor: pointer; text-align: left; }
.menu button:hover, .menu button:focus-visible { background: #3a3460; outline: 2px solid #ffe08a; }
.slot { display: flex !important; gap: 0.8em; align-items: center; }
.slot-row { display: flex; gap: 0.4em; align-items: stretch; }
.slot-row .slot { flex: 1; }
.menu .slot-row .delete { width: auto; flex: none; }
.screen { display: flex; flex-direction: column; align-items: center; gap: 0.8em; text-align: center; }
.screen .title { margin: 0; font-size: 1.6em; color: #ffe08a; }
.screen .the-end { margin: 0 0 0.4em; font-size: 1.2em; letter-spacing: 0.1em; }
.screen progress { width: 16em; }
.slot img { width: 96px; height: auto; background: #000; flex: none; }
.slot span { display: block; }
.slot .date { font-size: 0.85em; color: #aaa; }
.menu label { display: flex; justify-content: space-between; gap: 1em; margin: 0.4em 0; align-items: center; }
.menu input[type=text] { font: inherit; padding: 0.3em; width: 100%; box-sizing: border-box; }
.controls { position: absolute; right: 6px; top: 6px; z-index: 1; display: flex; gap: 6px; }
.controls button { min-width: 30px; height: 30px; padding: 0 6px; border-radius: 4px; border: 1px solid #5a5080; background: rgba(21,18,31,0.7); color: #eee; cursor: pointer; opacity: 0.35; font: 16px/1 system-ui, sans-serif; display: flex; align-items: center; justify-content: center; }
.controls button[hidden] { display: none; }
.controls button:hover, .controls button:focus-visible { opacity: 1; }
.controls .skip { opacity: 0.8; }
@media (pointer: coarse) { .controls button { min-width: 44px; height: 44px; font-size: 20px; opacity: 0.75; } }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #ffe08a; outline-offset: 2px; }
.finger { position: absolute; z-index: 4; transform: translate(-50%, -100%); pointer-events: none; padding: 4px 10px; border-radius: 6px; background: rgba(21,18,31,0.9); border: 1px solid #5a5080; color: #ffe08a; font-size: 16px; white-space: nowrap; }
.finger[hidden] { display: none; }
.portrait { z-index: 5; flex-direction: column; gap: 1em; text-align: center; }
.error-panel { position: absolute; left: 8px; right: 8px; bottom: 8px; z-index: 3; display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; padding: 0.6em 0.8em; background: rgba(21,18,31,0.92); border: 1px solid #5a5080; border-radius: 6px; }
.error-panel[hidden] { display: none; }
.error-panel p { flex: 1 1 16em; margin: 0; }
.error-panel button { font: inherit; padding: 0.3em 0.8em; color: #eee; background: #2a2540; border: 1px solid #5a5080; border-radius: 4px; cursor: pointer; }
.error-panel textarea { flex: 1 1 100%; height: 6em; font: 12px monospace; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

let sheet: CSSStyleSheet | null = null;

/** The shared stylesheet of every <cairn-player>. */
export function playerStyles(): CSSStyleSheet {
  if (sheet === null) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
