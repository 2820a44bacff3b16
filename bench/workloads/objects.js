// objects: N records {x, y, vx, vy} moved F frames, then the sum of x + y
// (plain objects, which V8 gives hidden classes).
(function workload(min) {
  const N = 100000;
  const F = 100;

  const ps = [];
  for (let i = 0; i < N; i++) {
    ps.push({ x: i, y: i * 2, vx: (i % 7) - 3, vy: (i % 5) - 2 });
  }
  for (let f = 0; f < F; f++) {
    for (const p of ps) {
      p.x = p.x + p.vx;
      p.y = p.y + p.vy;
    }
  }
  let sum = 0;
  for (const p of ps) {
    sum += p.x + p.y;
  }
  return sum;
})
