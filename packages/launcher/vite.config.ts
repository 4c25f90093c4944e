import { defineConfig } from 'vite';

/**
 * The launcher is served by the API on the content origin: the page at `/rt/<attemptId>/` and its
 * assets under `/rt/_launcher/` (see /work/notes/runtime-wire.md and docs/architecture.md).
 */
export default defineConfig({
  base: '/rt/_launcher/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
});
