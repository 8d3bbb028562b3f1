import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The shared package is plain TypeScript: bundling its source (not its CommonJS dist) lets the bundler
// tree-shake the labels and rules down to what the console uses.
const sharedSource = fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@jingcai/shared': sharedSource } },
  server: { port: Number(process.env.CONSOLE_PORT ?? 10300), host: '127.0.0.1' },
  build: {
    target: 'es2020',
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // React and antd change rarely: one long-cached vendor chunk each; each page is its own chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](\.pnpm[\\/])?(react|react-dom|scheduler|react-router)[@\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
