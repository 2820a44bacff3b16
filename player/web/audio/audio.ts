// Plays the runtime's audio commands with Howler: music that loops and
// cross-fades, sound effects, the voice of the line being spoken, and a volume for each kind. Sounds come from the
// bundle's bytes as blob URLs (with an explicit format: a blob URL has no
// extension). Nothing plays before the player has clicked once (unlock).

import { Howl, Howler } from 'howler/src/howler.core.js';
import type { AudioCommand } from '../../../runtime/game-api.js';

/** Volumes from 0 to 1, per kind. */
export interface Volumes {
  music: number;
  sound: number;
  /** Voiced lines. */
  speech: number;
}

const FORMATS: ReadonlyMap<string, string> = new Map([
  ['ogg', 'ogg'],
  ['mp3', 'mp3'],
  ['wav', 'wav'],
  ['m4a', 'm4a'],
  ['webm', 'webm'],
]);

/** The audio of one player. */
export class AudioPlayer {
  private readonly howls = new Map<string, Promise<Howl | null>>();
  private readonly urls: string[] = [];
  private music: { file: string; howl: Howl; id: number } | null = null;
  /** The music that should be playing, even while audio is locked or paused. */
  private wantedMusic: string | null = null;
  /** The voice of the line on screen, and the one that should be playing (a line may show before its voice has loaded). */
  private voice: { asset: string; howl: Howl; id: number } | null = null;
  private wantedVoice: string | null = null;
  private unlocked = false;
  private paused = false;
  volumes: Volumes = { music: 0.8, sound: 1, speech: 1 };

  constructor(
    private readonly source: (path: string) => Promise<ArrayBuffer>,
    private readonly onProblem: (path: string, error: unknown) => void,
  ) {}

  /** Allowed to make sound (after the first click); starts the music that should be playing. */
  unlock(): void {
    if (this.unlocked) return;
    this.unlocked = true;
    void Howler.ctx?.resume?.();
    if (this.wantedMusic !== null) void this.startMusic(this.wantedMusic, 0);
  }

  /** The music playing now (asset path), or null. */
  get playing(): string | null {
    return this.music?.file ?? null;
  }

  /** True when a click is still needed before sound can play. */
  get locked(): boolean {
    return !this.unlocked;
  }

  /** Mutes everything (the `muted` attribute). */
  set muted(on: boolean) {
    Howler.mute(on);
  }

  /** Carries out the frame's audio commands. */
  play(commands: readonly AudioCommand[]): void {
    for (const c of commands) {
      switch (c.type) {
        case 'music':
          this.wantedMusic = c.file;
          if (this.unlocked) void this.startMusic(c.file, c.fade);
          break;
        case 'stop-music':
          this.wantedMusic = null;
          this.stopMusic(c.fade);
          break;
        case 'sound':
          if (this.unlocked && !this.paused) void this.howl(c.file, false).then((h) => h?.volume(this.volumes.sound, h.play()));
          break;
        case 'speech':
          // A voiced line's file comes with the scene's line (SpeechView.voice): see voiceLine.
          break;
      }
    }
  }

  /**
   * The voice that goes with the line on screen now (an asset path), or null:
   * a new voice starts, and a line that ended or was skipped (`.`) stops its own.
   */
  voiceLine(asset: string | null): void {
    if (asset === this.wantedVoice) return;
    this.wantedVoice = asset;
    const old = this.voice;
    this.voice = null;
    old?.howl.stop(old.id);
    if (asset === null || !this.unlocked) return;
    void this.howl(asset, false).then((howl) => {
      if (howl === null || this.wantedVoice !== asset || this.voice !== null) return;
      const id = howl.play();
      howl.volume(this.volumes.speech, id);
      if (this.paused) howl.pause(id);
      this.voice = { asset, howl, id };
      // Done: resuming after a pause must not say it again.
      howl.once('end', () => {
        if (this.voice?.id === id) this.voice = null;
      }, id);
    });
  }

  /** The voice playing now (asset path), as Howler reports it, or null. */
  get voicePlaying(): string | null {
    const v = this.voice;
    return v !== null && v.howl.playing(v.id) ? v.asset : null;
  }

  /** Applies new volumes at once. */
  setVolumes(v: Volumes): void {
    this.volumes = v;
    if (this.music) this.music.howl.volume(v.music, this.music.id);
    if (this.voice) this.voice.howl.volume(v.speech, this.voice.id);
  }

  /** Pauses (menu, hidden tab) or resumes everything. */
  setPaused(paused: boolean): void {
    this.paused = paused;
    for (const playing of [this.music, this.voice]) {
      if (!playing) continue;
      if (paused) playing.howl.pause(playing.id);
      else if (this.unlocked) playing.howl.play(playing.id);
    }
  }

  /** Stops all sound and frees every blob URL. */
  destroy(): void {
    this.stopMusic(0);
    this.voiceLine(null);
    for (const h of this.howls.values()) void h.then((howl) => howl?.unload());
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.howls.clear();
  }

  /** Cross-fades: the old music fades out while the new one fades in. */
  private async startMusic(file: string, fadeSeconds: number): Promise<void> {
    if (this.music?.file === file) return;
    const howl = await this.howl(file, true);
    if (howl === null || this.wantedMusic !== file) return;
    this.stopMusic(fadeSeconds);
    const ms = Math.round(fadeSeconds * 1000);
    const id = howl.play();
    howl.volume(ms > 0 ? 0 : this.volumes.music, id);
    if (ms > 0) howl.fade(0, this.volumes.music, ms, id);
    if (this.paused) howl.pause(id);
    this.music = { file, howl, id };
  }

  private stopMusic(fadeSeconds: number): void {
    const old = this.music;
    this.music = null;
    if (old === null) return;
    const ms = Math.round(fadeSeconds * 1000);
    if (ms <= 0) {
      old.howl.stop(old.id);
      return;
    }
    old.howl.once('fade', () => old.howl.stop(old.id), old.id);
    old.howl.fade(old.howl.volume(old.id) as number, 0, ms, old.id);
  }

  /** The Howl of a file, loaded once; null when it cannot be played (reported once). */
  private howl(file: string, loop: boolean): Promise<Howl | null> {
    const key = `${loop ? 'loop' : 'once'}:${file}`;
    let h = this.howls.get(key);
    if (h === undefined) {
      const format = FORMATS.get(/\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '') ?? 'ogg';
      h = this.source(file).then((bytes): Promise<Howl> => {
        const url = URL.createObjectURL(new Blob([bytes]));
        this.urls.push(url);
        return new Promise<Howl>((resolve, reject) => {
          const howl = new Howl({ src: [url], format: [format], loop, html5: false });
          howl.once('load', () => resolve(howl));
          howl.once('loaderror', (_id, error) => reject(new Error(`cannot decode ${file}: ${String(error)}`)));
        });
      }).catch((e: unknown) => {
        this.onProblem(file, e);
        return null;
      });
      this.howls.set(key, h);
    }
    return h;
  }
}
