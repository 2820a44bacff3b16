// Lua 5.3 on fengari, a Lua VM written in JavaScript: Cairn's closest peer.
// Chunks are loaded once and called per run; `min` is a JS function
// registered as a Lua global.
import fengari from 'fengari';
import { installedVersion } from './versions.js';

const { lua, lauxlib, lualib, to_luastring } = fengari;

export async function open() {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  lua.lua_pushcfunction(L, (state) => {
    lua.lua_pushnumber(state, Math.min(lauxlib.luaL_checknumber(state, 1), lauxlib.luaL_checknumber(state, 2)));
    return 1;
  });
  lua.lua_setglobal(L, to_luastring('min'));

  const check = (status) => {
    if (status !== lua.LUA_OK) {
      const message = lua.lua_tojsstring(L, -1);
      lua.lua_settop(L, 0);
      throw new Error(message);
    }
  };

  return {
    id: 'fengari',
    label: `fengari ${installedVersion('fengari')} (Lua 5.3 in JS)`,
    language: 'lua',
    prepare(source, file) {
      check(lauxlib.luaL_loadbuffer(L, to_luastring(source), null, to_luastring(`@${file}`)));
      const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
      return () => {
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
        check(lua.lua_pcall(L, 0, 1, 0));
        const value = lua.lua_tonumber(L, -1);
        lua.lua_settop(L, 0);
        return value;
      };
    },
    prepareCompile(source, file) {
      // The UTF-8 conversion happens once, outside the timing: the compiler alone is measured.
      const bytes = to_luastring(source);
      const name = to_luastring(`@${file}`);
      return () => {
        check(lauxlib.luaL_loadbuffer(L, bytes, null, name));
        lua.lua_settop(L, 0);
      };
    },
    close() {
      lua.lua_close(L);
    },
  };
}
