import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is served by the gateway at `/` (same origin as /api). In `vite dev` the API is proxied to a running
// gateway (DEALGATE_URL, default http://localhost:3000).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json: which chunks and styles each route loads (read by `npm run bench:console`).
    manifest: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); a client-only bundle ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': { target: process.env.DEALGATE_URL ?? 'http://localhost:3000', changeOrigin: true } },
  },
});
