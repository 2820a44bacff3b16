// Costume frames against the sheet they cut: when the host could read the
// sheet's size, the frame size must divide it and every frame an animation
// names must exist — with the sheet's real size in the message, so a sheet
// of 8 frames asked for frame 12 is a build error, not a blank actor.

import type * as A from '../syntax/ast.js';
import type { JsonValue } from '../bytecode/module.js';
import type { AssetChecker } from './assets.js';
import type { Diagnostics } from './diagnostics.js';

/** Checks the animations of costume `c` (its declared properties and animations as the declarations JSON holds them). */
export function checkCostumeFrames(c: A.CostumeDecl, properties: JsonValue[], animations: JsonValue[], assets: AssetChecker, diag: Diagnostics): void {
  const value = (name: string) => (properties as Array<{ name: string; value: JsonValue }>).find((p) => p.name === name)?.value;
  const sheet = value('sheet');
  const frame = value('frame');
  if (typeof sheet !== 'string' || !Array.isArray(frame) || frame.length !== 2) return;
  const size = assets.imageSize(sheet);
  if (size === undefined) return;
  const [fw, fh] = frame as [number, number];
  const [sw, sh] = size;
  const frameProp = c.properties.find((p) => p.name.name === 'frame')!;
  if (!(fw > 0 && fh > 0 && sw % fw === 0 && sh % fh === 0)) {
    diag.error('INVALID_PROPERTY', `The frame size ${fw}×${fh} does not divide the sheet \`${sheet}\`, which is ${sw}×${sh}.`, frameProp.value.span, {
      hint: `a frame size that divides it, such as ${divisorHint(sw, fw)}×${divisorHint(sh, fh)}, cuts the sheet into whole frames`,
    });
    return;
  }
  const columns = sw / fw;
  const count = columns * (sh / fh);
  for (const anim of animations as Array<{ name: string; frames: number[] }>) {
    const beyond = anim.frames.filter((f) => f >= count);
    if (beyond.length === 0) continue;
    const prop = c.properties.find((p) => p.name.name === anim.name)!;
    diag.error('INVALID_PROPERTY', `The animation \`${anim.name}\` names frame ${beyond[0]}, but the sheet \`${sheet}\` (${sw}×${sh}) holds ${count} frame${count === 1 ? '' : 's'} of ${fw}×${fh}, numbered 0 to ${count - 1}.`, prop.value.span);
  }
}

/** The divisor of `whole` nearest to `part`. */
function divisorHint(whole: number, part: number): number {
  let best = whole;
  for (let d = 1; d <= whole; d++) if (whole % d === 0 && Math.abs(d - part) < Math.abs(best - part)) best = d;
  return best;
}
