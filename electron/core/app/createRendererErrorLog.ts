import type { Logger } from '../base/Logger.ts';

export interface RendererErrorReport {
  kind: 'error' | 'unhandledrejection';
  message: string;
  stack: string | null;
  where: string | null;
}

/** At most this many window errors are logged a minute; past it, one line says how many were left out. */
const ERRORS_PER_MINUTE = 20;

/**
 * The window's uncaught errors and rejections, written to main's log: the logger redacts secrets (as for
 * every line), and a window stuck in a loop of errors writes at most `ERRORS_PER_MINUTE` a minute, then says
 * how many it left out, so the log cannot grow without bound.
 */
export function createRendererErrorLog(logger: Logger, now: () => number = Date.now) {
  let windowStart = now();
  let logged = 0;
  let dropped = 0;
  return {
    report(report: RendererErrorReport): void {
      if (now() - windowStart >= 60_000) {
        if (dropped > 0) logger.warn(`${dropped} more errors in the window were not logged (more than ${ERRORS_PER_MINUTE} a minute)`);
        windowStart = now();
        logged = 0;
        dropped = 0;
      }
      if (logged >= ERRORS_PER_MINUTE) {
        dropped++;
        return;
      }
      logged++;
      const what = report.kind === 'error' ? 'uncaught error' : 'unhandled rejection';
      const error = Object.assign(new Error(report.message), { stack: report.stack ?? `Error: ${report.message}` });
      logger.error(`the window had an ${what}${report.where ? ` at ${report.where}` : ''}: ${report.message}`, error);
    },
  };
}
