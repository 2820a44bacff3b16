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
  /** What it means, in one line (the editor's hover; docs/language.md, "The adventure layer: declarations and properties" says the same at length). */
  readonly doc: string;
}

/** The kinds of declaration with well-known properties. */
export type PropertyOwner = 'room' | 'object' | 'actor' | 'costume';

const rule = (kind: PropertyKind, doc: string, writable = true, declared?: PropertyKind): PropertyRule => (declared === undefined ? { kind, writable, doc } : { kind, writable, declared, doc });

/** The table. Any other property is game state its declaration must introduce (`open: false`). */
export const WELL_KNOWN_PROPERTIES: Readonly<Record<PropertyOwner, ReadonlyMap<string, PropertyRule>>> = {
  room: new Map([
    ['name', rule('string', 'a name for people')],
    ['background', rule('asset', 'the picture behind everything')],
    ['music', rule('asset', 'music that starts when the room is entered, unless a script has chosen music since')],
    ['walkable', rule('polygons', 'a polygon actors may walk in; repeat it for more than one (without any, the whole room is walkable)')],
    ['blocked', rule('polygons', 'holes in the walkable area: a polygon, or a list of polygons')],
    ['scale', rule('scale', 'depth scaling (Y1, S1, Y2, S2): at y = Y1 an actor is drawn at scale S1, at Y2 at S2')],
    ['size', rule('point', "the room's size when it is larger than the screen; the camera scrolls")],
    ['layers', rule('layers', 'extra pictures over the background: a list of {image: "FILE", parallax: N}')],
  ]),
  object: new Map([
    ['name', rule('string', 'the name shown to the player (hovering, the inventory)')],
    ['sprite', rule('asset', 'its picture in the room, standing on `at` (the bottom centre of the picture)')],
    ['icon', rule('asset', 'its picture in the inventory')],
    ['at', rule('point', 'where it is in the room')],
    ['stand', rule('point', 'where the player walks to before acting on it')],
    ['hotspot', rule('rect', 'its clickable box (X, Y, W, H) when it has no sprite')],
    ['polygon', rule('polygon', 'its clickable area, as a polygon')],
    ['z', rule('number', 'drawing order: higher is nearer (default: the y of `at`)')],
    ['visible', rule('computed', 'shown and clickable (default true); `show` and `hide` change it', true, 'boolean')],
    ['room', rule('computed', 'the room it is in, or nil; cannot be set: use `take`, `drop`, `put`', false)],
  ]),
  actor: new Map([
    ['name', rule('string', 'the name shown to the player')],
    ['costume', rule('costume', 'its sprite sheet and animations: a costume name, as a string')],
    ['color', rule('string', 'the colour of its lines of speech, such as "#f0e68c"')],
    ['speed', rule('speed', 'walking speed in pixels per second (default 120)')],
    ['visible', rule('boolean', 'drawn or not (default true)')],
    ['at', rule('computed', 'its position now; setting it moves it there at once, ending a walk', true, 'point')],
    ['room', rule('computed', 'the room it is in, or nil; declared with `at:` it places the actor before the game starts', false, 'room')],
    ['facing', rule('computed', '"left", "right", "up" or "down" (at first "down"), like `face`')],
    ['walking', rule('computed', 'whether it is walking; cannot be set', false)],
    ['talking', rule('computed', 'whether one of its lines is showing; cannot be set', false)],
  ]),
  costume: new Map([
    ['sheet', rule('asset', 'the sprite sheet: one picture of equal frames, left to right, top to bottom')],
    ['frame', rule('point', 'the size (width, height) of one frame of the sheet')],
  ]),
};

/** What kind of file each asset property holds: the compiler checks the file is one. */
export const ASSET_PROPERTY_KINDS: ReadonlyMap<string, 'image' | 'audio'> = new Map([
  ['background', 'image'], ['sprite', 'image'], ['icon', 'image'], ['sheet', 'image'], ['music', 'audio'],
]);
