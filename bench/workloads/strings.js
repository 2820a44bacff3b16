// strings: N appends of a formatted number to a line that is flushed at 80
// characters, as text wrapping does; returns the characters written.
(function workload(min) {
  const N = 200000;

  let line = "";
  let chars = 0;
  for (let i = 0; i < N; i++) {
    line += i + ",";
    if (line.length >= 80) {
      chars += line.length;
      line = "";
    }
  }
  return chars + line.length;
})
