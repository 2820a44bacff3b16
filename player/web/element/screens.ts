// The overlay's screens: "Click to play" (with "Continue" when an autosave
// waits), the download's progress (bytes of total), and the end screen shown
// over the game's closing scene (title, "The End", Play again, Load). Built
// with createElement and textContent only: titles come from the bundle.

/** One button of a screen. */
export interface ScreenButton {
  label: string;
  act: () => void;
}

/** The start screen: the title and its buttons (the first takes the focus). */
export function startScreen(title: string, buttons: ScreenButton[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (buttons.length > 1) out.push(text('h2', title, 'title'));
  for (const b of buttons) out.push(button(b.label, b.act));
  return [column(out)];
}

/** The end screen: the title, "The End", and its buttons. */
export function endScreen(title: string, buttons: ScreenButton[]): HTMLElement[] {
  return [column([text('h2', title, 'title'), text('p', 'The End', 'the-end'), ...buttons.map((b) => button(b.label, b.act))])];
}

/** "Loading…" with a progress bar of bytes received of the total (an unknown total shows the bytes alone). */
export class ProgressScreen {
  readonly root: HTMLElement;
  private readonly bar = document.createElement('progress');
  private readonly label = text('p', 'Loading…', 'message');

  constructor() {
    this.bar.max = 1;
    this.bar.value = 0;
    this.bar.setAttribute('aria-label', 'Loading the game');
    this.root = column([this.label, this.bar]);
  }

  /** Shows `loaded` bytes of `total` (null: the server did not say). */
  update(loaded: number, total: number | null): void {
    if (total !== null && total > 0) {
      this.bar.max = total;
      this.bar.value = Math.min(loaded, total);
      this.label.textContent = `Loading… ${megabytes(loaded)} of ${megabytes(total)}`;
    } else {
      this.bar.removeAttribute('value');
      this.label.textContent = `Loading… ${megabytes(loaded)}`;
    }
  }
}

function megabytes(n: number): string {
  return n < 1e6 ? `${Math.round(n / 1e3)} kB` : `${(n / 1e6).toFixed(1)} MB`;
}

function column(children: HTMLElement[]): HTMLElement {
  const d = document.createElement('div');
  d.className = 'screen';
  d.append(...children);
  return d;
}

function text(tag: string, content: string, className: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  e.textContent = content;
  return e;
}

function button(label: string, act: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'start';
  b.textContent = label;
  b.addEventListener('click', act);
  return b;
}

/** A message in place of the game (it could not be opened). */
export function messageScreen(message: string): HTMLElement[] {
  return [text('p', message, 'message')];
}
