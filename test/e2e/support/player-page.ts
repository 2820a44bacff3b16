// Drives <cairn-player> on a Playwright page the way a person would: clicks at
// game-pixel positions mapped through the element's real canvas box, keys on
// the focused element, and screenshots sampled at game pixels. The game's
// layout comes from the player's own layout module, so tests and player agree.

import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { panelLayout, stageFor, type Box, type PanelMode, type Stage, type UiStyle } from '../../../player/web/render/layout.js';

/** The player element's API as the page sees it. */
export interface PlayerElement extends HTMLElement {
  ready: boolean;
  perform(cmd: string): Promise<void>;
  evaluate(expr: string): Promise<unknown>;
  save(slot: string, name?: string): Promise<unknown>;
  load(slot: string): Promise<void>;
  listSaves(): Promise<Array<{ slot: string; name: string }>>;
  pause(): void;
  resume(): void;
}

/** A game on a page, with its stage and panel layout. */
export class PlayerPage {
  readonly stage: Stage;
  readonly panel: ReturnType<typeof panelLayout>;

  constructor(
    readonly page: Page,
    resolution: [number, number],
    ui: UiStyle,
    verbCount: number,
    /** Where the panel is: the player puts it beside the game on short landscape screens, tall under it on narrow portrait ones. */
    mode: PanelMode = 'below',
  ) {
    this.stage = stageFor(resolution, ui, mode);
    this.panel = panelLayout(this.stage, ui, verbCount);
  }

  /** Waits for `ready`, then starts the game if a "click to play" overlay waits. */
  async ready(): Promise<void> {
    await this.page.waitForFunction(() => (document.querySelector('cairn-player') as PlayerElement | null)?.ready === true, null, { timeout: 60_000 });
    const start = this.page.locator('cairn-player .start');
    if (await start.isVisible()) await start.click();
  }

  /** The canvas box in page pixels. */
  async canvasBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.page.locator('cairn-player canvas').boundingBox();
    if (box === null) throw new Error('the player has no canvas');
    return box;
  }

  /** Page coordinates of the centre of game pixel (x, y). */
  async toPage(x: number, y: number): Promise<{ x: number; y: number }> {
    const b = await this.canvasBox();
    return { x: b.x + ((x + 0.5) / this.stage.width) * b.width, y: b.y + ((y + 0.5) / this.stage.height) * b.height };
  }

  /** A mouse click at game pixel (x, y). */
  async click(x: number, y: number, button: 'left' | 'right' = 'left'): Promise<void> {
    const p = await this.toPage(x, y);
    await this.page.mouse.click(p.x, p.y, { button });
  }

  /** A tap (touch) at game pixel (x, y). */
  async tap(x: number, y: number): Promise<void> {
    const p = await this.toPage(x, y);
    await this.page.touchscreen.tap(p.x, p.y);
  }

  /** A finger put down at game pixel (x, y), held for `ms`, optionally dragged to (toX, toY), then lifted (CDP touch events). */
  async press(x: number, y: number, ms: number, to?: { x: number; y: number }, whileHeld?: () => Promise<void>): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    const from = await this.toPage(x, y);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
    if (to !== undefined) {
      const end = await this.toPage(to.x, to.y);
      for (let i = 1; i <= 8; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + ((end.x - from.x) * i) / 8, y: from.y + ((end.y - from.y) * i) / 8 }] });
        await this.page.waitForTimeout(ms / 8);
      }
    } else await this.page.waitForTimeout(ms);
    await whileHeld?.();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  /** A tap in the middle of a panel box. */
  async tapBox(box: Box | undefined): Promise<void> {
    if (box === undefined) throw new Error('no such box in the panel');
    await this.tap(Math.floor(box.x + box.w / 2), Math.floor(box.y + box.h / 2));
  }

  /** A click in the middle of a panel box. */
  async clickBox(box: Box | undefined): Promise<void> {
    if (box === undefined) throw new Error('no such box in the panel');
    await this.click(Math.floor(box.x + box.w / 2), Math.floor(box.y + box.h / 2));
  }

  /** Resolves when the player has control again (`wait 0` waits for control first). */
  async settle(): Promise<void> {
    await this.call('perform', 'wait 0');
  }

  /** Calls a method of the element in the page. */
  call(method: 'perform' | 'evaluate' | 'save' | 'load' | 'listSaves', ...args: string[]): Promise<unknown> {
    return this.page.evaluate(
      ([m, a]) => {
        const el = document.querySelector('cairn-player') as unknown as Record<string, (...x: string[]) => Promise<unknown>>;
        return el[m]!(...a);
      },
      [method, args] as const,
    );
  }

  /** The text of the player's aria-live regions (spoken lines, then status). */
  async liveText(): Promise<{ log: string; status: string }> {
    return {
      log: (await this.page.locator('cairn-player [role=log]').textContent()) ?? '',
      status: (await this.page.locator('cairn-player [role=status]').textContent()) ?? '',
    };
  }

  /** Presses Tab (or `key`) until the status line names `name` (keyboard focus); fails after `limit` presses. */
  async tabTo(name: string, limit = 12, key = 'Tab'): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press(key);
      if ((await this.liveText()).status.includes(name)) return;
    }
    throw new Error(`Tab never reached ${name}; status: ${(await this.liveText()).status}`);
  }

  /**
   * Screenshots until `ready` holds for one (a fade or a camera move has
   * finished), or the time is up; returns the last. Tests then assert on it,
   * so a picture that never settles still fails with a clear expectation.
   */
  async screenshotWhen(ready: (shot: Screenshot) => boolean, timeoutMs = 10_000): Promise<Screenshot> {
    const until = Date.now() + timeoutMs;
    let shot = await this.screenshot();
    while (!ready(shot) && Date.now() < until) {
      await this.page.waitForTimeout(100);
      shot = await this.screenshot();
    }
    return shot;
  }

  /** A screenshot of the viewport, decoded. */
  async screenshot(): Promise<Screenshot> {
    return new Screenshot(PNG.sync.read(await this.page.screenshot()), await this.canvasBox(), this.stage);
  }
}

/** A decoded screenshot that can be sampled at page or game pixels. */
export class Screenshot {
  constructor(
    readonly png: PNG,
    readonly canvas: { x: number; y: number; width: number; height: number },
    readonly stage: Stage,
  ) {}

  /** The colour at page pixel (x, y). */
  atPage(x: number, y: number): [number, number, number] {
    const i = (Math.floor(y) * this.png.width + Math.floor(x)) * 4;
    return [this.png.data[i]!, this.png.data[i + 1]!, this.png.data[i + 2]!];
  }

  /** The colour at the centre of game pixel (x, y). */
  at(x: number, y: number): [number, number, number] {
    const c = this.canvas;
    return this.atPage(c.x + ((x + 0.5) / this.stage.width) * c.width, c.y + ((y + 0.5) / this.stage.height) * c.height);
  }
}

/** True when two colours differ by at most `tolerance` in every channel. */
export function near(a: readonly number[], b: readonly number[], tolerance = 6): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);
}
