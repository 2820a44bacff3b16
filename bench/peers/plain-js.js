// The limit: the JS workloads compiled by V8 in this process, with no
// interpreter in between. Each workload file is a function expression
// `(function workload(min) { … })`; `min` is the host function it may call.
import { Script } from 'node:vm';

const min = (a, b) => Math.min(a, b);

export async function open() {
  return {
    id: 'js',
    label: `plain JS (V8 in Node ${process.versions.node})`,
    language: 'js',
    prepare(source, file) {
      const workload = new Script(source, { filename: file }).runInThisContext();
      return () => workload(min);
    },
    close() {},
  };
}
