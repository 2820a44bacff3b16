// `door.open`, `hero.at`, `beach.walkable = …`: the VM's Host for entity
// members. One table of well-known properties per kind says what each holds
// and whether scripts may set it; every other property must be declared on
// the entity (`open: false`), so a typo is NO_SUCH_PROPERTY with a hint.

import { WELL_KNOWN_PROPERTIES, type PropertyKind } from '../../interpreter/compiler/property-table.js';
import { CairnError } from '../../interpreter/errors.js';
import { didYouMean } from '../../interpreter/edit-distance.js';
import type { Host } from '../../interpreter/vm/vm.js';
import { EntityRef, Point, typeName, type Value, isMap } from '../../interpreter/vm/values.js';
import type { Engine } from './engine.js';
import { checkPolygons, normalisePolygons } from './room-layout.js';
import { endWalk } from './walking.js';
import type { Facing } from './state.js';

type Kind = PropertyKind;

/** The well-known properties the Host knows: the compiler's one table (see interpreter/compiler/property-table.ts). */
export const WELL_KNOWN = WELL_KNOWN_PROPERTIES;

/** The Host the VM calls for `entity.member` reads and writes. */
export function worldHost(engine: Engine): Host {
  return {
    getMember: (ref, name) => getProperty(engine, ref, name),
    setMember: (ref, name, value) => setProperty(engine, ref, name, value),
  };
}

/** Reads `ref.name`; NO_SUCH_PROPERTY when the entity neither declares it nor has it built in. */
export function getProperty(engine: Engine, ref: EntityRef, name: string): Value {
  const s = engine.state;
  switch (ref.entity) {
    case 'object': {
      const o = engine.object(ref.name);
      if (name === 'visible') return o.visible;
      if (name === 'room') return o.room === null ? null : new EntityRef('room', o.room);
      return read(o.props, 'object', ref.name, name);
    }
    case 'actor': {
      const a = engine.actor(ref.name);
      switch (name) {
        case 'at':
          return new Point(a.x, a.y);
        case 'room':
          return a.room === null ? null : new EntityRef('room', a.room);
        case 'facing':
          return a.facing;
        case 'walking':
          return a.walk !== null;
        case 'talking':
          return s.lines.some((l) => l.actor === ref.name);
        case 'visible':
          return a.props.get('visible') !== false;
      }
      return read(a.props, 'actor', ref.name, name);
    }
    case 'room':
      return read(engine.room(ref.name).props, 'room', ref.name, name);
    default:
      throw new CairnError('NO_SUCH_PROPERTY', `a ${ref.entity} has no properties: \`${ref.name}.${name}\` cannot be read`);
  }
}

/** Writes `ref.name = value`, checking well-known properties' types. */
export function setProperty(engine: Engine, ref: EntityRef, name: string, value: Value): void {
  switch (ref.entity) {
    case 'object': {
      const o = engine.object(ref.name);
      if (name === 'visible') {
        o.visible = expectBoolean(ref, name, value);
        return;
      }
      return write(o.props, 'object', ref, name, value);
    }
    case 'actor': {
      const a = engine.actor(ref.name);
      if (name === 'at') {
        if (!(value instanceof Point)) throw typeError(ref, name, 'a point, as in (320, 200)', value);
        endWalk(engine, a, false, false);
        a.x = value.x;
        a.y = value.y;
        return;
      }
      if (name === 'facing') {
        a.facing = expectFacing(ref, value);
        if (a.facing === 'left' || a.facing === 'right') a.side = a.facing;
        return;
      }
      return write(a.props, 'actor', ref, name, value);
    }
    case 'room': {
      write(engine.room(ref.name).props, 'room', ref, name, value);
      if (name === 'walkable' || name === 'blocked') engine.walkMaps.invalidate(ref.name);
      return;
    }
    default:
      throw new CairnError('NO_SUCH_PROPERTY', `a ${ref.entity} has no properties: \`${ref.name}.${name}\` cannot be set`);
  }
}

function read(props: ReadonlyMap<string, Value>, kind: 'room' | 'object' | 'actor', owner: string, name: string): Value {
  const v = props.get(name);
  if (v !== undefined) return v;
  if (WELL_KNOWN[kind].has(name)) return null;
  throw noSuchProperty(props, kind, owner, name);
}

function write(props: Map<string, Value>, kind: 'room' | 'object' | 'actor', ref: EntityRef, name: string, value: Value): void {
  const r = WELL_KNOWN[kind].get(name);
  if (r === undefined) {
    if (!props.has(name)) throw noSuchProperty(props, kind, ref.name, name);
    props.set(name, value);
    return;
  }
  if (!r.writable) throw new CairnError('NO_SUCH_PROPERTY', `\`${ref.name}.${name}\` cannot be set`, { hint: name === 'room' ? (kind === 'object' ? 'use `take`, `drop` or `show`/`hide`' : 'use `put ACTOR in ROOM at POINT`') : undefined });
  props.set(name, checked(ref, name, r.kind, value));
}

/** The value to store for a well-known property, or TYPE_ERROR. Nil clears any optional property. */
function checked(ref: EntityRef, name: string, kind: Kind, v: Value): Value {
  const isNumber = (x: Value): x is number => typeof x === 'number' && Number.isFinite(x);
  switch (kind) {
    case 'string':
      if (typeof v === 'string' || v === null) return v;
      throw typeError(ref, name, 'a string', v);
    case 'asset':
      if (typeof v === 'string' || v === null) return v;
      throw typeError(ref, name, 'the path of an asset, as a string', v);
    case 'number':
      if (isNumber(v) || v === null) return v;
      throw typeError(ref, name, 'a number', v);
    case 'speed':
      if (isNumber(v) && v > 0) return v;
      throw typeError(ref, name, 'a positive number of pixels per second', v);
    case 'boolean':
      return expectBoolean(ref, name, v);
    case 'point':
      if (v instanceof Point || v === null) return v;
      throw typeError(ref, name, 'a point, as in (320, 200)', v);
    case 'rect':
    case 'scale':
      if (v === null || (Array.isArray(v) && v.length === 4 && v.every(isNumber))) return v;
      throw typeError(ref, name, kind === 'rect' ? 'a list of four numbers [x, y, w, h]' : 'a list of four numbers [y1, scale1, y2, scale2]', v);
    case 'polygon':
      if (v === null || (Array.isArray(v) && v.length >= 3 && v.every((p) => p instanceof Point))) return v;
      throw typeError(ref, name, 'a list of at least three points', v);
    case 'polygons': {
      if (v === null) return v;
      const polygons = normalisePolygons(v);
      if (polygons === null) throw typeError(ref, name, 'a polygon (a list of points) or a list of polygons', v);
      const problem = checkPolygons(polygons, name === 'blocked' ? 'blocked' : 'walkable');
      if (problem !== null) throw new CairnError('INVALID_PROPERTY', `\`${ref.name}.${name}\`: ${problem}`);
      return polygons;
    }
    case 'layers':
      if (v === null || (Array.isArray(v) && v.every((l) => isMap(l) && typeof l.get('image') === 'string'))) return v;
      throw typeError(ref, name, 'a list of maps like {image: "art/fog.png", parallax: 0.5}', v);
    case 'costume':
      if (v === null || typeof v === 'string') return v;
      throw typeError(ref, name, 'the name of a costume, as a string', v);
    default:
      return v;
  }
}

function expectBoolean(ref: EntityRef, name: string, v: Value): boolean {
  if (typeof v === 'boolean') return v;
  throw typeError(ref, name, 'true or false', v);
}

const FACINGS: readonly Facing[] = ['left', 'right', 'up', 'down'];

/** A direction string as a Facing, or TYPE_ERROR. */
export function expectFacing(ref: EntityRef, v: Value): Facing {
  if (typeof v === 'string' && (FACINGS as readonly string[]).includes(v)) return v as Facing;
  throw new CairnError('TYPE_ERROR', `\`${ref.name}\` can face "left", "right", "up" or "down", not ${typeof v === 'string' ? `"${v}"` : typeName(v)}`);
}

function typeError(ref: EntityRef, name: string, want: string, got: Value): CairnError {
  return new CairnError('TYPE_ERROR', `\`${ref.name}.${name}\` must be ${want}, not ${typeName(got)}`);
}

function noSuchProperty(props: ReadonlyMap<string, Value>, kind: 'room' | 'object' | 'actor', owner: string, name: string): CairnError {
  const known = [...props.keys(), ...WELL_KNOWN[kind].keys()];
  return new CairnError('NO_SUCH_PROPERTY', `${kind} \`${owner}\` has no property \`${name}\``, {
    hint: didYouMean(name, known) ?? `declare it in \`${owner}\` with a starting value, as in \`${name}: false\``,
  });
}
