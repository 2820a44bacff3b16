// The debugger console of `cairn dev`, like ScummVM's: ` (backquote) drops a
// panel over the game with an input line; each line goes to the worker's
// debugger (runtime/debugger-commands.ts: threads, eval, set, go, give, …) and
// its answer is printed. Game time stops while it is open.

import { element } from './dev-overlay.js';

/** What the console needs of the player. */
export interface ConsoleTarget {
  /** Runs one line; resolves with its text, rejects with a message. */
  run(line: string): Promise<string>;
  /** Game time stops while the console is open, and goes on after if it ran before. */
  pause(): boolean;
  resume(): void;
}

/** True for the key that opens and closes the console. */
export function isConsoleKey(e: KeyboardEvent): boolean {
  return (e.key === '`' || e.code === 'Backquote') && !e.ctrlKey && !e.metaKey && !e.altKey;
}

const HISTORY_KEPT = 100;

/** The console panel; hidden until toggled. */
export class DevConsole {
  private readonly root: HTMLDivElement;
  private readonly output: HTMLPreElement;
  private readonly input: HTMLInputElement;
  private readonly history: string[] = [];
  private historyAt = 0;
  private wasRunning = false;

  constructor(parent: HTMLElement, private readonly target: ConsoleTarget) {
    this.root = element('div', 'cairn-dev-console');
    this.root.hidden = true;
    this.root.setAttribute('role', 'dialog');
    this.root.setAttribute('aria-label', 'Debugger console');
    this.output = element('pre');
    this.output.setAttribute('role', 'log');
    this.output.textContent = 'Cairn debugger console: `help` lists the commands; ` or Escape closes.\n';
    this.input = element('input');
    this.input.type = 'text';
    this.input.spellcheck = false;
    this.input.autocomplete = 'off';
    this.input.setAttribute('aria-label', 'Debugger command');
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.root.append(this.output, this.input);
    parent.append(this.root);
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  open(): void {
    if (this.isOpen) return;
    this.wasRunning = this.target.pause();
    this.root.hidden = false;
    this.input.focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.root.hidden = true;
    if (this.wasRunning) this.target.resume();
  }

  /** Runs a line as if typed (the input's Enter, and tests). */
  async submit(line: string): Promise<string> {
    this.print(`> ${line}`);
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) this.history.push(line);
    if (this.history.length > HISTORY_KEPT) this.history.shift();
    this.historyAt = this.history.length;
    let text: string;
    try {
      text = await this.target.run(line);
    } catch (e) {
      // The worker drew the diagnostic with the one formatter (hint and notes included).
      const view = (e as { view?: { text?: string } }).view;
      text = view?.text ?? `error: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (text !== '') this.print(text);
    return text;
  }

  private print(text: string): void {
    this.output.append(`${text}\n`);
    this.output.scrollTop = this.output.scrollHeight;
  }

  private onKey(e: KeyboardEvent): void {
    // The game must not see keys typed here.
    e.stopPropagation();
    if (isConsoleKey(e) || e.key === 'Escape') {
      e.preventDefault();
      return this.close();
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const line = this.input.value;
      this.input.value = '';
      void this.submit(line);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      this.historyAt = Math.max(0, Math.min(this.history.length, this.historyAt + (e.key === 'ArrowUp' ? -1 : 1)));
      this.input.value = this.history[this.historyAt] ?? '';
    }
  }
}
