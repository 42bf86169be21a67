import crypto from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

/** A page can hand over exports of a few gigabytes (a chat with its media, zipped); nothing larger. */
const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;
const TICKET_LIFETIME_MS = 10 * 60_000;

export interface HarnessFileTransfers {
  /** Where the preview writes an export (its "save dialog"): a new file in the exports folder. */
  exportTarget(suggestedName: string): string;
  /** Answers the transfer routes; false for any other request. `authorised`: the call carried the token. */
  handle(request: http.IncomingMessage, response: http.ServerResponse, url: URL, authorised: boolean): Promise<boolean>;
}

/** One path segment of a file name a page sent, or null when it is not a plain name. */
function safeSegment(segment: string): string | null {
  const cleaned = segment.replace(/[\u0000-\u001f<>:"|?*\\]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? null : cleaned.slice(0, 200);
}

function answer(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** A ticket request names the exported file to fetch; anything else is refused as outside the exports. */
const ticketRequestSchema = z.object({ path: z.string() });

const failure = (code: string, message: string) => ({ ok: false, error: { code, message } });

/**
 * What a browser page needs in place of the native dialogs: files it uploads (a picked or dropped export,
 * folders kept as folders) land under `folder/uploads/<batch>/`, where the importer reads them by path; an
 * export is written under `folder/exports/` and fetched back once through a single-use ticket, as a download.
 */
export function createHarnessFileTransfers(folder: string): HarnessFileTransfers {
  const uploads = path.join(folder, 'uploads');
  const exports = path.join(folder, 'exports');
  const tickets = new Map<string, { file: string; expires: number }>();

  async function receive(request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void> {
    const batch = url.searchParams.get('batch') ?? '';
    const name = String(request.headers['x-file-name'] ?? '');
    let segments: Array<string | null>;
    try {
      segments = decodeURIComponent(name).split('/').map(safeSegment);
    } catch {
      segments = [];
    }
    const relative = segments.filter((segment) => segment !== null);
    // The top-level name in the batch: the file itself, or the folder an upload of a folder lands in.
    const [topLevel] = relative;
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(batch) || topLevel === undefined || relative.length !== segments.length)
      return answer(response, 400, failure('INVALID_INPUT', 'An upload needs a batch id and a plain file name (x-file-name).'));
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_UPLOAD_BYTES) return answer(response, 413, failure('INVALID_INPUT', 'That file is larger than 8 GB.'));
    const target = path.join(uploads, batch, ...relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    let received = 0;
    try {
      await pipeline(
        request,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            received += chunk.length;
            if (received > MAX_UPLOAD_BYTES) throw new Error('larger than 8 GB');
            yield chunk;
          }
        },
        createWriteStream(target),
      );
    } catch (error) {
      // Nothing half-written is left for an import to read.
      await fs.rm(target, { force: true });
      if (!response.destroyed)
        answer(
          response,
          400,
          failure(
            'INVALID_INPUT',
            `The upload of ${relative.join('/')} did not complete: ${error instanceof Error ? error.message : String(error)}.`,
          ),
        );
      return;
    }
    answer(response, 200, { ok: true, value: { path: path.join(uploads, batch, topLevel) } });
  }

  async function issueTicket(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) {
      body += chunk;
      if (body.length > 10_000) return answer(response, 413, failure('INVALID_INPUT', 'Request too large.'));
    }
    let file: string;
    try {
      const ticket = ticketRequestSchema.safeParse(JSON.parse(body));
      file = path.resolve(ticket.success ? ticket.data.path : '');
    } catch {
      return answer(response, 400, failure('INVALID_INPUT', 'The request body is not JSON.'));
    }
    // Only what an export of this preview wrote can be fetched: never any other file of the computer.
    if (!file.startsWith(exports + path.sep))
      return answer(response, 403, failure('FORBIDDEN', 'Only exports of this preview can be downloaded.'));
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return answer(response, 404, failure('NOT_FOUND', `${path.basename(file)} is not there any more.`));
    const ticket = crypto.randomBytes(24).toString('base64url');
    const now = Date.now();
    for (const [key, held] of tickets) if (held.expires < now) tickets.delete(key);
    tickets.set(ticket, { file, expires: now + TICKET_LIFETIME_MS });
    answer(response, 200, { ok: true, value: { url: `/download/${ticket}` } });
  }

  async function send(response: http.ServerResponse, ticket: string): Promise<void> {
    const held = tickets.get(ticket);
    tickets.delete(ticket);
    if (!held || held.expires < Date.now()) return answer(response, 404, failure('NOT_FOUND', 'This download link has expired.'));
    const stat = await fs.stat(held.file).catch(() => null);
    if (!stat) return answer(response, 404, failure('NOT_FOUND', `${path.basename(held.file)} is not there any more.`));
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(stat.size),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(held.file))}`,
      'cache-control': 'no-store',
    });
    await pipeline(createReadStream(held.file), response).catch(() => undefined);
  }

  return {
    exportTarget(suggestedName) {
      const name = safeSegment(suggestedName) ?? 'export';
      const into = path.join(exports, crypto.randomBytes(6).toString('hex'));
      mkdirSync(into, { recursive: true });
      return path.join(into, name);
    },
    async handle(request, response, url, authorised) {
      if (request.method === 'GET' && url.pathname.startsWith('/download/')) {
        // The ticket, single-use and unguessable, stands for the token: a plain link can carry no header.
        await send(response, url.pathname.slice('/download/'.length));
        return true;
      }
      if (request.method !== 'POST' || (url.pathname !== '/upload' && url.pathname !== '/download-ticket')) return false;
      if (!authorised) {
        answer(response, 403, failure('FORBIDDEN', 'Missing or wrong harness token.'));
        return true;
      }
      await (url.pathname === '/upload' ? receive(request, response, url) : issueTicket(request, response));
      return true;
    },
  };
}
