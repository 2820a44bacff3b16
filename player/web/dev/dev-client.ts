// The page side of `cairn dev`, loaded only by the page the dev server writes
// (player/dev/dev-routes.ts adds its script tag; an exported game never has
// it). It marks <cairn-player> for development, opens each new build and
// carries the running game over (devReload), shows build and script errors
// with their code frames, and hosts the debugger console.

import type { CairnPlayer } from '../element/cairn-player.js';
import type { ReloadOutcome } from '../protocol.js';
import { DevConsole, isConsoleKey } from './dev-console.js';
import { DevOverlay } from './dev-overlay.js';
import { isEditorKey, RoomEditor } from './room-editor/room-editor.js';

/** A build as the dev server announces it (player/dev/dev-routes.ts DevEvent). */
type DevEvent = { type: 'bundle'; version: number } | { type: 'error'; version: number; text: string };

/** The player element's `error` event detail. */
interface ErrorDetail {
  code: string;
  message: string;
  fatal: boolean;
  place: { file: string; line: number; column: number } | null;
  hint?: string;
  notes?: Array<{ message: string; place?: { file: string; line: number; column: number } }>;
  text?: string;
}

const VERSION_HEADER = 'X-Cairn-Dev-Version';

/** Joins the page's player to the dev server. */
function start(player: CairnPlayer): void {
  // Before the player's script defines the element (this module runs first): the dev client opens builds itself.
  player.setAttribute('dev', '');
  player.removeAttribute('src');
  const ui = new DevOverlay(document.body);
  const devConsole = new DevConsole(document.body, {
    run: (line) => player.devConsole(line),
    pause: () => {
      const running = player.stats()?.running === true;
      if (running) player.pause();
      return running;
    },
    resume: () => player.resume(),
  });
  window.addEventListener(
    'keydown',
    (e) => {
      if (!isConsoleKey(e) || e.target === document.querySelector('#cairn-dev-console input')) return;
      e.preventDefault();
      e.stopPropagation();
      devConsole.toggle();
    },
    true,
  );
  // F2: the room editor over the paused game; while it is open, the keys are its own.
  const roomEditor = new RoomEditor(document.body, player);
  const editorKeys = (e: KeyboardEvent): void => {
    const down = e.type === 'keydown';
    if (down && isEditorKey(e)) void roomEditor.toggle();
    else if (!roomEditor.key(e, down)) return;
    e.preventDefault();
    e.stopPropagation();
  };
  window.addEventListener('keydown', editorKeys, true);
  window.addEventListener('keyup', editorKeys, true);

  let shown = 0;
  let wanted = 0;
  let pumping = false;
  /** Whether game time ran when a build error paused it. */
  let resumeAfterFix = false;

  /** Opens or reloads builds until the newest good one is in the player; one at a time. */
  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      await customElements.whenDefined('cairn-player');
      while (wanted > shown) {
        const response = await fetch('/dev/bundle', { cache: 'no-store' });
        if (!response.ok) break;
        const version = Number(response.headers.get(VERSION_HEADER));
        if (!(version > shown)) break;
        const bytes = await response.arrayBuffer();
        if (shown === 0 || !player.ready) {
          await player.open(bytes);
        } else {
          announce(version, await player.devReload(bytes));
          if (resumeAfterFix) player.resume();
        }
        resumeAfterFix = false;
        shown = version;
        ui.hideRuntimeError();
      }
    } catch (e) {
      const text = `cairn dev: could not load the new build: ${e instanceof Error ? e.message : String(e)}`;
      ui.toast(text);
      log({ text });
    } finally {
      pumping = false;
    }
  };

  const announce = (version: number, outcome: ReloadOutcome): void => {
    const text =
      outcome.kind === 'in-place'
        ? `Reloaded build ${version} in place`
        : `Restarted the room${outcome.room === null ? '' : ` ${outcome.room}`} (build ${version}): ${outcome.reason}`;
    ui.toast(text);
    log({ text: `page: ${text}` });
    player.dispatchEvent(new CustomEvent('cairn-dev-reload', { detail: { version, ...outcome } }));
  };

  const events = new EventSource('/dev/events');
  events.addEventListener('message', (m: MessageEvent<string>) => {
    const event = JSON.parse(m.data) as DevEvent;
    if (event.type === 'error') {
      if (!ui.showingBuildError && player.ready) {
        resumeAfterFix = player.stats()?.running === true;
        if (resumeAfterFix) player.pause();
      }
      ui.buildError(event.text);
      return;
    }
    ui.hideBuildError();
    wanted = Math.max(wanted, event.version);
    void pump();
  });

  player.addEventListener('error', (e) => {
    const detail = (e as unknown as CustomEvent<ErrorDetail | null>).detail;
    if (detail === null || typeof detail !== 'object') return;
    // The server formats it with the code frame (one formatter for terminal and page) and prints it.
    void log({ error: { code: detail.code, message: detail.message, place: detail.place ?? undefined, hint: detail.hint, notes: detail.notes } }).then((text) => ui.runtimeError(text ?? detail.text ?? `${detail.code}: ${detail.message}`));
  });
}

/** Writes to the terminal of `cairn dev`; resolves with the server's answer text (a formatted error), if any. */
async function log(entry: { text: string } | { error: { code: string; message: string; place?: ErrorDetail['place']; hint?: string; notes?: ErrorDetail['notes'] } }): Promise<string | undefined> {
  try {
    const response = await fetch('/dev/log', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(entry) });
    return response.status === 200 ? await response.text() : undefined;
  } catch {
    return undefined; // the terminal is gone (cairn dev stopped): the page still shows it
  }
}

const player = document.querySelector('cairn-player') as CairnPlayer | null;
if (player !== null) start(player);
