// What `cairn dev` draws over the page: the build-error overlay (the
// compiler's text with its code frame), the runtime-error panel, and short
// toasts ("reloaded in place"). Plain DOM in the page, outside the player's
// shadow root; text only ever goes in through textContent.

const CSS = `
#cairn-dev-overlay { position: fixed; inset: 0; z-index: 2147483000; background: rgba(24, 8, 12, 0.94); color: #fde8e8; padding: 2em; overflow: auto; font: 14px/1.5 ui-monospace, Menlo, Consolas, monospace; }
#cairn-dev-overlay h1 { font: bold 18px system-ui, sans-serif; color: #ff8a8a; margin: 0 0 1em; }
#cairn-dev-overlay pre, #cairn-dev-runtime pre { white-space: pre-wrap; margin: 0; }
#cairn-dev-overlay p { font: 13px system-ui, sans-serif; color: #d8b4b4; }
#cairn-dev-runtime { position: fixed; left: 1em; right: 1em; bottom: 1em; z-index: 2147482000; max-height: 45vh; overflow: auto; background: #2a1016; color: #fde8e8; border: 1px solid #ff8a8a; border-radius: 6px; padding: 0.8em 1em; font: 13px/1.5 ui-monospace, Menlo, Consolas, monospace; }
#cairn-dev-runtime button { float: right; font: 13px system-ui, sans-serif; }
#cairn-dev-toast { position: fixed; top: 1em; left: 50%; transform: translateX(-50%); z-index: 2147483100; background: #15121f; color: #ffe08a; border: 1px solid #5a5080; border-radius: 6px; padding: 0.5em 1em; font: 14px system-ui, sans-serif; pointer-events: none; }
#cairn-dev-console { position: fixed; left: 0; right: 0; top: 0; height: 45vh; z-index: 2147482500; display: flex; flex-direction: column; background: rgba(10, 12, 18, 0.95); color: #d8f0d8; border-bottom: 2px solid #5a5080; font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace; }
#cairn-dev-console pre { flex: 1; overflow: auto; margin: 0; padding: 0.6em 0.8em; white-space: pre-wrap; }
#cairn-dev-console input { font: inherit; color: inherit; background: #000; border: 0; border-top: 1px solid #333; padding: 0.5em 0.8em; outline: none; }
[hidden] { display: none !important; }
`;

/** How long a toast shows. */
const TOAST_MS = 4000;

/** The dev client's elements in the page. */
export class DevOverlay {
  private readonly overlay: HTMLDivElement;
  private readonly overlayText: HTMLPreElement;
  private readonly runtime: HTMLDivElement;
  private readonly runtimeText: HTMLPreElement;
  private readonly toastBox: HTMLDivElement;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(parent: HTMLElement) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

    this.overlay = element('div', 'cairn-dev-overlay');
    this.overlay.setAttribute('role', 'alert');
    const heading = element('h1');
    heading.textContent = 'The game does not build';
    this.overlayText = element('pre');
    const note = element('p');
    note.textContent = 'The game is paused at the last build that worked. Fix the script and save: it goes on from there.';
    this.overlay.append(heading, this.overlayText, note);

    this.runtime = element('div', 'cairn-dev-runtime');
    this.runtime.setAttribute('role', 'alert');
    const close = element('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', () => (this.runtime.hidden = true));
    this.runtimeText = element('pre');
    this.runtime.append(close, this.runtimeText);

    this.toastBox = element('div', 'cairn-dev-toast');
    this.toastBox.setAttribute('role', 'status');
    for (const e of [this.overlay, this.runtime, this.toastBox]) e.hidden = true;
    parent.append(this.overlay, this.runtime, this.toastBox);
  }

  /** True while a build error is shown. */
  get showingBuildError(): boolean {
    return !this.overlay.hidden;
  }

  /** Shows a build's error text (the compiler's, code frame included). */
  buildError(text: string): void {
    this.overlayText.textContent = text;
    this.overlay.hidden = false;
  }

  hideBuildError(): void {
    this.overlay.hidden = true;
  }

  /** Shows a script error with its code frame; a newer one replaces it. */
  runtimeError(text: string): void {
    this.runtimeText.textContent = text;
    this.runtime.hidden = false;
  }

  hideRuntimeError(): void {
    this.runtime.hidden = true;
  }

  /** A short message at the top of the page. */
  toast(text: string): void {
    this.toastBox.textContent = text;
    this.toastBox.hidden = false;
    if (this.toastTimer !== undefined) clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => (this.toastBox.hidden = true), TOAST_MS);
  }
}

/** A new element, with an id when given. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, id?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (id !== undefined) e.id = id;
  return e;
}
