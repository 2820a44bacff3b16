// The player's on-screen controls, in the shadow DOM over the canvas: the
// corner buttons (skip the cutscene while one runs, the menu, fullscreen),
// touch-sized on touch screens, the name shown above a finger that inspects,
// and the "turn your phone" hint on narrow portrait screens, which can be
// dismissed to play upright anyway. Plain DOM; guest text goes in through
// textContent only.

import { div, fullscreenIcon } from './shadow-parts.js';

/** What the buttons do. */
export interface ControlActions {
  skip(): void;
  menu(): void;
  fullscreen(): void;
}

/** How far above the finger (CSS px) its name shows, so the finger does not hide it. */
export const FINGER_OFFSET_PX = 64;

/** The corner buttons, the finger's name and the portrait hint. */
export class ScreenControls {
  readonly bar = div('controls');
  readonly finger = div('finger');
  readonly portrait = div('overlay portrait');
  private readonly skipButton: HTMLButtonElement;
  private portraitDismissed = false;

  constructor(actions: ControlActions) {
    this.skipButton = button('skip', 'Skip the cutscene', 'Skip »', () => actions.skip());
    this.skipButton.hidden = true;
    const menu = button('menu-button', 'Menu', '☰', () => actions.menu());
    const full = button('fullscreen', 'Fullscreen', '', () => actions.fullscreen());
    full.append(fullscreenIcon());
    this.bar.append(this.skipButton, menu, full);
    this.finger.hidden = true;
    this.finger.setAttribute('aria-hidden', 'true');
    this.portrait.hidden = true;
    const p = document.createElement('p');
    p.className = 'message';
    p.textContent = 'Turn your phone sideways: this game is made for a wide screen.';
    const anyway = document.createElement('button');
    anyway.type = 'button';
    anyway.className = 'anyway';
    anyway.textContent = 'Play upright anyway';
    anyway.addEventListener('click', () => {
      this.portraitDismissed = true;
      this.portrait.hidden = true;
    });
    this.portrait.append(p, anyway);
  }

  /** The skip button shows while a cutscene runs. */
  set cutscene(on: boolean) {
    this.skipButton.hidden = !on;
  }

  /** Shows the hint on a narrow portrait screen, until it is dismissed once. */
  set upright(on: boolean) {
    this.portrait.hidden = !on || this.portraitDismissed;
  }

  /** True while the portrait hint covers the game. */
  get hinting(): boolean {
    return !this.portrait.hidden;
  }

  /** Shows `name` above the point (x, y) of the element (CSS px), or hides the label. */
  showName(name: string | null, at: { x: number; y: number } | null): void {
    if (name === null || name === '' || at === null) {
      this.finger.hidden = true;
      return;
    }
    this.finger.textContent = name;
    this.finger.style.left = `${Math.round(at.x)}px`;
    this.finger.style.top = `${Math.round(at.y - FINGER_OFFSET_PX)}px`;
    this.finger.hidden = false;
  }
}

function button(className: string, label: string, text: string, act: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.title = label;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', act);
  return b;
}
