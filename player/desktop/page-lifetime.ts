// When `cairn play` should end. The page holds a long-lived request open
// (/alive, an event stream) for as long as it is shown; the window closing,
// the browser quitting or crashing all close that connection at once, so no
// polling clock is involved. A short grace covers reloads; the app browser's
// own exit and a page that never comes are the other two ends.

/** Why the session ended. */
export type EndReason = 'window-closed' | 'no-window';

/** How long to wait in each situation, in milliseconds. */
export interface LifetimeOptions {
  /** No page has connected this long after start; undefined waits for ever (`--no-open`). */
  startupGraceMs?: number;
  /** The last page went away: a reload reconnects well within this. */
  closeGraceMs: number;
  /** The app-mode browser exited with no page connected (it may have handed the window to a running one). */
  browserExitGraceMs: number;
  /**
   * `cairn dev`: a closed page or browser never ends the session (the
   * address works again; only Ctrl-C ends it). Told when the last page closes.
   */
  keepServing?: { onAllPagesClosed(): void };
}

/** The defaults: a cold browser start may take many seconds on a slow machine. */
export const DEFAULT_LIFETIME: LifetimeOptions = { startupGraceMs: 90_000, closeGraceMs: 4_000, browserExitGraceMs: 10_000 };

/** Tracks open pages and ends the session once, through `onEnd`. */
export class PageLifetime {
  private pages = 0;
  private connected = false;
  private timer: NodeJS.Timeout | undefined;
  private deadline = Infinity;
  private ended = false;

  constructor(
    private readonly options: LifetimeOptions,
    private readonly onEnd: (reason: EndReason) => void,
  ) {
    if (options.startupGraceMs !== undefined) this.arm(options.startupGraceMs, 'no-window');
  }

  /** True once any page has connected. */
  get everConnected(): boolean {
    return this.connected;
  }

  /** A page connected; call the returned function when its connection closes. */
  pageOpened(): () => void {
    this.pages++;
    this.connected = true;
    this.disarm();
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.pages--;
      if (this.pages > 0) return;
      if (this.options.keepServing) this.options.keepServing.onAllPagesClosed();
      else this.arm(this.options.closeGraceMs, 'window-closed');
    };
  }

  /** The app-mode browser we started has exited: its window is gone unless a page still talks to us. */
  browserExited(): void {
    // A page still connected means the browser handed its window to one already running.
    if (this.pages > 0 || (this.options.keepServing && this.connected)) return;
    // Its page came and went: the window is gone, no need to wait for a hand-over.
    if (this.connected) this.end('window-closed');
    else this.arm(this.options.browserExitGraceMs, 'window-closed', true);
  }

  /** Stops the timers without ending (the session ended some other way). */
  dispose(): void {
    this.ended = true;
    this.disarm();
  }

  /** Sets the one pending end; with `onlyIfSooner`, a sooner end already pending stays. */
  private arm(ms: number, reason: EndReason, onlyIfSooner = false): void {
    if (this.ended) return; // a timer now would only hold the process open
    if (onlyIfSooner && Date.now() + ms >= this.deadline) return;
    this.disarm();
    this.deadline = Date.now() + ms;
    this.timer = setTimeout(() => this.end(reason), ms);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.deadline = Infinity;
  }

  private end(reason: EndReason): void {
    if (this.ended) return;
    this.ended = true;
    this.disarm();
    this.onEnd(reason);
  }
}
