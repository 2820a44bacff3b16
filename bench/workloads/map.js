// map: N inserts under string keys, then N lookups of the same keys (a Map,
// as Cairn maps are).
(function workload(min) {
  const N = 200000;

  const m = new Map();
  for (let i = 0; i < N; i++) {
    m.set("k" + i, i);
  }
  let sum = 0;
  for (let i = 0; i < N; i++) {
    sum += m.get("k" + i);
  }
  return sum;
})
