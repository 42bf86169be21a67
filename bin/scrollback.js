#!/usr/bin/env node
// The `scrollback` command. Runs the built bundle (out/cli, made by `npm run build`), which starts in a
// fraction of the time; from a checkout without a build, or with SCROLLBACK_CLI_FROM_SOURCE=1, it runs the
// TypeScript directly (Node >= 22.18 strips types natively), hiding the one experimental-feature warning.
import { existsSync } from 'node:fs';
import module from 'node:module';

// On a Node too old for Scrollback: one line saying which is needed, and exit 1.
module.createRequire(import.meta.url)('../scripts/checkNode.cjs');

// Node keeps the compiled code of the bundle on disk (in the OS temp folder) and reuses it on the next
// start: about a third of a cold start is compiling JavaScript.
module.enableCompileCache?.();

const bundle = new URL('../out/cli/main.js', import.meta.url);
if (existsSync(bundle) && process.env.SCROLLBACK_CLI_FROM_SOURCE !== '1') {
  await import(bundle.href);
} else {
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
    if (type === 'ExperimentalWarning') return;
    return emitWarning.call(process, warning, ...rest);
  };
  await import(new URL('../electron/cli/main.ts', import.meta.url).href);
}
