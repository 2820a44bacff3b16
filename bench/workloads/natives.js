// natives: the cost of calling a host function from script. `min` is a
// JavaScript function the harness passes in (in QuickJS: a host function).
(function workload(min) {
  const N = 1000000;

  let s = 0;
  for (let i = 0; i < N; i++) {
    s += min(i, 2);
  }
  return s;
})
