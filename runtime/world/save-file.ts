// The save file: the world state by name (plain-codec.ts, JSON) and the VM
// snapshot, behind a header with magic, format version, the oldest version
// that can read it and a CRC, and stamped with the game's id and version.
// Reading checks all of it before anything is used (a save is guest data).
//
//   "CSAV" | u16 version | u16 minReadable | u32 crc32(rest) | u32 jsonLength | json | vm snapshot

import type { JsonValue } from '../../interpreter/bytecode/module.js';
import { CairnError } from '../../interpreter/errors.js';
import type { WorldDecls } from './read-declarations.js';
import { damaged, decodePlain, encodePlain, type FunctionNames } from './plain-codec.js';
import { readWorld } from './save-check.js';
import type { WorldState } from './state.js';
import { crc32 } from '../bundle/checksums.js';

/** The save format this build writes, and the oldest it reads (2: the world as a flat graph of nodes). Bump when the world's shape changes. */
export const SAVE_VERSION = 2;
export const SAVE_MIN_READABLE_VERSION = 2;
const MAGIC = [0x43, 0x53, 0x41, 0x56]; // "CSAV"
const HEADER = 12;

/** Which game a save belongs to. */
export interface GameIdentity {
  id: string;
  version: string;
}

/** What a save holds, once read and checked. */
export interface SaveContents {
  world: WorldState;
  vm: Uint8Array;
  tick: number;
}

/** Writes a save. */
export function writeSave(game: GameIdentity, tick: number, world: WorldState, vm: Uint8Array, fns: FunctionNames): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ game: { id: game.id, version: game.version }, tick, world: encodePlain(world, fns) }));
  const out = new Uint8Array(HEADER + 4 + json.length + vm.length);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint16(4, SAVE_VERSION, true);
  view.setUint16(6, SAVE_MIN_READABLE_VERSION, true);
  view.setUint32(HEADER, json.length, true);
  out.set(json, HEADER + 4);
  out.set(vm, HEADER + 4 + json.length);
  view.setUint32(8, crc32(out.subarray(HEADER)), true);
  return out;
}

/** Reads and checks a save for `game`; SNAPSHOT_INVALID or SNAPSHOT_VERSION when it cannot be used. */
export function readSave(bytes: Uint8Array, game: GameIdentity, decls: WorldDecls, fns: FunctionNames): SaveContents {
  if (bytes.length < HEADER + 4 || MAGIC.some((b, i) => bytes[i] !== b)) throw new CairnError('SNAPSHOT_INVALID', 'this is not a Cairn save file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  const minReadable = view.getUint16(6, true);
  if (minReadable > SAVE_VERSION || version < SAVE_MIN_READABLE_VERSION) {
    throw new CairnError('SNAPSHOT_VERSION', `this save is in format ${version}, which this version of Cairn cannot read (it reads ${SAVE_MIN_READABLE_VERSION} to ${SAVE_VERSION})`);
  }
  if (view.getUint32(8, true) !== crc32(bytes.subarray(HEADER))) throw damaged('its checksum does not match');
  const length = view.getUint32(HEADER, true);
  if (HEADER + 4 + length > bytes.length) throw damaged('it is truncated');
  let head: JsonValue;
  try {
    head = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER + 4, HEADER + 4 + length))) as JsonValue;
  } catch {
    throw damaged('its world data is not readable');
  }
  if (typeof head !== 'object' || head === null || Array.isArray(head)) throw damaged('its world data is not a record');
  const owner = head.game;
  if (typeof owner !== 'object' || owner === null || Array.isArray(owner) || typeof owner.id !== 'string') throw damaged('it does not say which game it belongs to');
  if (owner.id !== game.id) throw new CairnError('SNAPSHOT_INVALID', `this save belongs to another game (${owner.id}), not to ${game.id}`);
  const tick = head.tick;
  if (typeof tick !== 'number' || !Number.isSafeInteger(tick) || tick < 0) throw damaged('its tick count is not a count');
  if (head.world === undefined) throw damaged('it holds no world');
  const world = readWorld(decodePlain(head.world, fns), decls);
  return { world, vm: bytes.slice(HEADER + 4 + length), tick };
}
