// The in-game menu (Escape or F5): resume, save and load named slots with a
// thumbnail and a date, settings (the game's language among them), restart, fullscreen. Plain DOM inside the
// shadow root; every guest or user string goes in through textContent.

import type { SlotInfo } from '../saves/save-store.js';
import { AUTOSAVE_SLOT } from './autosave.js';
import { languageName } from './languages.js';
import type { Settings } from './settings.js';

/** What the menu asks the element to do. */
export interface MenuActions {
  resume(): void;
  listSlots(): Promise<SlotInfo[]>;
  save(slot: string, name: string): Promise<void>;
  load(slot: string): Promise<void>;
  remove(slot: string): Promise<void>;
  /** Downloads a slot as a `.cairnsave` file. */
  exportSlot(slot: string, name: string): Promise<void>;
  /** Stores a picked `.cairnsave` file in its slot; rejects with the reason it was refused. */
  importFile(file: File): Promise<string>;
  /** Downloads a `.cairnreport` for the game's author. */
  report(): Promise<void>;
  restart(): Promise<void>;
  fullscreen(): void;
  settings(): Settings;
  changeSettings(s: Settings): void;
  /** The languages the open game offers and the one it plays in, or null (no game). */
  languages(): { offered: readonly string[]; current: string } | null;
  /** Plays on in another language. */
  setLanguage(lang: string): Promise<void>;
}

/** How long "Saved" shows before the game goes on. */
const SAVED_SHOWN_MS = 900;

/** The menu overlay. */
export class Menu {
  readonly root: HTMLDivElement;
  private readonly panel: HTMLDivElement;
  private thumbs: string[] = [];

  constructor(private readonly actions: MenuActions) {
    this.root = el('div', 'overlay');
    this.root.hidden = true;
    this.root.setAttribute('role', 'dialog');
    this.root.setAttribute('aria-modal', 'true');
    this.root.setAttribute('aria-label', 'Game menu');
    this.panel = el('div', 'menu');
    this.root.append(this.panel);
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** Shows the menu at its main page, or at Load. */
  open(page: 'main' | 'load' = 'main'): void {
    this.root.hidden = false;
    if (page === 'load') void this.loadPage();
    else this.main();
  }

  close(): void {
    this.root.hidden = true;
    this.clear();
  }

  private main(): void {
    this.page('Menu', [
      ['Resume', () => this.actions.resume()],
      ['Save', () => void this.savePage()],
      ['Load', () => void this.loadPage()],
      ['Settings', () => this.settingsPage()],
      ['Fullscreen', () => this.actions.fullscreen()],
      ['Restart', () => this.confirmRestart()],
      ['Report a problem', () => void this.actions.report().then(() => this.actions.resume())],
    ]);
  }

  private async savePage(): Promise<void> {
    const slots = (await this.actions.listSlots()).filter((s) => s.slot !== AUTOSAVE_SLOT);
    const body = this.page('Save', [], true);
    const name = el('input');
    name.type = 'text';
    name.value = `Save ${slots.length + 1}`;
    name.setAttribute('aria-label', 'Name of the new save');
    const saveNew = () => this.saved(this.actions.save(`slot-${Date.now()}`, name.value.trim() || 'Save'), name.value.trim() || 'Save');
    // Enter in the name box saves, as the button does.
    name.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      saveNew();
    });
    body.append(name);
    body.append(button('Save in a new slot', saveNew));
    for (const s of slots) body.append(this.slotRow(s, 'Overwrite', () => this.saved(this.actions.save(s.slot, s.name), s.name), () => void this.savePage()));
    name.focus();
    name.select();
  }

  /** "Saved" confirms a save for a moment, then the game goes on; a failed save says why. */
  private saved(saving: Promise<void>, name: string): void {
    void saving.then(
      () => {
        this.page('Saved', []).append(text('p', `Saved as "${name}".`, 'saved'));
        setTimeout(() => {
          if (this.isOpen) this.actions.resume();
        }, SAVED_SHOWN_MS);
      },
      (e: unknown) => this.page('Not saved', [['Back', () => this.main()]]).prepend(text('p', e instanceof Error ? e.message : String(e))),
    );
  }

  private async loadPage(): Promise<void> {
    const slots = await this.actions.listSlots();
    const body = this.page('Load', [], true);
    if (slots.length === 0) body.append(text('p', 'No saves yet.'));
    for (const s of slots) {
      const row = this.slotRow(s, 'Load', () => void this.actions.load(s.slot).then(() => this.actions.resume()), () => void this.loadPage());
      const exp = button('Export', () => void this.actions.exportSlot(s.slot, s.name));
      exp.classList.add('export');
      exp.setAttribute('aria-label', `Export the save "${s.name}" as a file`);
      row.append(exp);
      body.append(row);
    }
    body.append(this.importButton());
    body.querySelector('button')?.focus();
  }

  /** "Import a save file…": a file picker; the page redraws with the new slot, or says why the file was refused. */
  private importButton(): HTMLElement {
    const picker = el('input');
    picker.type = 'file';
    picker.accept = '.cairnsave,application/x-cairn-save';
    picker.hidden = true;
    picker.setAttribute('aria-label', 'Save file to import');
    picker.addEventListener('change', () => {
      const file = picker.files?.[0];
      if (file === undefined) return;
      void this.actions.importFile(file).then(
        () => void this.loadPage(),
        (e: unknown) => this.page('Not imported', [['Back', () => void this.loadPage()]]).prepend(text('p', e instanceof Error ? e.message : String(e), 'refused')),
      );
    });
    const box = el('div', 'import');
    box.append(button('Import a save file…', () => picker.click()), picker);
    return box;
  }

  private settingsPage(): void {
    const body = this.page('Settings', [], true);
    const s = { ...this.actions.settings() };
    const change = () => this.actions.changeSettings({ ...s });
    for (const [key, label] of [['music', 'Music volume'], ['sound', 'Sound volume'], ['speech', 'Voice volume']] as const) {
      const input = el('input');
      input.type = 'range';
      input.min = '0';
      input.max = '1';
      input.step = '0.05';
      input.value = String(s[key]);
      input.addEventListener('input', () => {
        s[key] = Number(input.value);
        change();
      });
      body.append(labelled(label, input));
    }
    body.append(labelled('Text size', choice([['0.75', 'Small'], ['1', 'Normal'], ['1.5', 'Large'], ['2', 'Huge']], String(s.textSize), (v) => ((s.textSize = Number(v)), change()))));
    body.append(labelled('Text speed', choice([['1', 'Normal'], ['2', 'Fast'], ['4', 'Fastest']], String(s.textSpeed), (v) => ((s.textSpeed = Number(v)), change()))));
    const subs = el('input');
    subs.type = 'checkbox';
    subs.checked = s.subtitles;
    subs.addEventListener('change', () => ((s.subtitles = subs.checked), change()));
    body.append(labelled('Subtitles', subs));
    const voicing = el('input');
    voicing.type = 'checkbox';
    voicing.checked = s.selfVoicing;
    voicing.addEventListener('change', () => ((s.selfVoicing = voicing.checked), change()));
    body.append(labelled('Self-voicing (V)', voicing));
    const langs = this.actions.languages();
    if (langs !== null && langs.offered.length > 1) {
      const pick = choice(langs.offered.map((l) => [l, languageName(l)]), langs.current, (v) => void this.actions.setLanguage(v));
      pick.setAttribute('name', 'language');
      body.append(labelled('Language', pick));
    }
    body.append(labelled('Autosave', choice([['0', 'When I leave'], ['2', 'Every 2 minutes'], ['5', 'Every 5 minutes'], ['10', 'Every 10 minutes']], String(s.autosaveMinutes), (v) => ((s.autosaveMinutes = Number(v)), change()))));
    body.querySelector('input')?.focus();
  }

  private confirmRestart(): void {
    this.page('Restart the game?', [
      ['Yes, restart', () => void this.actions.restart().then(() => this.actions.resume())],
      ['No', () => this.main()],
    ]);
  }

  /** A slot's button and, beside it, its Delete button (`then` redraws the page). */
  private slotRow(s: SlotInfo, verb: string, act: () => void, then: () => void): HTMLDivElement {
    const row = el('div', 'slot-row');
    const del = button('Delete', () => void this.actions.remove(s.slot).then(then));
    del.classList.add('delete');
    del.setAttribute('aria-label', `Delete the save "${s.name}"`);
    row.append(this.slotButton(s, verb, act), del);
    return row;
  }

  private slotButton(s: SlotInfo, verb: string, act: () => void): HTMLButtonElement {
    const b = button('', act);
    b.classList.add('slot');
    if (s.thumbnail !== null) {
      const img = el('img');
      const url = URL.createObjectURL(s.thumbnail);
      this.thumbs.push(url);
      img.src = url;
      img.alt = '';
      b.append(img);
    }
    const info = el('span');
    info.append(text('span', `${verb}: ${s.name}`), text('span', new Date(s.date).toLocaleString(), 'date'));
    b.append(info);
    return b;
  }

  /** Replaces the panel's content; returns the body to add to. */
  private page(title: string, items: Array<[string, () => void]>, back = false): HTMLDivElement {
    this.clear();
    const body = el('div');
    this.panel.append(text('h2', title), body);
    for (const [label, act] of items) body.append(button(label, act));
    if (back) this.panel.append(button('Back', () => this.main()));
    (body.querySelector('button') ?? this.panel.querySelector('button'))?.focus();
    return body;
  }

  private clear(): void {
    for (const url of this.thumbs) URL.revokeObjectURL(url);
    this.thumbs = [];
    this.panel.replaceChildren();
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}

function text<K extends keyof HTMLElementTagNameMap>(tag: K, content: string, className?: string): HTMLElementTagNameMap[K] {
  const e = el(tag, className);
  e.textContent = content;
  return e;
}

function button(label: string, act: () => void): HTMLButtonElement {
  const b = text('button', label);
  b.type = 'button';
  b.addEventListener('click', act);
  return b;
}

function labelled(label: string, input: HTMLElement): HTMLLabelElement {
  const l = text('label', label);
  l.append(input);
  return l;
}

function choice(options: Array<[string, string]>, value: string, onChange: (v: string) => void): HTMLSelectElement {
  const s = el('select');
  for (const [v, label] of options) {
    const o = text('option', label);
    o.value = v;
    s.append(o);
  }
  s.value = value;
  s.addEventListener('change', () => onChange(s.value));
  return s;
}
