import type { ChatMessage } from '../../../shared/domain.ts';
import type { ExportRequest } from '../../../shared/exporting.ts';
import type { CacheDatabase } from '../cache/CacheDatabase.ts';
import { readMessagesByRowId } from '../cache/messageQueries.ts';
import { compileSearchQuery } from '../search/compileSearchQuery.ts';
import { createSearchMatcher } from '../search/matchesSearchFilter.ts';
import { sourceMessage } from '../sources/SourceMessage.ts';

const BATCH = 2000;

/** The messages in an export's scope, oldest first, read in keyset batches so memory stays flat. */
export function* readExportMessages(db: CacheDatabase, request: ExportRequest, onPosition?: (position: { date: number; sortKey: number }) => void): Generator<ChatMessage> {
  const from = request.from ?? Number.MIN_SAFE_INTEGER;
  const to = request.to ?? Number.MAX_SAFE_INTEGER;
  const matches = request.filter ? matcherFor(request.filter) : null;
  const page = db.prepare(
    `SELECT id, date, sort_key FROM messages WHERE chat_id = ? AND (date, sort_key) > (?, ?) AND date < ?
     ORDER BY date, sort_key LIMIT ${BATCH}`,
  );
  let after = request.after && request.after.date >= from ? request.after : { date: from - 1, sortKey: Number.MAX_SAFE_INTEGER };
  for (;;) {
    const rows = page.all(request.chatId, after.date, after.sortKey, to) as Array<{ id: number; date: number; sort_key: number }>;
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    after = { date: last.date, sortKey: last.sort_key };
    onPosition?.(after);
    for (const message of readMessagesByRowId(db, rows.map((row) => row.id))) {
      if (message.date < from) continue;
      if (!request.includeService && message.service) continue;
      if (matches && !matches(message)) continue;
      yield message;
    }
  }
}

export function countExportScope(db: CacheDatabase, request: Pick<ExportRequest, 'chatId' | 'from' | 'to'>): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM messages WHERE chat_id = ? AND date >= ? AND date < ?')
    .get(request.chatId, request.from ?? Number.MIN_SAFE_INTEGER, request.to ?? Number.MAX_SAFE_INTEGER) as { n: number };
  return row.n;
}

function matcherFor(filter: NonNullable<ExportRequest['filter']>): (message: ChatMessage) => boolean {
  const matcher = createSearchMatcher({ chatId: null, from: null, to: null, ...filter }, compileSearchQuery(filter.query));
  return (message) =>
    matcher(sourceMessage({ ...message, sortKey: 0, sender: message.senderName === null ? null : { key: message.senderId ?? '', name: message.senderName } }));
}
