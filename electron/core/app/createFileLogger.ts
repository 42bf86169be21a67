import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import type { Logger } from '../base/Logger.ts';
import { redactSecrets } from '../base/secretRedactor.ts';
import { logFolderOf } from './logFolderOf.ts';

export { logFolderOf } from './logFolderOf.ts';

/** Keys whose values are never written, wherever they appear in a logged detail. */
const SECRET_KEYS = ['token', 'session', 'apiHash', 'password', 'phoneCodeHash', 'authorization', 'secret'];

/**
 * The log a user can find and send: JSON lines in <data folder>/logs/scrollback.N.log, rotated at 5 MB,
 * five files kept. Errors are written with their stack; known credential values and secret-named fields
 * are replaced before anything is written, and the home folder in paths is written `~` (a log is sent to
 * others). The folder is 0700 and its files 0600, as the database: only this user reads them. Warnings and
 * errors also go to stderr (for `npm run dev`).
 */
export async function createFileLogger(
  dataFolder: string,
  options: { stderr?: boolean; home?: string } = {},
): Promise<Logger & { folder: string; flush(): void }> {
  const folder = logFolderOf(dataFolder);
  keepPrivate(folder);
  // pino-roll hands its options on to SonicBoom, which opens each file with `mode` (left out of its types).
  const rollOptions: Parameters<typeof pinoRoll>[0] & { mode: number } = {
    file: path.join(folder, 'scrollback.log'),
    size: '5m',
    limit: { count: 4 },
    mode: 0o600,
  };
  const stream = await pinoRoll(rollOptions);
  const shorten = shortenHome(options.home ?? os.homedir());
  const log = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `detail.*.${key}`]), censor: '[secret]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  const write = (level: 'info' | 'warn' | 'error') => (message: string, detail?: unknown) => {
    const fields = detailFields(detail);
    log[level](scrub(fields, shorten), shorten(redactSecrets(message)));
    if (options.stderr !== false && level !== 'info')
      process.stderr.write(
        `[scrollback ${level}] ${redactSecrets(message)}${fields.error ? `: ${redactSecrets(fields.error.message)}` : ''}\n`,
      );
  };
  return { info: write('info'), warn: write('warn'), error: write('error'), folder, flush: () => log.flush() };
}

function detailFields(detail: unknown): { error?: { message: string; code?: string; stack?: string }; detail?: unknown } {
  if (detail === undefined) return {};
  if (detail instanceof Error) {
    const code = 'code' in detail ? detail.code : undefined;
    return {
      error: { message: detail.message, ...(typeof code === 'string' ? { code } : {}), ...(detail.stack ? { stack: detail.stack } : {}) },
    };
  }
  return { detail };
}

/** Credential values replaced, and paths shortened, in every string of what is about to be written. */
function scrub<T>(value: T, shorten: (text: string) => string): T {
  if (typeof value === 'string') return shorten(redactSecrets(value)) as T;
  if (Array.isArray(value)) return value.map((inner: unknown) => scrub(inner, shorten)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner, shorten)])) as T;
  return value;
}

/** The log folder, created 0700 (and made so if an older version created it readable by others), its files 0600. */
function keepPrivate(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.chmodSync(folder, 0o700);
  for (const name of fs.readdirSync(folder)) {
    try {
      fs.chmodSync(path.join(folder, name), 0o600);
    } catch {
      // Removed meanwhile (rotation): nothing to protect.
    }
  }
}

/** Paths under the home folder written from `~` (the user's name is in the home folder's path). */
function shortenHome(home: string): (text: string) => string {
  const trimmed = home.replace(/[\\/]+$/, '');
  if (trimmed.length < 2) return (text) => text;
  const pattern = new RegExp(trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?=[\\\\/]|$|[^\\w.-])', 'g');
  return (text) => text.replace(pattern, '~');
}
