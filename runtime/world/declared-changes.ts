// `cairn dev` reloads a rebuilt game in place by loading the running game's
// save into it, and a save keeps every property as it was — so a number the
// author changed in a declaration (a hotspot, a walk area, an `at`) would not
// show until a restart. This carries such changes over: a property whose
// declared value differs between the two builds takes the new one, unless the
// game itself had changed it (then the game's value stays).

import { valuesEqual } from '../../interpreter/vm/equality.js';
import { EntityRef, type Value } from '../../interpreter/vm/values.js';
import type { WorldDecls } from './read-declarations.js';
import type { Engine } from './engine.js';
import { setProperty } from './properties.js';
import { copyValue } from './state.js';

/** Adopts the declarations' changes since `previous` where the live value is still the old declared one; returns `name.property` of each. */
export function adoptDeclaredChanges(engine: Engine, previous: WorldDecls): string[] {
  const s = engine.state;
  const adopted: string[] = [];
  const lists: Array<['room' | 'object' | 'actor', ReadonlyMap<string, { props: ReadonlyMap<string, Value> }>, ReadonlyMap<string, { props: ReadonlyMap<string, Value> }>, (name: string) => ReadonlyMap<string, Value> | undefined]> = [
    ['room', engine.decls.rooms, previous.rooms, (n) => s.rooms.get(n)?.props],
    ['object', engine.decls.objects, previous.objects, (n) => s.objects.get(n)?.props],
    ['actor', engine.decls.actors, previous.actors, (n) => s.actors.get(n)?.props],
  ];
  for (const [kind, now, before, live] of lists) {
    for (const [name, decl] of now) {
      const old = before.get(name);
      const props = live(name);
      if (old === undefined || props === undefined) continue;
      for (const [prop, value] of decl.props) {
        // Kept outside the property maps (visible, an actor's place): the save's word stands.
        if (prop === 'visible' || (kind === 'actor' && prop === 'at')) continue;
        const was = old.props.get(prop);
        const current = props.get(prop);
        if (was === undefined || current === undefined || valuesEqual(was, value) || !valuesEqual(current, was)) continue;
        setProperty(engine, new EntityRef(kind, name), prop, copyValue(value));
        adopted.push(`${name}.${prop}`);
      }
    }
  }
  return adopted;
}
