// A running Game and its `.cairnsave` files: writing one from the game now,
// checking one against the game (is it this game's? does the code still have
// every function its threads stand in, with the same hash?) and loading it.
// Every player and tool goes through these, so a save refused in one is
// refused with the same sentence everywhere. Imports runtime/ and interpreter/.

import { CairnError } from '../../interpreter/errors.js';
import type { Game } from '../game.js';
import { decodeSaveFile, encodeSaveFile, type SaveFile } from './save-file-format.js';

/** What the player adds to a save: slot, name, date (ms) and an optional thumbnail. */
export interface SaveLabel {
  slot: string;
  name: string;
  date: number;
  thumbnail?: { type: string; bytes: Uint8Array } | null;
}

/** The `.cairnsave` bytes of the game as it is now (between ticks). */
export function writeGameSave(game: Game, label: SaveLabel): Uint8Array {
  const info = game.saveInfo();
  return encodeSaveFile({
    game: info.game,
    needs: info.needs,
    slot: label.slot,
    name: label.name,
    date: label.date,
    room: info.room,
    ticks: info.ticks,
    thumbnail: label.thumbnail ?? null,
    snapshot: game.save(),
  });
}

/** What checking a save against a game found: nothing (it loads) or the refusal. */
export function saveRefusal(file: SaveFile, game: { id: string; hashes: ReadonlyMap<string, string> }, source = 'this save'): CairnError | null {
  if (file.game.id !== game.id) {
    return new CairnError('SAVE_WRONG_GAME', `${source} belongs to another game (${file.game.id} ${file.game.version}), not to ${game.id}.`, {
      hint: 'load it in the game that made it',
    });
  }
  const changed: string[] = [];
  const gone: string[] = [];
  for (const f of file.needs.functions) {
    const hash = game.hashes.get(f.name);
    if (hash === undefined) gone.push(f.name);
    else if (hash !== f.hash) changed.push(f.name);
  }
  if (changed.length === 0 && gone.length === 0) return null;
  const parts: string[] = [];
  if (changed.length > 0) parts.push(`${scripts(changed)} changed`);
  if (gone.length > 0) parts.push(`${scripts(gone)} no longer ${gone.length === 1 ? 'exists' : 'exist'}`);
  return new CairnError('SAVE_INCOMPATIBLE', `${source} was made with version ${file.game.version} of the game and cannot be loaded: ${parts.join(', and ')}.`, {
    hint: 'load it with the version of the game that made it, or start a new game',
  });
}

/** Reads, checks and loads a save file into the game; a refused one throws and changes nothing. */
export function loadGameSave(game: Game, bytes: Uint8Array, source = 'this save'): SaveFile {
  const file = decodeSaveFile(bytes, source);
  const info = game.saveInfo();
  const refusal = saveRefusal(file, { id: info.game.id, hashes: game.functionHashes() }, source);
  if (refusal !== null) throw refusal;
  game.load(file.snapshot);
  return file;
}

/** The names, quoted, at most five of them: "`a`, `b` (and 3 more)". */
function scripts(names: string[]): string {
  const shown = names.slice(0, 5).map((n) => `\`${n}\``).join(', ');
  return `${names.length === 1 ? 'the script' : 'the scripts'} ${shown}${names.length > 5 ? ` (and ${names.length - 5} more)` : ''}`;
}
