// fib: recursive calls and returns, nothing else. The harness may lower N and
// calls this function once per run (in V8 directly, or inside QuickJS).
(function workload(min) {
  const N = 27;

  function fib(n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
  }

  return fib(N);
})
