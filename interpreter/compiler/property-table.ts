// The one table of well-known properties: what each room, object, actor and
// costume property holds, whether scripts may set it, and what a declaration
// may give it. The compiler checks declarations against it and the runtime's
// Host checks reads and writes against it, so the two cannot disagree.
// Imports nothing.

/** What a well-known property holds. `computed` ones are kept by the runtime itself. */
export type PropertyKind =
  | 'string' | 'asset' | 'number' | 'speed' | 'boolean' | 'point' | 'rect' | 'polygon' | 'polygons'
  | 'scale' | 'layers' | 'costume' | 'facing' | 'room' | 'computed';

/** One row: a property's kind, whether scripts may assign it, and what a declaration may write (if other than `kind`). */
export interface PropertyRule {
  readonly kind: PropertyKind;
  readonly writable: boolean;
  /** The kind a declaration's value must have; undefined means `kind` (or no check, for computed properties). */
  readonly declared?: PropertyKind;
}

/** The kinds of declaration with well-known properties. */
export type PropertyOwner = 'room' | 'object' | 'actor' | 'costume';

const rule = (kind: PropertyKind, writable = true, declared?: PropertyKind): PropertyRule => (declared === undefined ? { kind, writable } : { kind, writable, declared });

/** The table. Any other property is game state its declaration must introduce (`open: false`). */
export const WELL_KNOWN_PROPERTIES: Readonly<Record<PropertyOwner, ReadonlyMap<string, PropertyRule>>> = {
  room: new Map([
    ['name', rule('string')], ['background', rule('asset')], ['music', rule('asset')], ['walkable', rule('polygons')],
    ['blocked', rule('polygons')], ['scale', rule('scale')], ['size', rule('point')], ['layers', rule('layers')],
  ]),
  object: new Map([
    ['name', rule('string')], ['sprite', rule('asset')], ['icon', rule('asset')], ['at', rule('point')], ['stand', rule('point')],
    ['hotspot', rule('rect')], ['polygon', rule('polygon')], ['z', rule('number')], ['visible', rule('computed', true, 'boolean')],
    ['room', rule('computed', false)],
  ]),
  actor: new Map([
    ['name', rule('string')], ['costume', rule('costume')], ['color', rule('string')], ['speed', rule('speed')], ['visible', rule('boolean')],
    ['at', rule('computed', true, 'point')], ['room', rule('computed', false, 'room')], ['facing', rule('computed')],
    ['walking', rule('computed', false)], ['talking', rule('computed', false)],
  ]),
  costume: new Map([['sheet', rule('asset')], ['frame', rule('point')]]),
};

/** What kind of file each asset property holds: the compiler checks the file is one. */
export const ASSET_PROPERTY_KINDS: ReadonlyMap<string, 'image' | 'audio'> = new Map([
  ['background', 'image'], ['sprite', 'image'], ['icon', 'image'], ['sheet', 'image'], ['music', 'audio'],
]);
