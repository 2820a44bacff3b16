// Game time: the one tick rate. Every handler runs in fixed ticks, and game
// time never comes from the wall clock (docs/language.md, "Ticks"); every
// conversion between seconds and ticks, in the VM, the runtime and the
// player, goes through here.

/** Ticks per second of game time. */
export const TICKS_PER_SECOND = 60;

/** The whole number of ticks nearest to `seconds` of game time. */
export function secondsToTicks(seconds: number): number {
  return Math.round(seconds * TICKS_PER_SECOND);
}

/** The seconds of game time `ticks` last. */
export function ticksToSeconds(ticks: number): number {
  return ticks / TICKS_PER_SECOND;
}
