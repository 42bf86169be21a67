import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../electron/core/app/createFileLogger.ts';
import { createRendererErrorLog } from '../../../electron/core/app/createRendererErrorLog.ts';
import { rememberSecret } from '../../../electron/core/base/secretRedactor.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** The log's text; the stream writes asynchronously, so a missing file reads as empty until it exists. */
function readLog(folder: string): string {
  const logs = path.join(folder, 'logs');
  return fs
    .readdirSync(logs)
    .map((file) => (fs.existsSync(path.join(logs, file)) ? fs.readFileSync(path.join(logs, file), 'utf8') : ''))
    .join('');
}

describe("the window's uncaught errors in main's log", () => {
  it('are written with their stack and where they happened, with every known secret replaced', async () => {
    const folder = tempFolder();
    const logger = await createFileLogger(folder, { stderr: false });
    const secret = 'session-1AbCdEf-secret-value';
    rememberSecret(secret);
    createRendererErrorLog(logger).report({
      kind: 'error',
      message: `Cannot read properties of undefined (reading 'id') near ${secret}`,
      stack: `TypeError: boom\n    at MessageRow (app://scrollback/assets/index.js:1:2345)\n    token ${secret}`,
      where: 'app://scrollback/assets/index.js:1:2345',
    });
    logger.flush();
    await expect.poll(() => readLog(folder), { timeout: 30_000 }).toContain('the window had an uncaught error');
    const log = readLog(folder);
    expect(log).toContain(
      "the window had an uncaught error at app://scrollback/assets/index.js:1:2345: Cannot read properties of undefined (reading 'id')",
    );
    expect(log).toContain('at MessageRow');
    expect(log).not.toContain(secret);
    expect(log).toContain('[secret]');
  });

  it('write at most 20 a minute, then one line saying how many were left out', () => {
    const lines: string[] = [];
    let now = 0;
    const log = createRendererErrorLog(
      { info: () => {}, warn: (message) => void lines.push(message), error: (message) => void lines.push(message) },
      () => now,
    );
    for (let i = 0; i < 500; i++) log.report({ kind: 'unhandledrejection', message: `loop ${i}`, stack: null, where: null });
    expect(lines).toHaveLength(20);
    now = 61_000;
    log.report({ kind: 'error', message: 'after a minute', stack: null, where: null });
    expect(lines.slice(20)).toEqual([
      '480 more errors in the window were not logged (more than 20 a minute)',
      'the window had an uncaught error: after a minute',
    ]);
  });
});
