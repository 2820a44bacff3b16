// Near-miss properties: a room, object, actor or costume property that is not
// well-known but a small edit away from one (`hotspt`, `backgound`) is a typo
// the runtime would silently take as game state — the object could never be
// clicked. (A costume's near-misses are animations that are not lists: declarations.ts
// says so.) Custom properties that are not near-misses stay allowed (`lit:
// false`). Reads the one property table and the one edit distance.

import type * as A from '../syntax/ast.js';
import { closestName } from '../edit-distance.js';
import type { Diagnostics } from './diagnostics.js';
import type { ProgramModel } from './program-model.js';
import { WELL_KNOWN_PROPERTIES, type PropertyOwner } from './property-table.js';

/** Names this short are too near everything (`x` is one edit from `z`): never taken for typos. */
const MIN_TYPO_LENGTH = 4;

/** Reports every declared property that looks like a misspelt well-known one. */
export function checkProperties(model: ProgramModel, diag: Diagnostics): void {
  const each = (owner: PropertyOwner, what: string, decl: { name: A.Ident; properties: A.Property[] }) => {
    const known = WELL_KNOWN_PROPERTIES[owner];
    for (const p of decl.properties) {
      const name = p.name.name;
      if (known.has(name) || name.length < MIN_TYPO_LENGTH) continue;
      const near = closestName(name, known.keys());
      if (near === undefined || near.length < MIN_TYPO_LENGTH) continue;
      diag.error('INVALID_PROPERTY', `\`${name}\` is not a property of ${what} \`${decl.name.name}\`, and is one slip away from the well-known \`${near}\`.`, p.name.span, {
        hint: `did you mean \`${near}\`? (a property of your own needs a name further from the well-known ones)`,
      });
    }
  };
  for (const r of model.rooms) each('room', 'the room', r);
  for (const { decl } of model.objects) each('object', 'the object', decl);
  for (const a of model.actors) each('actor', 'the actor', a);
}
