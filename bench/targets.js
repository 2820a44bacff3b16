// The targets, checked against one workload's measurements: ahead of the
// fastest peer (so of every peer) on the script workloads; ≥ 5× faster than
// every peer on natives and threads; compile faster than fengari and at
// ≥ 1 MB/s.

/** The engines Cairn is held against (plain JS is the limit, not a peer). */
export const PEERS = ['fengari', 'wasmoon', 'quickjs'];

const MIN_SPEEDUP = 5;
const MIN_COMPILE_MB_PER_S = 1;

/**
 * Each target as { text, met, peer? }: met is true/false, or null when Cairn or
 * the peer has no measurement. `peer` names the row the target belongs to.
 */
export function evaluateTargets(workload, rows) {
  const ok = (id) => (rows[id]?.status === 'ok' ? rows[id] : undefined);
  const cairn = ok('cairn');
  const targets = [];
  const add = (text, peer, test) => targets.push({ text, peer, met: cairn && (peer === undefined || ok(peer)) ? test() : null });

  if (workload.target === 'compile') {
    add('Cairn compiles faster than fengari (MB/s)', 'fengari', () => cairn.mbPerS > ok('fengari').mbPerS);
    add(`Cairn compiles at ≥ ${MIN_COMPILE_MB_PER_S} MB/s`, undefined, () => cairn.mbPerS >= MIN_COMPILE_MB_PER_S);
    return targets;
  }
  if (workload.target === 'faster') {
    for (const peer of PEERS) add(`Cairn ≥ ${MIN_SPEEDUP}× faster than ${peer}`, peer, () => ok(peer).ms / cairn.ms >= MIN_SPEEDUP);
    return targets;
  }
  const measured = PEERS.filter(ok);
  const fastest = measured.sort((a, b) => ok(a).ms - ok(b).ms)[0];
  if (fastest === undefined) targets.push({ text: 'Cairn ahead of the fastest peer', met: null });
  else add(`Cairn ahead of the fastest peer (${fastest})`, fastest, () => cairn.ms < ok(fastest).ms);
  return targets;
}
