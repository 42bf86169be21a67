import type { SourceMessage, SourceSender } from '../model/SourceMessage.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { foldForSearch } from '../text/foldForSearch.ts';
import { cachedStatement } from './cachedStatement.ts';
import { addSenderIdentities, placeNewSender } from './peopleQueries.ts';
import type { SourceKind } from '../../../shared/domain.ts';

/** Up to `limit` distinct sender names containing `text` (folded), of one source or all; shortest first. */
export function senderNamesContaining(db: ReadableDB, sourceId: string | null, text: string, limit: number): string[] {
  const wanted = foldForSearch(text.trim().replace(/^@/, ''));
  const rows =
    sourceId === null
      ? cachedStatement<[], { name: string }>(db, 'SELECT DISTINCT name FROM senders').all()
      : cachedStatement<[string], { name: string }>(db, 'SELECT DISTINCT name FROM senders WHERE source_id = ?').all(sourceId);
  return rows
    .map((row) => row.name)
    .filter((name) => foldForSearch(name).includes(wanted))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .slice(0, limit);
}

/**
 * Returns a resolver from a message's sender to its local id, inserting senders on first sight and
 * refreshing a changed name. Memoised per batch: a page has few distinct senders.
 */
export function createSenderResolver(db: WritableDB, sourceId: string): (message: SourceMessage) => number | null {
  const known = new Map<string, number>();
  const sourceKind =
    cachedStatement<[string], { kind: SourceKind }>(db, 'SELECT kind FROM sources WHERE id = ?').get(sourceId)?.kind ?? 'import';
  const find = cachedStatement<unknown[], { id: number; name: string; peer: string | null }>(
    db,
    'SELECT id, name, peer FROM senders WHERE source_id = ? AND source_key = ?',
  );
  const insert = cachedStatement(db, 'INSERT INTO senders (source_id, source_key, name, peer) VALUES (?, ?, ?, ?)');
  const update = cachedStatement(db, 'UPDATE senders SET name = ?, peer = coalesce(?, peer) WHERE id = ?');
  return (message) => {
    const sender: SourceSender | null = message.sender;
    if (!sender) return null;
    const memo = known.get(sender.key);
    if (memo !== undefined) return memo;
    const peer = sender.peer === undefined ? null : JSON.stringify(sender.peer);
    const row = find.get(sourceId, sender.key);
    let id: number;
    if (row) {
      id = row.id;
      if (row.name !== sender.name || (peer !== null && peer !== row.peer)) update.run(sender.name, peer, id);
      if (sender.identities?.length) addSenderIdentities(db, id, sender.identities);
    } else {
      id = Number(insert.run(sourceId, sender.key, sender.name, peer).lastInsertRowid);
      // Placed in a person at once, in the same write: a search by person never misses a sender just stored.
      placeNewSender(db, { id, name: sender.name, sourceKind, key: sender.key, fromSource: sender.identities }, message.out);
    }
    known.set(sender.key, id);
    return id;
  };
}
