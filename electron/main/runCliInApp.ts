import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from 'electron';
import { useImageBackend } from '../core/files/imageCodec.ts';
import { createChromiumImageBackend } from './chromiumImageBackend.ts';

/**
 * Runs the `scrollback` command inside the app binary, with no window, and exits with its code. The command
 * is the same bundle `bin/scrollback.js` runs under Node (out/cli/main.js, inside the app's asar); it reads
 * its arguments from process.argv as Node lays them out. It opens the archive as a second process beside a
 * running window would: the archive is shared safely between processes (see the README's data section).
 */
export async function runCliInApp(args: string[]): Promise<void> {
  app.dock?.hide();
  // As in the window: on Linux, pictures (the demo's, thumbnails) are drawn by Chromium, never by libvips here.
  if (process.platform === 'linux') useImageBackend(createChromiumImageBackend());
  process.argv = [process.execPath, 'scrollback', ...args];
  const bundle = path.join(import.meta.dirname, '../cli/main.js');
  try {
    await import(pathToFileURL(bundle).href);
  } catch (error) {
    process.stderr.write(`Scrollback's command line could not start (${error instanceof Error ? error.message : String(error)}).\n`);
    process.exitCode = 1;
  }
  // Let what the command printed reach the terminal before the process ends.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  app.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}
