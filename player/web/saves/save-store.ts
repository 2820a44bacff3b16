// Saves in the browser: one IndexedDB database for every Cairn game on the
// origin, one record per (game id, slot) holding the save bytes, a name, the
// date and a thumbnail. Survives reloads; games never see each other's saves.

/** A save slot as the menu lists it. */
export interface SlotInfo {
  slot: string;
  name: string;
  /** Milliseconds since the epoch. */
  date: number;
  thumbnail: Blob | null;
}

interface SaveRecord extends SlotInfo {
  game: string;
  bytes: ArrayBuffer;
}

const DB_NAME = 'cairn-saves';
const STORE = 'saves';

/** The saves of one game. */
export class SaveStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly game: string) {}

  /** Writes a slot (replacing it). */
  async put(slot: string, bytes: ArrayBuffer, name: string, thumbnail: Blob | null): Promise<SlotInfo> {
    const record: SaveRecord = { game: this.game, slot, name, date: Date.now(), thumbnail, bytes };
    await this.run('readwrite', (store) => store.put(record));
    return { slot, name, date: record.date, thumbnail };
  }

  /** A slot's bytes, or null when it was never saved. */
  async get(slot: string): Promise<ArrayBuffer | null> {
    const record = (await this.run('readonly', (store) => store.get([this.game, slot]))) as SaveRecord | undefined;
    return record?.bytes ?? null;
  }

  /** Every slot of this game, newest first. */
  async list(): Promise<SlotInfo[]> {
    const range = IDBKeyRange.bound([this.game, ''], [this.game, '\uffff']);
    const records = (await this.run('readonly', (store) => store.getAll(range))) as SaveRecord[];
    return records.map(({ slot, name, date, thumbnail }) => ({ slot, name, date, thumbnail })).sort((a, b) => b.date - a.date);
  }

  /** Deletes a slot. */
  async remove(slot: string): Promise<void> {
    await this.run('readwrite', (store) => store.delete([this.game, slot]));
  }

  private async run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    this.db ??= openDatabase();
    return transact(await this.db, mode, act);
  }
}

/**
 * The ids of the games on this origin that have a save in `slot`. Read from
 * the keys alone, before a game's id is known, so that the element can start
 * a game the moment it is open instead of waiting for the database then.
 */
export async function gamesWithSlot(slot: string): Promise<Set<string>> {
  const db = await openDatabase();
  try {
    const keys = (await transact(db, 'readonly', (store) => store.getAllKeys())) as IDBValidKey[];
    return new Set(keys.flatMap((k) => (Array.isArray(k) && k[1] === slot && typeof k[0] === 'string' ? [k[0]] : [])));
  } finally {
    db.close();
  }
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: ['game', 'slot'] });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

function transact<T>(db: IDBDatabase, mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = act(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? new Error('the save could not be stored'));
    tx.onabort = () => reject(tx.error ?? new Error('the save was aborted'));
  });
}
