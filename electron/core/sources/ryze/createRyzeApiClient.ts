import type { SourceRetry } from '../../../../shared/ipc/events.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { createRequestLimiter, systemClock, type Clock } from '../createRequestLimiter.ts';
import { secondsInWords } from '../waitWithDeadline.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** One message as RyzeAPI returns it. */
export interface RyzeMessage {
  id: string;
  fromMe: boolean;
  /** RFC 3339, possibly with an offset. */
  timestamp: string;
  content: string;
  type: string;
  chatJid: string;
  senderJid: string;
}

export interface RyzeHistoryRequest {
  number: string;
  count: number;
  /** Inclusive bounds, epoch ms (sent as ISO 8601 UTC). */
  from?: number;
  to?: number;
}

export interface RyzeHistoryResponse {
  chatJid: string;
  /** Newest first, as the API sends them. */
  messages: RyzeMessage[];
  hasMore: boolean;
}

export interface RyzeClientOptions {
  baseUrl: string;
  instance: string;
  /** The credential. Kept only in this closure: never logged, never put in an error message. */
  token: string;
  clock?: Clock;
  timeoutMs?: number;
  maxAttempts?: number;
  /** A Retry-After longer than this is not slept through: the caller gets RATE_LIMITED with the wait. */
  maxRetryAfterMs?: number;
  /** Hears each retry as it is scheduled, and `null` once an answer came after retries (for the window). */
  onRetry?: (retry: SourceRetry | null) => void;
}

export const RYZE_DEFAULT_BASE_URL = 'https://ryzeapi.cloud';
/** Of the minute's budget, what media downloads leave for history pages, which the window waits for first. */
const RESERVED_FOR_HISTORY = 20;
/** RyzeAPI's media answer: the file in base64 (only for media its ingestion stored). */
export interface RyzeMedia {
  mimeType: string;
  mediaType: string;
  bytes: Buffer;
}
/** The documented global limit: 100 requests per minute. */
const REQUESTS_PER_MINUTE = 100;

/**
 * The one module that talks HTTP to RyzeAPI: token header, client-side rate limit, bounded retries with
 * exponential backoff on timeouts and 5xx, Retry-After honoured on 429, and each documented error turned
 * into a clear, typed error. Nothing is returned (so nothing is stored) unless the request succeeded.
 */
export function createRyzeApiClient(options: RyzeClientOptions) {
  const clock = options.clock ?? systemClock;
  const limiter = createRequestLimiter({ maxRequests: REQUESTS_PER_MINUTE, windowMs: 60_000, clock });
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/chat/history/${encodeURIComponent(options.instance)}`;

  async function attempt(body: string, signal?: AbortSignal): Promise<{ status: number; json: unknown; retryAfterMs: number | null }> {
    await limiter.acquire(signal);
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', token: options.token },
      body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const json = parseJsonOrNull(await response.text());
    const retryAfter = response.headers.get('retry-after');
    const retryAfterMs =
      retryAfter === null
        ? null
        : Number.isFinite(Number(retryAfter))
          ? Number(retryAfter) * 1000
          : Math.max(0, Date.parse(retryAfter) - Date.now());
    return { status: response.status, json, retryAfterMs };
  }

  return {
    /**
     * A message's media (`GET /api/chat/base64/{instance}?messageId=…`), counted in the same 100 a minute
     * but never taking the last of it from history pages. Null: RyzeAPI has no media for it (404).
     */
    async fetchMedia(messageId: string, signal?: AbortSignal): Promise<RyzeMedia | null> {
      let response: Response;
      let json: unknown;
      try {
        await limiter.acquire(signal, RESERVED_FOR_HISTORY);
        const timeout = AbortSignal.timeout(timeoutMs * 3);
        response = await fetch(
          `${options.baseUrl.replace(/\/+$/, '')}/api/chat/base64/${encodeURIComponent(options.instance)}?messageId=${encodeURIComponent(messageId)}`,
          { headers: { token: options.token }, signal: signal ? AbortSignal.any([signal, timeout]) : timeout },
        );
        json = parseJsonOrNull(await response.text());
      } catch (error) {
        if (signal?.aborted) throw new ScrollbackError('CANCELLED', translator()('error.download.cancelled'));
        throw new ScrollbackError(
          'SOURCE_UNAVAILABLE',
          (error as Error).name === 'TimeoutError'
            ? translator()('error.ryze.mediaTimeout', { wait: secondsInWords(timeoutMs * 3) })
            : translator()('error.ryze.mediaFailed'),
        );
      }
      if (response.status === 404) return null;
      if (response.status === 503)
        throw new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.ryze.instanceDisconnected', { instance: options.instance }));
      const media = json as { mime_type?: unknown; media_type?: unknown; base64?: unknown } | null;
      if (response.status !== 200 || !media || typeof media.base64 !== 'string' || typeof media.mime_type !== 'string')
        throw documentedError(response.status, errorMessageOf(json), options.instance);
      return { mimeType: media.mime_type, mediaType: String(media.media_type ?? ''), bytes: Buffer.from(media.base64, 'base64') };
    },
    async fetchHistory(request: RyzeHistoryRequest, signal?: AbortSignal): Promise<RyzeHistoryResponse> {
      try {
        return await fetchHistoryOnce(request, signal);
      } catch (error) {
        // Cancel during a wait (the rate limit, a backoff) says so in words, as during the request.
        if (signal?.aborted && !(error instanceof ScrollbackError))
          throw new ScrollbackError('CANCELLED', translator()('error.request.cancelled'));
        throw error;
      }
    },
  };

  /** One history request: its attempts, retries and waits. */
  async function fetchHistoryOnce(request: RyzeHistoryRequest, signal?: AbortSignal): Promise<RyzeHistoryResponse> {
    const body = JSON.stringify({
      number: request.number,
      count: request.count,
      ...(request.from !== undefined ? { from: new Date(request.from).toISOString() } : {}),
      ...(request.to !== undefined ? { to: new Date(request.to).toISOString() } : {}),
    });
    let lastProblem = translator()('error.ryze.problem', { kind: 'noAnswer' });
    let retried = false;
    /** Waits before the next attempt, saying so first (unless this was the last). */
    const retryAfter = async (attemptNumber: number, waitMs: number) => {
      if (attemptNumber < maxAttempts) {
        retried = true;
        options.onRetry?.({ attempt: attemptNumber + 1, of: maxAttempts, nextAt: clock.now() + waitMs, problem: lastProblem });
        await clock.sleep(waitMs, signal);
      }
    };
    for (let attemptNumber = 1; attemptNumber <= maxAttempts; attemptNumber++) {
      let result: Awaited<ReturnType<typeof attempt>>;
      try {
        result = await attempt(body, signal);
      } catch (error) {
        if (signal?.aborted) throw new ScrollbackError('CANCELLED', translator()('error.request.cancelled'));
        lastProblem =
          (error as Error).name === 'TimeoutError'
            ? translator()('error.ryze.problem', { kind: 'timeout', wait: secondsInWords(timeoutMs) })
            : translator()('error.ryze.problem', { kind: 'connectionFailed' });
        await retryAfter(attemptNumber, backoffMs(attemptNumber));
        continue;
      }
      const { status, json, retryAfterMs } = result;
      if (status === 200 && isHistory(json)) {
        if (retried) options.onRetry?.(null);
        return { chatJid: json.chat_jid, messages: json.messages, hasMore: json.hasMore };
      }
      if (status === 429) {
        const wait = retryAfterMs ?? backoffMs(attemptNumber);
        if (wait > (options.maxRetryAfterMs ?? 120_000))
          throw new ScrollbackError('RATE_LIMITED', translator()('error.ryze.wait', { seconds: Math.ceil(wait / 1000) }), {
            retryAfterMs: wait,
          });
        lastProblem = translator()('error.ryze.problem', { kind: 'wait', seconds: Math.ceil(wait / 1000) });
        retried = true;
        options.onRetry?.({ attempt: attemptNumber + 1, of: maxAttempts, nextAt: clock.now() + wait, problem: lastProblem });
        await clock.sleep(wait, signal);
        continue;
      }
      if (status >= 500 || status === 200) {
        lastProblem =
          status === 200
            ? translator()('error.ryze.problem', { kind: 'notHistory' })
            : translator()('error.ryze.problem', { kind: 'serverError', status: String(status) });
        await retryAfter(attemptNumber, backoffMs(attemptNumber));
        continue;
      }
      if (retried) options.onRetry?.(null);
      throw documentedError(status, errorMessageOf(json), options.instance);
    }
    options.onRetry?.(null);
    throw new ScrollbackError(
      'SOURCE_UNAVAILABLE',
      translator()('error.ryze.unreachable', { problem: lastProblem, attempts: maxAttempts }),
    );
  }
}

/** A body as JSON, or null when it is not JSON (a proxy's HTML error page). */
function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function backoffMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** (attempt - 1));
}

function isHistory(json: unknown): json is { chat_jid: string; messages: RyzeMessage[]; hasMore: boolean } {
  const value = json as { success?: unknown; messages?: unknown; chat_jid?: unknown } | null;
  return value !== null && typeof value === 'object' && value.success === true && Array.isArray(value.messages);
}

function errorMessageOf(json: unknown): string {
  const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message.slice(0, 300) : 'no error message';
}

/** The documented errors, each with what it means for the person using Scrollback. */
function documentedError(status: number, serverMessage: string, instance: string): ScrollbackError {
  if (status === 401) return new ScrollbackError('AUTH_REQUIRED', translator()('error.ryze.token', { server: serverMessage, instance }));
  if (status === 404)
    return new ScrollbackError('SOURCE_NOT_FOUND', translator()('error.ryze.noInstance', { server: serverMessage, instance }));
  if (/from' date format/.test(serverMessage))
    return new ScrollbackError('INVALID_INPUT', translator()('error.ryze.startDate', { server: serverMessage }));
  if (/to' date format/.test(serverMessage))
    return new ScrollbackError('INVALID_INPUT', translator()('error.ryze.endDate', { server: serverMessage }));
  if (/Number is required/.test(serverMessage)) return new ScrollbackError('INVALID_INPUT', translator()('error.ryze.needsNumber'));
  if (/Instance name is required/.test(serverMessage))
    return new ScrollbackError('INVALID_INPUT', translator()('error.ryze.needsInstance'));
  return new ScrollbackError('INVALID_INPUT', translator()('error.ryze.refused', { status, server: serverMessage }));
}
