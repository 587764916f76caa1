// Vite config for the renderer: `vite build --config renderer/vite.config.ts` from the repo root.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
// With the extension: Vite's native config loader (a future default) needs it.
import { cesiumStatic } from './build/cesiumStatic.ts';
import { knockoutNoEval } from './build/knockoutNoEval.ts';

const rendererDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(rendererDir, '..');

// The dev server and `vite preview` forward the API and the live link to a running server node.
const serverTarget = process.env.CITY_OPS_SERVER ?? 'http://127.0.0.1:5870';
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: serverTarget },
  '/socket.io': { target: serverTarget, ws: true },
};

export default defineConfig({
  root: rendererDir,
  // Relative URLs: the same build loads from http://, file:// and app:// (Electron).
  base: './',
  plugins: [react(), cesiumStatic(), knockoutNoEval()],
  resolve: {
    alias: { '@contract': path.join(repoDir, 'contract') },
  },
  server: {
    proxy,
    fs: { allow: [repoDir] },
  },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Cesium alone is several MB; it is loaded on demand in its own chunk.
    chunkSizeWarningLimit: 6_000,
  },
});
