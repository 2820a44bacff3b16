// loop: arithmetic, modulo and a branch in a tight counted loop.
(function workload(min) {
  const N = 10000000;

  let acc = 0;
  for (let i = 0; i < N; i++) {
    if (i % 3 === 0) {
      acc = (acc + i * i) % 1000003;
    } else {
      acc = (acc + i) % 1000003;
    }
  }
  return acc;
})
