import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { CHANNEL_NAMES } from './src-shared/contract';
import { EVENT_NAMES } from './src-shared/events';
import { rendererConfig } from './vite.renderer.config';

// `electron-vite build` → out/main (ESM, package.json has "type": "module"),
// out/preload/index.cjs (CommonJS: a sandboxed preload cannot load ES modules and can only
// `require('electron')`, so everything it needs is bundled into that one file) and
// out/renderer (the same bundle `npm run web` serves).
//
// The preload's allow-lists are the contract's names, computed here from src-shared at
// build time and written in as literals: the preload stays a few dozen auditable lines
// instead of carrying zod and every schema into the page's isolated world.

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (...parts: string[]) => resolve(root, ...parts);

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // Every package.json dependency stays external and is loaded from node_modules at
      // run time (electron-builder packs the production dependencies). Native modules must:
      // their .node binaries cannot be bundled and are unpacked from the asar (see
      // build/electron-builder.yml). Listed explicitly so they stay external even if they
      // ever move out of "dependencies".
      externalizeDeps: { include: ['better-sqlite3', '@node-rs/argon2'] },
      rolldownOptions: {
        // The worker thread's entry (src-main/workers/spawn.ts finds it next to index.js).
        input: { index: at('src-main/index.ts'), jobWorker: at('src-main/workers/jobWorker.ts') },
      },
    },
  },
  preload: {
    define: {
      __SERVICELOOP_CHANNEL_NAMES__: JSON.stringify(CHANNEL_NAMES),
      __SERVICELOOP_EVENT_NAMES__: JSON.stringify(EVENT_NAMES),
    },
    build: {
      outDir: at('out/preload'),
      // Bundle everything; nothing but 'electron' may be left to `require`.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('src-main/electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    // electron-vite resolves a relative renderer outDir against the project, not against
    // `root`, so both are given as absolute paths to land exactly where the web host looks.
    root: at('src-renderer'),
    build: {
      ...rendererConfig.build,
      outDir: at('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: at('src-renderer/index.html') },
    },
  },
});
