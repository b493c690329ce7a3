import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Written without node:url so that web/tsconfig.json needs no Node typings.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * The web app is built into web/dist and served by the Yangfan server; during development
 * Vite serves it and forwards /api to a server running on port 3000.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The first page stays small: pages and ECharts are split into lazily loaded chunks.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
