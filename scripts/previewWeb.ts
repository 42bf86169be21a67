// `npm run preview:web -- --port N`: the real renderer in any browser, on the real core and the current
// database (SCROLLBACK_DB or the default), over the loopback harness. Builds the renderer first if needed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCoreHandlers } from '../electron/core/app/createCoreHandlers.ts';
import { createStderrLogger } from '../electron/core/base/Logger.ts';
import { createFileLogger } from '../electron/core/app/createFileLogger.ts';
import { createMemorySecretStore } from '../electron/core/base/SecretStore.ts';
import { openScrollbackCore } from '../electron/core/app/openScrollbackCore.ts';
import { resolveDatabasePath } from '../electron/core/app/resolveDatabasePath.ts';
import { startLoopbackHarness } from '../electron/harness/startLoopbackHarness.ts';
import { createHarnessFileTransfers } from '../electron/harness/createHarnessFileTransfers.ts';

const { values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' }, latency: { type: 'string' } } });
const port = values.port ? Number(values.port) : 0;

/** A port taken by another program (or no port at all) is the person's to change: one line saying how, no stack. */
function portProblem(error: unknown, wanted: number): string | null {
  const code = error instanceof Error && 'code' in error ? error.code : null;
  const why =
    code === 'EADDRINUSE'
      ? `port ${wanted} is already in use`
      : code === 'EACCES'
        ? `port ${wanted} may not be used by this user`
        : code === 'ERR_SOCKET_BAD_PORT'
          ? `“${values.port ?? ''}” is not a port number`
          : null;
  return why === null ? null : `preview:web: ${why}; choose another with --port N (--port 0: any free one).`;
}

// Asked before the renderer is built and the archive opened, so a busy port costs nothing; the real listen
// below says the same if another program takes the port in between.
if (port !== 0) {
  const problem = await new Promise<string | null>((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error) => resolve(portProblem(error, port)));
    try {
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(null)));
    } catch (error) {
      resolve(portProblem(error, port));
    }
  });
  if (problem !== null) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
const root = path.resolve(import.meta.dirname, '..');
const rendererFolder = path.join(root, 'out/renderer');
if (!fs.existsSync(path.join(rendererFolder, 'index.html'))) {
  process.stderr.write('Building the renderer…\n');
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    stdio: 'inherit',
    cwd: root,
  });
}
const databasePath = resolveDatabasePath({ flag: values.db });
// The same log file as the app's, beside the database (logs/).
const logger = await createFileLogger(path.dirname(databasePath)).catch(() => createStderrLogger('info'));
// The preview keeps credentials in memory only: nothing typed into it is written anywhere.
const secrets = createMemorySecretStore();
const core = openScrollbackCore({
  secrets,
  databasePath,
  logger,
  demo: { latencyMs: values.latency ? Number(values.latency) : 0 },
  listen: true,
  keepUpToDateEveryMs: 15 * 60_000,
});
if (core.listSources().length === 0) await core.setUpDemo();
// Files the page uploads to import, and exports it downloads, pass through a temporary folder removed on exit.
const transfersFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-preview-'));
const transfers = createHarnessFileTransfers(transfersFolder);
const harness = await startLoopbackHarness({
  handlers: createCoreHandlers(core, {
    version: 'web-preview',
    logger,
    openExternalLink: (url) => logger.info(`would open ${url} in the system browser`),
    // A browser page has no native dialogs: it uploads what to import (a file input or a drop) and
    // downloads what an export wrote.
    chooseFilesToImport: async () => null,
    chooseExportTarget: async (suggestedName) => transfers.exportTarget(suggestedName),
    showInFolder: (file) => logger.info(`would show ${file} in the file manager`),
  }),
  rendererFolder,
  events: core.events,
  transfers,
  mediaFor: (pathname) => core.mediaFileFor(pathname),
  port,
  logger,
}).catch(async (error: unknown) => {
  const problem = portProblem(error, port);
  if (problem === null) throw error;
  process.stderr.write(`${problem}\n`);
  await core.close();
  fs.rmSync(transfersFolder, { recursive: true, force: true });
  process.exit(1);
});
process.stdout.write(`Scrollback is at ${harness.url}\n(database: ${core.databasePath}; Ctrl+C to stop)\n`);
const stop = async () => {
  await harness.close();
  await core.close();
  fs.rmSync(transfersFolder, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
