// JavaScript on QuickJS compiled to WebAssembly (quickjs-emscripten). The
// workload function is evaluated once and called per run; `min` is a host
// function created with newFunction, as embedders expose natives.
import { getQuickJS } from 'quickjs-emscripten';
import { installedVersion } from './versions.js';

export async function open() {
  const QuickJS = await getQuickJS();
  const context = QuickJS.newContext();
  const min = context.newFunction('min', (a, b) => context.newNumber(Math.min(context.getNumber(a), context.getNumber(b))));
  const workloads = [];

  return {
    id: 'quickjs',
    label: `quickjs-emscripten ${installedVersion('quickjs-emscripten')} (QuickJS in WebAssembly)`,
    language: 'js',
    prepare(source, file) {
      const workload = context.unwrapResult(context.evalCode(source, file));
      workloads.push(workload);
      return () => {
        const result = context.unwrapResult(context.callFunction(workload, context.undefined, min));
        const value = context.getNumber(result);
        result.dispose();
        return value;
      };
    },
    close() {
      for (const handle of workloads) handle.dispose();
      min.dispose();
      context.dispose();
    },
  };
}
