// The player's settings (volumes, text size and speed, subtitles, self-voicing, autosave), kept in
// localStorage for every game on the origin. Read defensively: a stored value
// of the wrong shape falls back to the default.

/** What the settings menu changes. */
export interface Settings {
  music: number;
  sound: number;
  /** The volume of voiced lines. */
  speech: number;
  /** Multiplies the size of speech text. */
  textSize: number;
  /** 1: lines last as long as the game says; 2 or 4: the player skips them sooner. */
  textSpeed: number;
  /** Off: voiced lines show no text (lines without a voice always do). */
  subtitles: boolean;
  /** Lines, options and hovered names read aloud by the browser's speech synthesis (key V). */
  selfVoicing: boolean;
  /** Minutes of play between autosaves (0: only when the page hides or closes). */
  autosaveMinutes: number;
}

/** The settings a new player starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = { music: 0.8, sound: 1, speech: 1, textSize: 1, textSpeed: 1, subtitles: true, selfVoicing: false, autosaveMinutes: 5 };

const KEY = 'cairn-player-settings';

/** The stored settings, or the defaults. */
export function loadSettings(): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null');
    if (raw === null || typeof raw !== 'object') return out;
    const r = raw as Record<string, unknown>;
    const num = (v: unknown, lo: number, hi: number, d: number) => (typeof v === 'number' && v >= lo && v <= hi ? v : d);
    out.music = num(r.music, 0, 1, out.music);
    out.sound = num(r.sound, 0, 1, out.sound);
    out.speech = num(r.speech, 0, 1, out.speech);
    out.textSize = num(r.textSize, 0.5, 3, out.textSize);
    out.textSpeed = num(r.textSpeed, 1, 4, out.textSpeed);
    out.subtitles = typeof r.subtitles === 'boolean' ? r.subtitles : out.subtitles;
    out.selfVoicing = typeof r.selfVoicing === 'boolean' ? r.selfVoicing : out.selfVoicing;
    out.autosaveMinutes = num(r.autosaveMinutes, 0, 60, out.autosaveMinutes);
  } catch {
    // No storage (sandboxed iframe) or a damaged value: defaults.
  }
  return out;
}

/** Stores the settings; silently does nothing where storage is refused. */
export function storeSettings(s: Settings): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage refused: the settings last for this page only.
  }
}

/** How long (ms) a line may stay at this text speed before the player skips it, or Infinity. */
export function readingTime(text: string, textSpeed: number): number {
  if (textSpeed <= 1) return Infinity;
  return (1200 + text.length * 60) / textSpeed;
}
