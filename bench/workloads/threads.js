// threads: T generators each yield Y times, resumed round-robin by a
// scheduler written in the guest (one `next()` of every live one per round).
(function workload(min) {
  const T = 1000;
  const Y = 1000;
  let finished = 0;
  let steps = 0;

  function* worker(n) {
    let k = 0;
    while (k < n) {
      yield;
      k += 1;
    }
    steps += k;
    finished += 1;
  }

  const live = [];
  for (let t = 0; t < T; t++) live.push(worker(Y));
  while (live.length > 0) {
    let kept = 0;
    for (let t = 0; t < live.length; t++) {
      const g = live[t];
      if (!g.next().done) live[kept++] = g;
    }
    live.length = kept;
  }
  return steps;
})
