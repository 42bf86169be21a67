import { comparePositions } from '../../../shared/cursor.ts';
import type { SourceMessage } from '../model/SourceMessage.ts';
import type { WritableDB } from './CacheDatabase.ts';
import type { ChatRecord } from './chatQueries.ts';
import { recordSourceTotals } from './chatQueries.ts';
import { addCoverage, type CoverageRange } from './coverageQueries.ts';
import { insertMessages } from './messageQueries.ts';
import { assertWritable } from './cacheErrors.ts';
import { createSenderResolver } from './senderQueries.ts';

export interface HistoryRun {
  messages: readonly SourceMessage[];
  /** What the run proves complete; null to store messages without claiming contiguity. */
  coverage: CoverageRange | null;
  totalCount?: number | null;
}

/**
 * Stores one run of history and the coverage it proves in a single transaction: after a crash either both
 * are there or neither is, so coverage never claims a message that was not stored.
 * Returns the number of messages that were new.
 */
export function storeHistoryRun(db: WritableDB, chat: ChatRecord, run: HistoryRun): number {
  assertWritable(db);
  return db
    .transaction(() => {
      const inserted = insertMessages(db, chat.id, createSenderResolver(db, chat.sourceId), run.messages);
      if (run.coverage) addCoverage(db, chat.id, run.coverage);
      let newest: number | null = null;
      for (const message of run.messages) if (newest === null || message.date > newest) newest = message.date;
      if (newest !== null || run.totalCount != null) {
        recordSourceTotals(db, chat.id, { messageCount: run.totalCount ?? null, newestDate: newest });
      }
      return inserted;
    })
    .immediate();
}

/** The oldest and newest positions of a non-empty run. */
export function boundsOf(messages: readonly SourceMessage[]): { oldest: SourceMessage; newest: SourceMessage } | null {
  if (messages.length === 0) return null;
  let oldest = messages[0]!;
  let newest = messages[0]!;
  for (const message of messages) {
    if (comparePositions(message, oldest) < 0) oldest = message;
    if (comparePositions(message, newest) > 0) newest = message;
  }
  return { oldest, newest };
}
