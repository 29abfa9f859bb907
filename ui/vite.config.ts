// Vite serves and bundles the studio's web UI; Tauri loads it from `dist/` (release)
// or from the dev server on port 1420 (`build.devUrl` in src-tauri/tauri.conf.json).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // Keep the Rust compiler's output visible when Tauri runs Vite as its dev server.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    // Cargo writes into src-tauri/target; watching it would reload the page on every build.
    watch: { ignored: ['**/src-tauri/**', '**/target/**'] },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK on Linux and Safari-based WKWebView on macOS: stay at ES2021.
    target: 'es2021',
    sourcemap: false,
    // ELK (1.5 MB) and CodeMirror load on first use, in their own chunks; the start-up chunk stays under 500 kB.
    chunkSizeWarningLimit: 1600,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
