import { defineConfig } from 'vitest/config';

// End-to-end journeys: Playwright (playwright-core) in Debian Chromium against the web
// host serving the built renderer. Run after `npm run build:renderer`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
