/** Where the core reports what a person debugging it needs. Secrets must never be passed to it. */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** Writes to stderr, so stdout stays clean for the CLI's `--json` output. */
export function createStderrLogger(minimum: 'info' | 'warn' | 'error' = 'warn'): Logger {
  const levels = { info: 0, warn: 1, error: 2 } as const;
  const write = (level: keyof typeof levels) => (message: string, detail?: unknown) => {
    if (levels[level] < levels[minimum]) return;
    const suffix = detail instanceof Error ? `: ${detail.message}` : detail === undefined ? '' : `: ${String(detail)}`;
    process.stderr.write(`[scrollback ${level}] ${message}${suffix}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
