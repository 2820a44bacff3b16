// Builds the web player into dist/player-web/: index.html (the element filling
// the page), cairn-player.js (the element; PixiJS and Howler in chunks of
// their own so their share of the size shows), and the game Worker. Relative
// paths only, so the folder works from any URL and offline. cairn-dev.js is
// `cairn dev`'s page client: only the dev server's page loads it, and web
// exports leave it out (player/cli/web-export.ts).

import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Howler's core assigns window.Howler, window.Howl, window.Sound and
 * window.HowlerGlobal: an embedded player must not add globals to the page
 * (nor clash with a page's own Howler). The build cuts those lines and fails
 * loudly if a Howler update changes them.
 */
function howlerWithoutGlobals(): Plugin {
  const blocks = ["if (typeof global !== 'undefined') {", "} else if (typeof window !== 'undefined') {"];
  return {
    name: 'cairn-howler-without-globals',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/howler/src/howler.core.js')) return null;
      let out = code;
      for (const block of blocks) {
        if (!out.includes(block)) throw new Error(`howler.core.js changed: cannot find "${block}" to keep Howler off window`);
        out = out.replace(block, block.replace(/typeof (global|window) !== 'undefined'/, 'false'));
      }
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [howlerWithoutGlobals()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/player-web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // <link rel="modulepreload"> for the chunks, so they load beside cairn-player.js, not after it.
    modulePreload: { polyfill: false },
    // Pixi is large by nature; the bench reports its share separately.
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      input: { index: fileURLToPath(new URL('index.html', import.meta.url)), 'cairn-dev': fileURLToPath(new URL('dev/dev-client.ts', import.meta.url)) },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'cairn-dev' ? 'cairn-dev.js' : 'cairn-player.js'),
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        manualChunks(id: string) {
          if (id.includes('/node_modules/pixi.js/') || id.includes('/node_modules/@pixi/')) return 'vendor-pixi';
          if (id.includes('/node_modules/howler/')) return 'vendor-howler';
          // Its own chunk, imported first, so it runs before PixiJS's evaluates (player/web/boot.ts).
          if (id.endsWith('/player/web/boot.ts') || id.endsWith('/player/web/element/worker-start.ts')) return 'boot';
          return undefined;
        },
      },
    },
  },
  worker: {
    format: 'es',
    rolldownOptions: {
      output: { entryFileNames: 'assets/cairn-worker-[hash].js', chunkFileNames: 'assets/worker-[name]-[hash].js' },
    },
  },
});
