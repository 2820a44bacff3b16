// What a player of an exported game sees when a script fails: a calm line at
// the bottom of the game, not a stack trace, with a "copy report" button that
// puts the bundle id, version and input log (enough to replay the run) on the
// clipboard for the author. The game goes on. Built with createElement only.

import type { ErrorReport, ErrorView } from '../protocol.js';
import { div } from './shadow-parts.js';

/** The panel inside a <cairn-player>; hidden until the first problem. */
export class ErrorPanel {
  readonly root: HTMLDivElement;
  private readonly text: HTMLParagraphElement;
  private readonly fallback: HTMLTextAreaElement;
  private readonly problems: ErrorView[] = [];

  constructor(
    private readonly report: () => Promise<ErrorReport>,
    /** Downloads a `.cairnreport` (docs/saves.md): what `cairn run --replay` plays back to the error. */
    private readonly saveReport: () => Promise<void>,
  ) {
    this.root = div('error-panel');
    this.root.hidden = true;
    this.root.setAttribute('role', 'alert');
    this.text = document.createElement('p');
    const copy = button('Copy report', () => void this.copy());
    const file = button('Save report file', () => void this.saveReport().catch((e: unknown) => (this.text.textContent = `The report could not be made: ${e instanceof Error ? e.message : String(e)}`)));
    const close = button('Dismiss', () => this.hide());
    this.fallback = document.createElement('textarea');
    this.fallback.readOnly = true;
    this.fallback.hidden = true;
    this.fallback.setAttribute('aria-label', 'Error report');
    this.root.append(this.text, copy, file, close, this.fallback);
  }

  /** A problem happened: say so once, calmly; later ones only add to the report. */
  show(problem: ErrorView): void {
    this.problems.push(problem);
    this.text.textContent = 'Something went wrong in this game. It may go on working; if it does not, the author can use a report to find out why.';
    this.root.hidden = false;
  }

  hide(): void {
    this.root.hidden = true;
    this.fallback.hidden = true;
  }

  /** The report as text: what the author needs to replay the run and see the errors. */
  private async reportText(): Promise<string> {
    const r = await this.report();
    const errors = this.problems.map((p) => ({ code: p.code, message: p.message, text: p.text ?? `error: ${p.message} [${p.code}]` }));
    return JSON.stringify({ game: r.id, version: r.version, errors, inputLog: JSON.parse(r.inputLog) as unknown }, null, 2);
  }

  private async copy(): Promise<void> {
    let text: string;
    try {
      text = await this.reportText();
    } catch (e) {
      this.text.textContent = `The report could not be made: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      this.text.textContent = 'The report is on the clipboard: send it to the game’s author.';
    } catch {
      // No clipboard (an insecure page, a denied permission): show the text selected, to copy by hand.
      this.fallback.value = text;
      this.fallback.hidden = false;
      this.fallback.select();
      this.text.textContent = 'Copy the report below (Ctrl+C) and send it to the game’s author.';
    }
  }
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}
