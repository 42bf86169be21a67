import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileLogger } from '../../../electron/core/app/createFileLogger.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Every log file's text, once `expected` has been written (the log stream writes asynchronously). */
async function logTextWith(logs: string, expected: string): Promise<string> {
  let text = '';
  await vi.waitFor(
    () => {
      text = fs
        .readdirSync(logs)
        .map((name) => fs.readFileSync(path.join(logs, name), 'utf8'))
        .join('');
      expect(text).toContain(expected);
    },
    { timeout: 30_000, interval: 20 },
  );
  return text;
}

describe('the log files are private, and name paths without the home folder', () => {
  it('creates the folder 0700 and its files 0600', async () => {
    const data = tempFolder();
    const logger = await createFileLogger(data, { stderr: false });
    logger.warn('something to write');
    logger.flush();
    const logs = path.join(data, 'logs');
    await logTextWith(logs, 'something to write');
    expect(modeOf(logs)).toBe(0o700);
    const files = fs.readdirSync(logs);
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) expect(modeOf(path.join(logs, name))).toBe(0o600);
  });

  it('makes a folder and files an earlier version left readable by others private', async () => {
    const data = tempFolder();
    const logs = path.join(data, 'logs');
    fs.mkdirSync(logs, { mode: 0o755 });
    fs.chmodSync(logs, 0o755);
    fs.writeFileSync(path.join(logs, 'scrollback.1.log'), '{"msg":"old"}\n', { mode: 0o644 });
    fs.chmodSync(path.join(logs, 'scrollback.1.log'), 0o644);
    const logger = await createFileLogger(data, { stderr: false });
    logger.info('new');
    logger.flush();
    await logTextWith(logs, '"new"');
    expect(modeOf(logs)).toBe(0o700);
    for (const name of fs.readdirSync(logs)) expect(modeOf(path.join(logs, name))).toBe(0o600);
  });

  it('writes the home folder as ~ in messages and error details (a failed import names its file so)', async () => {
    const home = tempFolder();
    const data = path.join(home, '.config', 'Scrollback');
    const file = path.join(home, 'Downloads', 'Telegram Desktop', 'result.json');
    const logger = await createFileLogger(data, { stderr: false, home });
    logger.warn(`import of ${file} failed`, new ScrollbackError('INVALID_FILE', `${file} is not a Telegram export.`));
    logger.warn('a neighbour of home', { path: `${home}-other/x.json` });
    logger.flush();
    const text = await logTextWith(path.join(data, 'logs'), 'a neighbour of home');
    expect(text).toContain('import of ~/Downloads/Telegram Desktop/result.json failed');
    expect(text).toContain('~/Downloads/Telegram Desktop/result.json is not a Telegram export.');
    expect(text).not.toContain(`${home}/`);
    // Only the home folder itself, never a folder whose name merely begins the same way.
    expect(text).toContain(`${home}-other/x.json`);
  });
});
