/** Every failure that crosses a boundary (IPC, CLI, HTTP harness) carries one of these codes. */
export type ErrorCode =
  | 'INVALID_INPUT'
  /** Something of the kind is already running (an import, an export); wait for it or cancel it. */
  | 'BUSY'
  /** A thing named by id (an earlier export, a job) does not exist. */
  | 'NOT_FOUND'
  | 'INVALID_FILE'
  | 'DISK_FULL'
  | 'CHAT_NOT_FOUND'
  | 'MESSAGE_NOT_FOUND'
  | 'SOURCE_NOT_FOUND'
  | 'DB_CORRUPT'
  | 'DB_TOO_NEW'
  | 'DB_UNWRITABLE'
  | 'SOURCE_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'AUTH_REQUIRED'
  | 'CANCELLED'
  | 'FORBIDDEN'
  | 'INTERNAL';

/** The serialisable form of an error. Stacks never cross; they stay in the main process's log. */
export interface ErrorData {
  code: ErrorCode;
  message: string;
  /** Set when the caller may retry after this many milliseconds (rate limits, flood waits). */
  retryAfterMs?: number;
}

export class ScrollbackError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ScrollbackError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
  }

  toData(): ErrorData {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }

  static fromData(data: ErrorData): ScrollbackError {
    return new ScrollbackError(data.code, data.message, { retryAfterMs: data.retryAfterMs });
  }
}

let internalMessage = 'Something went wrong inside Scrollback. The details are in the log.';

/** The generic message in the process's language (the core's translator sets it; shared imports no catalog). */
export function setInternalErrorMessage(message: string): void {
  internalMessage = message;
}

/** Any thrown value as data: unknown errors become INTERNAL with a generic message (details go to the log). */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof ScrollbackError) return error.toData();
  return { code: 'INTERNAL', message: internalMessage };
}
