import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // Forms driven by user-event in jsdom take seconds on a loaded two-core machine (7.4 s seen): 5 s is too tight.
    testTimeout: 20_000,
  },
});
