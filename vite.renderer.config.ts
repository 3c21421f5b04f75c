import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// The renderer build, shared by `npm run web` (web host) and electron-vite (desktop app),
// so both serve the very same bundle from out/renderer.
export const rendererConfig: UserConfig = {
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
};

export default defineConfig(rendererConfig);
