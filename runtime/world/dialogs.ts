// Dialogs: `choose chat` opens a dialog and waits. Each time the dialog shows,
// it offers the options whose `if` holds and which are not `once` and used;
// the player picks one, its body runs as a thread, and when the body returns
// the dialog shows again — unless the body called `done`, or nothing is left
// to offer, and then `choose` returns. A `choose` inside a body nests.

import { isTruthy } from '../../interpreter/vm/values.js';
import { isCairnError, CairnError } from '../../interpreter/errors.js';
import type { Engine } from './engine.js';
import { declaredText } from './translate.js';
import { startThread } from './threads.js';

/** Opens `dialog` for the thread blocked in `choose`; the options are worked out at the end of the tick. */
export function openDialog(engine: Engine, dialog: string, thread: number): void {
  engine.state.dialogs.push({ dialog, thread, options: null, body: 0, done: false });
}

/** `done`: the dialog whose option body is `thread` closes when that body returns. */
export function markDone(engine: Engine, thread: number): void {
  const dialogs = engine.state.dialogs;
  for (let i = dialogs.length - 1; i >= 0; i--) {
    if (dialogs[i]!.body === thread) {
      dialogs[i]!.done = true;
      return;
    }
  }
}

/** The texts of the options offered now (in the current language when `shown`, else as the script has them), or null when no dialog waits for a choice. */
export function offeredOptions(engine: Engine, shown = false): string[] | null {
  if (!engine.dialogWaiting) return null;
  const top = engine.state.dialogs[engine.state.dialogs.length - 1]!;
  const decl = engine.decls.dialogs.get(top.dialog)!;
  return top.options!.map((i) => (shown ? declaredText(engine, `option:${top.dialog}:${i}`, decl.options[i]!.text) : decl.options[i]!.text));
}

/** Picks the n-th offered option (1-based) and runs its body; returns why it was refused, or null. */
export function pickOption(engine: Engine, n: number): string | null {
  if (!engine.dialogWaiting) return 'no dialog is waiting for a choice';
  const top = engine.state.dialogs[engine.state.dialogs.length - 1]!;
  const offered = top.options!;
  if (!(Number.isInteger(n) && n >= 1 && n <= offered.length)) return `option ${n} is not offered (there ${offered.length === 1 ? 'is 1 option' : `are ${offered.length} options`})`;
  const index = offered[n - 1]!;
  const option = engine.decls.dialogs.get(top.dialog)!.options[index]!;
  if (option.once) {
    const used = engine.state.dialogsUsed.get(top.dialog) ?? [];
    if (!used.includes(index)) used.push(index);
    engine.state.dialogsUsed.set(top.dialog, used);
  }
  top.options = null;
  engine.story.push({ kind: 'chose', text: declaredText(engine, `option:${top.dialog}:${index}`, option.text) });
  // Option bodies are global: a body that leaves the room goes on in the next one.
  top.body = startThread(engine, option.body, [], { room: '', foreground: true, input: false });
  return null;
}

/**
 * Brings open dialogs up to date at the end of a tick: closes those whose
 * `choose` thread is gone, notices bodies that returned, and works out the
 * options of the innermost dialog when it is to show again.
 */
export function settleDialogs(engine: Engine): void {
  const s = engine.state;
  const vm = engine.vm;
  if (s.dialogs.length === 0) return;
  if (s.dialogs.some((f) => !vm.isAlive(f.thread))) s.dialogs = s.dialogs.filter((f) => vm.isAlive(f.thread));
  for (;;) {
    const top = s.dialogs[s.dialogs.length - 1];
    if (top === undefined) return;
    if (top.body !== 0) {
      if (vm.isAlive(top.body)) return;
      top.body = 0;
    }
    if (top.options === null && !top.done) {
      const options = available(engine, top.dialog);
      if (options.length > 0) {
        top.options = options;
        const decl = engine.decls.dialogs.get(top.dialog)!;
        engine.story.push({ kind: 'options', options: options.map((i) => declaredText(engine, `option:${top.dialog}:${i}`, decl.options[i]!.text)) });
        return;
      }
    }
    if (top.options !== null) return;
    // Done, or nothing left to say: `choose` returns.
    s.dialogs.pop();
    vm.resume(top.thread, null);
  }
}

/** Indices of the options of `dialog` to offer now. */
function available(engine: Engine, dialog: string): number[] {
  const decl = engine.decls.dialogs.get(dialog)!;
  const used = engine.state.dialogsUsed.get(dialog) ?? [];
  const out: number[] = [];
  decl.options.forEach((o, i) => {
    if (o.once && used.includes(i)) return;
    if (o.condition !== null && !holds(engine, o.condition)) return;
    out.push(i);
  });
  return out;
}

// An option's `if`, run to completion now; an error counts as false (and is reported).
function holds(engine: Engine, fn: number): boolean {
  try {
    return isTruthy(engine.vm.call(fn));
  } catch (e) {
    engine.report(isCairnError(e) ? e : new CairnError('RUNTIME', String(e)));
    return false;
  }
}
