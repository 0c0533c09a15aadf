import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard is built by the project's own build (`npm run build`) into web/dist, which
// `plan12b serve` serves at `/`. React's JSX is compiled by esbuild (no plugin needed).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  logLevel: 'warn',
});
