import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard is built by the project's own build (`npm run build`) into web/dist, which
// `plan12b serve` serves at `/`. React's JSX is compiled by Oxc, Vite 8's transformer (no plugin
// needed).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // no warning that Vite's own CSS step took a tenth of the build: on a busy machine it always may
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  logLevel: 'warn',
});
