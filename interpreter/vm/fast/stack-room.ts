// How deep the fast tier may nest calls on this host's JS stack. Its calls
// are JS calls (about 0.8 KB of JS stack per script call before V8 optimizes
// them, measured with node --stack-size), and hosts give JS stacks of
// different sizes (Node's is about 1 MB; a Chromium Worker's half of that).
// Deeper calls run in the interpreter, on the same thread, whose calls take
// no JS stack, so CALL_DEPTH_EXCEEDED comes at the same depth on every host.

/** Frames of the probe below, per script call of the fast tier (0.8 KB over the probe's ~90 bytes a frame, with a margin). */
const PROBE_FRAMES_PER_CALL = 14;

let room: number | undefined;

/** Fast calls that may nest on the JS stack from here on this host (measured once per process). */
export function fastCallRoom(): number {
  room ??= Math.floor(probeDepth() / PROBE_FRAMES_PER_CALL);
  return room;
}

/** How deep a small JS function can recurse from the current stack position. */
function probeDepth(): number {
  let deepest = 0;
  const dive = (n: number): number => {
    deepest = n;
    return dive(n + 1) + 1;
  };
  try {
    dive(0);
  } catch {
    // The RangeError of a full stack is the answer.
  }
  return deepest;
}
