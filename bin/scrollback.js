#!/usr/bin/env node
// The `scrollback` command. Runs the TypeScript CLI directly (Node >= 22.18 strips types natively);
// the one experimental-feature warning that prints is hidden so scripts see clean stderr.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'ExperimentalWarning') return;
  return emitWarning.call(process, warning, ...rest);
};
await import(new URL('../electron/cli/main.ts', import.meta.url).href);
