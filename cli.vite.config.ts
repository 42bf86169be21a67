import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * JSON files (the message catalogs, about 300 KB) as `JSON.parse` of a string rather than an object literal:
 * V8 parses JSON several times faster than it compiles and runs the same literal, and every command starts
 * with the catalogs loaded.
 */
function jsonAsParse(): Plugin {
  return {
    name: 'scrollback-json-as-parse',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('.json')) return null;
      const text = JSON.stringify(JSON.parse(readFileSync(id, 'utf8')));
      return { code: `export default JSON.parse(${JSON.stringify(text)});`, moduleType: 'js' };
    },
  };
}

// The `scrollback` command as one bundle for plain Node (bin/scrollback.js runs it): starting it then reads
// a few files instead of stripping types from dozens of TypeScript modules. Dependencies other than zod
// stay external (node_modules); the import/export worker is a second entry beside it.
export default defineConfig({
  // zod is bundled (tree-shaken) rather than loaded from node_modules: importing the whole package costs
  // about as much as everything else the command does.
  ssr: { noExternal: ['zod'] },
  plugins: [jsonAsParse()],
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
