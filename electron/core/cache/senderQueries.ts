import type { SourceMessage, SourceSender } from '../model/SourceMessage.ts';
import type { WritableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';

/**
 * Returns a resolver from a message's sender to its local id, inserting senders on first sight and
 * refreshing a changed name. Memoised per batch: a page has few distinct senders.
 */
export function createSenderResolver(db: WritableDB, sourceId: string): (message: SourceMessage) => number | null {
  const known = new Map<string, number>();
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
    } else {
      id = Number(insert.run(sourceId, sender.key, sender.name, peer).lastInsertRowid);
    }
    known.set(sender.key, id);
    return id;
  };
}
