import path from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import type { Logger } from '../base/Logger.ts';
import { redactSecrets } from '../base/secretRedactor.ts';

/** The log folder inside the data folder. */
export function logFolderOf(dataFolder: string): string {
  return path.join(dataFolder, 'logs');
}

/** Keys whose values are never written, wherever they appear in a logged detail. */
const SECRET_KEYS = ['token', 'session', 'apiHash', 'password', 'phoneCodeHash', 'authorization', 'secret'];

/**
 * The log a user can find and send: JSON lines in <data folder>/logs/scrollback.N.log, rotated at 5 MB,
 * five files kept. Errors are written with their stack; known credential values and secret-named fields
 * are replaced before anything is written. Warnings and errors also go to stderr (for `npm run dev`).
 */
export async function createFileLogger(
  dataFolder: string,
  options: { stderr?: boolean } = {},
): Promise<Logger & { folder: string; flush(): void }> {
  const folder = logFolderOf(dataFolder);
  const stream = await pinoRoll({ file: path.join(folder, 'scrollback.log'), size: '5m', limit: { count: 4 }, mkdir: true });
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
    log[level](scrub(fields), redactSecrets(message));
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
    const code = (detail as { code?: unknown }).code;
    return {
      error: { message: detail.message, ...(typeof code === 'string' ? { code } : {}), ...(detail.stack ? { stack: detail.stack } : {}) },
    };
  }
  return { detail };
}

/** Credential values replaced in every string of what is about to be written. */
function scrub<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map(scrub) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)])) as T;
  return value;
}
