// Builds Module.declarations: the world the adventure declarations describe,
// as JSON data the runtime loads before any script runs. Property values must
// be constant (NOT_CONSTANT otherwise); well-known properties are checked
// (INVALID_PROPERTY, UNKNOWN_ASSET, UNKNOWN_ENTITY). The shape:
//
//   {
//     verbs:    [{ id: "pickup", label: "Pick up" }, …],
//     rooms:    [{ name, file, line, properties: [Property…], objects: ["shell", …] }],
//     objects:  [{ name, room: "beach" | null, file, line, properties: [Property…] }],
//     actors:   [{ name, file, line, properties: [Property…] }],   // declaration order: the first is the default player
//     costumes: [{ name, file, line, properties: [Property…],       // sheet, frame, …
//                  animations: [{ name: "walk", frames: [1, 2, 3, 4], fps: 8 | null }] }],
//     dialogs:  [{ name, file, line, options: [{ text, once, condition: fn index | null, body: fn index }] }],
//   }
//   Property = { name, value, type, line }, in source order (`walkable` may repeat: one polygon each).
//   `file` indexes Module.files. `type` is the Cairn type of `value`: number, string, boolean, nil,
//   point (a pair), tuple (other sizes), list, map, range or entity. Values as JSON: scalars as
//   themselves (nil → null); points and tuples → number arrays; lists → arrays;
//   maps → { "$map": [[key, value], …] }; ranges → { "$range": [from, to] };
//   entities → { "$entity": "object", "name": "door" }.

import type * as A from '../syntax/ast.js';
import type { TranslatableString } from './collect-strings.js';
import type { JsonValue } from '../bytecode/module.js';
import { didYouMean } from '../edit-distance.js';
import type { AssetChecker } from './assets.js';
import { evaluate, isScalar, NotConstant, type ConstValue } from './constants.js';
import type { Diagnostics } from './diagnostics.js';
import type { ConstValues } from './fold.js';
import type { ProgramModel } from './program-model.js';
import { checkCostumeFrames } from './check-costumes.js';
import { ASSET_PROPERTY_KINDS, WELL_KNOWN_PROPERTIES, type PropertyKind, type PropertyOwner } from './property-table.js';
import { keepAlive } from '../keep-alive.js';

/** What a declared well-known property must hold, from the one property table. */
type Expect = PropertyKind;

/** The kind a declaration's value must have, or undefined when the table sets no rule for declarations. */
function expected(owner: PropertyOwner, name: string): Expect | undefined {
  const r = WELL_KNOWN_PROPERTIES[owner].get(name);
  if (r === undefined) return undefined;
  const kind = r.declared ?? r.kind;
  return kind === 'computed' ? undefined : kind;
}

/** Builds the declarations JSON, reporting problems with properties. */
export function buildDeclarations(model: ProgramModel, constValues: ConstValues, diag: Diagnostics, assets: AssetChecker, strings?: ReadonlyMap<A.Expr, TranslatableString>): JsonValue {
  const b = new DeclarationBuilder(model, constValues, diag, assets);
  const fileOf = (span: A.Ident['span']): number => Math.max(0, model.files.indexOf(span.source));
  const place = (d: { name: A.Ident }) => ({ name: d.name.name, file: fileOf(d.name.span), line: d.name.span.start.line });
  const texts = declaredTexts(model, strings);
  return {
    ...(Object.keys(texts).length > 0 ? { texts } : {}),
    verbs: [...model.verbs.values()].map((v) => ({ id: v.id.name, label: v.label.value })),
    rooms: model.rooms.map((r) => ({ ...place(r), properties: b.properties(r.properties, 'room'), objects: r.objects.map((o) => o.name.name) })),
    objects: model.objects.map(({ decl, room }) => ({ ...place(decl), room, properties: b.properties(decl.properties, 'object') })),
    actors: model.actors.map((a) => ({ ...place(a), properties: b.properties(a.properties, 'actor') })),
    costumes: [...model.costumes.values()].map((c) => b.costume(c, place(c))),
    dialogs: model.dialogs.map(({ decl, options }) => ({
      ...place(decl),
      options: options.map((o) => ({ text: b.optionText(o.option.text), once: o.option.once, condition: o.condition ?? null, body: o.body })),
    })),
  };
}

/**
 * The translation ids of declared text: `verb:<id>`, `room:<name>`,
 * `object:<name>`, `actor:<name>` (the `name` property) and
 * `option:<dialog>:<index>`, each → [id, source text]. The runtime shows a
 * translation only while the text is still the declared one.
 */
function declaredTexts(model: ProgramModel, strings: ReadonlyMap<A.Expr, TranslatableString> | undefined): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  if (strings === undefined) return out;
  const add = (key: string, node: A.Expr | undefined): void => {
    const s = node === undefined ? undefined : strings.get(node);
    if (s !== undefined) out[key] = [s.id, s.text];
  };
  const nameOf = (props: A.Property[]): A.Expr | undefined => props.find((p) => p.name.name === 'name')?.value;
  for (const v of model.verbs.values()) add(`verb:${v.id.name}`, v.label);
  for (const r of model.rooms) add(`room:${r.name.name}`, nameOf(r.properties));
  for (const { decl } of model.objects) add(`object:${decl.name.name}`, nameOf(decl.properties));
  for (const a of model.actors) add(`actor:${a.name.name}`, nameOf(a.properties));
  for (const { decl, options } of model.dialogs) options.forEach((o, i) => add(`option:${decl.name.name}:${i}`, o.option.text));
  return out;
}

class DeclarationBuilder {
  constructor(
    private readonly model: ProgramModel,
    private readonly constValues: ConstValues,
    private readonly diag: Diagnostics,
    private readonly assets: AssetChecker,
  ) {
    keepAlive(this);
  }

  properties(props: A.Property[], owner: PropertyOwner): JsonValue[] {
    const seen = new Map<string, A.Property>();
    const out: JsonValue[] = [];
    for (const p of props) {
      const name = p.name.name;
      const first = seen.get(name);
      if (first && name !== 'walkable') {
        this.diag.error('DUPLICATE_NAME', `The property \`${name}\` is set twice.`, p.name.span, { notes: [{ message: 'first set here', span: first.name.span }] });
      }
      seen.set(name, p);
      if (p.fps !== undefined && owner !== 'costume') this.diag.error('INVALID_PROPERTY', '`fps` belongs to costume animations only.', p.fps.span);
      const value = this.evaluate(p.value);
      if (value === undefined) continue;
      const expect = expected(owner, name);
      if (expect) this.expect(expect, value, p);
      out.push({ name, value: toJson(value), type: typeOf(value), line: p.name.span.start.line });
    }
    return out;
  }

  costume(c: A.CostumeDecl, place: { name: string; file: number; line: number }): JsonValue {
    const known = c.properties.filter((p) => WELL_KNOWN_PROPERTIES.costume.has(p.name.name));
    const animations: JsonValue[] = [];
    const seen = new Set<string>();
    for (const p of c.properties) {
      if (WELL_KNOWN_PROPERTIES.costume.has(p.name.name)) continue;
      if (seen.has(p.name.name)) this.diag.error('DUPLICATE_NAME', `The animation \`${p.name.name}\` is set twice.`, p.name.span);
      seen.add(p.name.name);
      const frames = this.evaluate(p.value);
      const fps = p.fps === undefined ? null : this.evaluate(p.fps);
      const isFrames = frames !== undefined && !isScalar(frames) && frames.t === 'list' && frames.items.every((f) => typeof f === 'number' && Number.isInteger(f) && f >= 0);
      if (frames !== undefined && !isFrames) {
        this.diag.error('INVALID_PROPERTY', `The animation \`${p.name.name}\` must be a list of frame numbers, as in \`${p.name.name}: [1, 2, 3]\`.`, p.value.span, {
          hint: didYouMean(p.name.name, WELL_KNOWN_PROPERTIES.costume.keys()) ?? 'a costume has `sheet:`, `frame:` and animations',
        });
      }
      if (p.fps !== undefined && fps !== undefined && !(typeof fps === 'number' && fps > 0)) this.diag.error('INVALID_PROPERTY', '`fps` must be a positive number.', p.fps.span);
      if (!isFrames) continue;
      animations.push({ name: p.name.name, frames: (frames as { items: number[] }).items, fps: typeof fps === 'number' ? fps : null });
    }
    const properties = this.properties(known, 'costume');
    checkCostumeFrames(c, properties, animations, this.assets, this.diag);
    return { ...place, properties, animations };
  }

  optionText(e: A.Expr): string {
    const v = this.evaluate(e);
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      this.diag.error('INVALID_PROPERTY', 'A dialog option\'s text must be a string.', e.span);
      return '';
    }
    return v;
  }

  /** The constant value of a property, or undefined (reported) when it is not constant. */
  private evaluate(e: A.Expr): ConstValue | undefined {
    try {
      return evaluate(e, (ref) => this.nameValue(ref));
    } catch (err) {
      if (!(err instanceof NotConstant)) throw err;
      if (err.reason === 'reported') return undefined;
      const why = err.reason === 'error' ? 'computing it would fail' : 'it must be known before the game runs';
      this.diag.error('NOT_CONSTANT', `This value is not a constant: ${why}.`, err.node.span, {
        hint: err.node.kind === 'Name' && !this.model.globals.has(err.node.name) ? didYouMean(err.node.name, this.model.globals.keys()) : 'properties may use literals, consts and the names of rooms, objects, actors and dialogs',
      });
      return undefined;
    }
  }

  private nameValue(ref: A.NameRef): ConstValue | undefined {
    const symbol = this.model.globals.get(ref.name);
    if (symbol?.kind === 'const') {
      const v = this.constValues.get(symbol);
      if (v instanceof NotConstant) throw new NotConstant(ref, v.reason);
      return v;
    }
    if (symbol?.kind === 'entity') return { t: 'entity', entity: symbol.entity, name: symbol.name };
    return undefined;
  }

  private expect(expect: Expect, v: ConstValue, p: A.Property): void {
    const name = p.name.name;
    const bad = (what: string): void => this.diag.error('INVALID_PROPERTY', `\`${name}\` must be ${what}.`, p.value.span);
    const isPoint = (x: ConstValue): boolean => !isScalar(x) && x.t === 'tuple' && x.items.length === 2;
    const isPolygon = (x: ConstValue): boolean => !isScalar(x) && x.t === 'list' && x.items.length >= 3 && x.items.every(isPoint);
    switch (expect) {
      case 'asset':
        if (typeof v !== 'string') return bad('a string: the path of a file in the assets folder');
        return this.assets.check(v, p.value.span, ASSET_PROPERTY_KINDS.get(name));
      case 'string':
        return typeof v === 'string' ? undefined : bad('a string');
      case 'number':
        return typeof v === 'number' ? undefined : bad('a number');
      case 'speed':
        return typeof v === 'number' && v > 0 ? undefined : bad('a positive number of pixels per second');
      case 'facing':
        return typeof v === 'string' && ['left', 'right', 'up', 'down'].includes(v) ? undefined : bad('"left", "right", "up" or "down"');
      case 'point':
        return isPoint(v) ? undefined : bad('a point, as in `(320, 200)`');
      case 'rect':
      case 'scale':
        return !isScalar(v) && v.t === 'tuple' && v.items.length === 4 ? undefined : bad(expect === 'scale' ? 'four numbers: `(y1, scale1, y2, scale2)`' : 'four numbers: `(x, y, w, h)`');
      case 'computed':
        return;
      case 'boolean':
        return typeof v === 'boolean' ? undefined : bad('true or false');
      case 'polygon':
        return isPolygon(v) ? undefined : bad('a list of at least three points, as in `[(0, 300), (640, 300), (640, 360)]`');
      case 'polygons':
        return isPolygon(v) || (!isScalar(v) && v.t === 'list' && v.items.length > 0 && v.items.every(isPolygon))
          ? undefined
          : bad('a polygon, as in `[(0, 300), (640, 300), (640, 360)]`, or a list of polygons');
      case 'layers': {
        const layers = !isScalar(v) && v.t === 'list' ? v.items : null;
        const image = (x: ConstValue) => (!isScalar(x) && x.t === 'map' ? x.entries.find(([k]) => k === 'image')?.[1] : undefined);
        const parallax = (x: ConstValue) => (!isScalar(x) && x.t === 'map' ? x.entries.find(([k]) => k === 'parallax')?.[1] : undefined);
        if (layers === null || !layers.every((l) => typeof image(l) === 'string' && ['number', 'undefined'].includes(typeof parallax(l)))) {
          return bad('a list of layers, as in `[{image: "art/fog.png", parallax: 0.5}]`');
        }
        for (const l of layers) this.assets.check(image(l) as string, p.value.span, 'image');
        return;
      }
      case 'room':
        return !isScalar(v) && v.t === 'entity' && v.entity === 'room' ? undefined : bad('the name of a room');
      case 'costume':
        if (typeof v !== 'string') return bad('the name of a costume, as a string');
        if (!this.model.costumes.has(v)) {
          this.diag.error('UNKNOWN_ENTITY', `There is no costume called \`${v}\`.`, p.value.span, { hint: didYouMean(v, this.model.costumes.keys()) });
        }
        return;
    }
  }
}

function typeOf(v: ConstValue): string {
  if (v === null) return 'nil';
  if (typeof v !== 'object') return typeof v;
  if (v.t === 'tuple') return v.items.length === 2 ? 'point' : 'tuple';
  return v.t;
}

function toJson(v: ConstValue): JsonValue {
  if (isScalar(v)) return v;
  switch (v.t) {
    case 'tuple':
      return v.items;
    case 'list':
      return v.items.map(toJson);
    case 'map':
      return { $map: v.entries.map(([k, x]) => [k, toJson(x)]) };
    case 'range':
      return { $range: [v.from, v.to] };
    case 'entity':
      return { $entity: v.entity, name: v.name };
  }
}
