// Self-voicing for players who cannot read the screen: every line, dialog
// option and hovered name is read aloud by the browser's speech synthesis in
// the game's current language. Something newer cancels what is still being
// read (a hovered name is stale once the pointer moved on); lines queue
// behind lines so a conversation is heard whole.

/** What is read: a spoken line waits for the one before; anything else interrupts. */
export type VoicedKind = 'line' | 'status';

/** The browser's speech synthesis, as far as this file uses it (absent in some browsers). */
interface Synth {
  speak(u: SpeechSynthesisUtterance): void;
  cancel(): void;
}

/** Reads the game aloud while on. */
export class SelfVoicing {
  private on = false;
  /** The language utterances are in: the game's current one (BCP 47). */
  lang = 'en';

  constructor(private readonly synth: Synth | null = (globalThis.speechSynthesis as Synth | undefined) ?? null) {}

  /** True while reading aloud. */
  get enabled(): boolean {
    return this.on;
  }

  /** Turns reading on or off; says so, in words, either way (turning off cuts what was being read). */
  set(on: boolean, announce = true): void {
    if (on === this.on) return;
    this.on = on;
    if (this.synth === null || !announce) return;
    this.synth.cancel();
    this.utter(on ? 'Self-voicing on' : 'Self-voicing off');
  }

  /** Reads `text` if on: a line after the lines before it; a status (options, hovered name) at once. */
  read(text: string, kind: VoicedKind): void {
    if (!this.on || this.synth === null || text.trim() === '') return;
    if (kind === 'status') this.synth.cancel();
    this.utter(text);
  }

  /** Stops reading now (the game closed). */
  stop(): void {
    if (this.on) this.synth?.cancel();
  }

  private utter(text: string): void {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = this.lang;
    this.synth!.speak(u);
  }
}
