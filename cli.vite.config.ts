import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The `scrollback` command as one bundle for plain Node (bin/scrollback.js runs it): starting it then reads
// a few files instead of stripping types from dozens of TypeScript modules. Dependencies other than zod
// stay external (node_modules); the import/export worker is a second entry beside it.
export default defineConfig({
  // zod is bundled (tree-shaken) rather than loaded from node_modules: importing the whole package costs
  // about as much as everything else the command does.
  ssr: { noExternal: ['zod'] },
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'electron/cli/main.ts'),
        coreWorker: resolve(import.meta.dirname, 'electron/core/app/coreWorker.ts'),
        // Reads Telegram Desktop HTML pages beside the import (see readTelegramHtmlChat.ts).
        telegramHtmlWorker: resolve(import.meta.dirname, 'electron/core/import/telegram-html/telegramHtmlWorker.ts'),
      },
      // Flat, so the worker is always at ./coreWorker.js from whichever file starts it (runCoreWorker.ts).
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
