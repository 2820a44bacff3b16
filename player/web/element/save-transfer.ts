// Save files in and out of the web player: a slot becomes a `.cairnsave`
// download, and a file (picked, dropped or handed to importSave) becomes a
// slot once the game has checked it — another game's save, a newer format or
// a damaged file is refused with the game's sentence and changes nothing.

import { decodeSaveFile, encodeSaveFile, hasMagic, SAVE_FILE_EXTENSION, SAVE_FILE_MIME } from '../../../runtime/saves/save-file-format.js';
import { REPORT_EXTENSION, REPORT_MIME } from '../../../runtime/saves/report-format.js';
import type { GameSaves } from '../saves/server-save-store.js';
import { GameError, type WorkerClient } from './worker-client.js';

/** The game now as a `.cairnsave` file with this slot, name and thumbnail. */
export async function saveFileOf(client: WorkerClient, slot: string, name: string, thumbnail: Blob | null): Promise<ArrayBuffer> {
  const thumb = thumbnail === null ? null : { type: thumbnail.type, bytes: await thumbnail.arrayBuffer() };
  return client.request('saveFile', { slot, name, date: Date.now(), thumbnail: thumb });
}

/** A slot's save file, as a Blob of type application/x-cairn-save; USAGE when the slot is empty. */
export async function exportSlot(saves: GameSaves, slot: string): Promise<Blob> {
  const bytes = await saves.get(slot);
  if (bytes === null) throw new GameError('USAGE', `there is no save in slot "${slot}"`);
  if (!hasMagic(new Uint8Array(bytes))) throw new GameError('SAVE_FILE_VERSION', `the save in slot "${slot}" was made before save files could travel; load it and save again to export it`);
  return new Blob([bytes], { type: SAVE_FILE_MIME });
}

/** Checks a save file against the open game and stores it in `slot` (default: the slot it was saved in); the slot's name. */
export async function importFile(client: WorkerClient, saves: GameSaves, source: Blob | ArrayBuffer | Uint8Array, slot?: string): Promise<string> {
  const bytes = await bytesOf(source);
  // The game checks it (which game, which format, whole, and whether its scripts still exist) before anything is stored.
  const about = await client.request('checkSave', { bytes: bytes.slice(0) });
  const target = slot === undefined ? about.slot : String(slot);
  if (target === '') throw new GameError('USAGE', 'a save needs a slot name');
  let stored = bytes;
  let file = decodeSaveFile(new Uint8Array(bytes));
  if (target !== file.slot) {
    file = { ...file, slot: target };
    const encoded = encodeSaveFile(file);
    stored = encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.byteLength) as ArrayBuffer;
  }
  const thumbnail = file.thumbnail === null ? null : new Blob([file.thumbnail.bytes.slice()], { type: file.thumbnail.type });
  await saves.put(target, stored, file.name, thumbnail);
  return target;
}

/** Downloads a `.cairnreport` of the game now: the last automatic save, the inputs since, the first error. */
export async function downloadReport(client: WorkerClient, title: string): Promise<void> {
  const text = await client.request('bugReport', {});
  download(new Blob([text], { type: REPORT_MIME }), exportName(title, 'report').replace(/\.cairnsave$/, REPORT_EXTENSION));
}

/** A save file dropped on `target` is imported into its slot; `said` tells the player what happened. */
export function acceptDroppedSaves(target: HTMLElement, host: { open(): boolean; importSave(file: File): Promise<string>; said(line: string): void }): void {
  target.addEventListener('dragover', (e) => {
    if (host.open() && e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  target.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files[0];
    if (!host.open() || file === undefined) return;
    e.preventDefault();
    void host.importSave(file).then(
      (slot) => host.said(`Imported the save "${file.name}" into slot ${slot}.`),
      (err: unknown) => host.said(`Not imported: ${err instanceof Error ? err.message : String(err)}`),
    );
  });
}

/** A file name for a slot's download: the save's name, made safe, with the extension. */
export function exportName(gameTitle: string, saveName: string): string {
  const safe = `${gameTitle} - ${saveName}`.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim().slice(0, 80) || 'save';
  return safe + SAVE_FILE_EXTENSION;
}

/** Starts a download of `blob` as `fileName`. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function bytesOf(source: Blob | ArrayBuffer | Uint8Array): Promise<ArrayBuffer> {
  if (source instanceof Blob) return source.arrayBuffer();
  if (source instanceof ArrayBuffer) return source.slice(0);
  if (ArrayBuffer.isView(source)) return source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength) as ArrayBuffer;
  throw new GameError('USAGE', 'importSave needs a Blob, a File, an ArrayBuffer or a Uint8Array');
}
