// Lua 5.4 compiled to WebAssembly (wasmoon). Chunks are loaded once and called
// per run through the C API; `min` is a JS function set as a Lua global the
// way wasmoon users register host functions.
import { LuaFactory, LUA_REGISTRYINDEX } from 'wasmoon';
import { installedVersion } from './versions.js';

export async function open() {
  const engine = await new LuaFactory().createEngine();
  engine.global.set('min', (a, b) => Math.min(a, b));
  const thread = engine.global;
  const api = thread.lua;
  const L = thread.address;

  return {
    id: 'wasmoon',
    label: `wasmoon ${installedVersion('wasmoon')} (Lua 5.4 in WebAssembly)`,
    language: 'lua',
    prepare(source, file) {
      thread.loadString(source, `@${file}`);
      const ref = BigInt(api.luaL_ref(L, LUA_REGISTRYINDEX));
      return () => {
        api.lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
        thread.assertOk(api.lua_pcallk(L, 0, 1, 0, 0, null));
        const value = api.lua_tonumberx(L, -1, null);
        api.lua_settop(L, 0);
        return value;
      };
    },
    prepareCompile(source, file) {
      // Copied into WebAssembly memory once, outside the timing.
      const size = api.module.lengthBytesUTF8(source);
      const buffer = api.module._malloc(size + 1);
      api.module.stringToUTF8(source, buffer, size + 1);
      return () => {
        thread.assertOk(api.luaL_loadbufferx(L, buffer, size, `@${file}`, null));
        api.lua_settop(L, 0);
      };
    },
    close() {
      engine.global.close();
    },
  };
}
