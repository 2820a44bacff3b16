// strings: N strings built from a number each, pushed into an array, then
// joined into one; returns the length of the result.
(function workload(min) {
  const N = 200000;

  const parts = [];
  for (let i = 0; i < N; i++) parts.push(i + ",");
  const text = parts.join("");
  return text.length;
})
