import { comparePositions, type MessagePosition } from '../../../shared/cursor.ts';
import type { SourceMessage } from '../model/SourceMessage.ts';
import type { WritableDB } from './CacheDatabase.ts';
import type { ChatRecord } from './chatQueries.ts';
import { recordSourceTotals } from './chatQueries.ts';
import { addCoverage, type CoverageRange } from './coverageQueries.ts';
import { countMessagesBetween, insertMessages, markMissingAsDeleted, noMessageChanges, type MessageChanges } from './messageQueries.ts';
import { assertWritable } from './cacheErrors.ts';
import { runAfterFirstWrite, writeWhenFree } from './transactions.ts';
import { createSenderResolver } from './senderQueries.ts';

type Point = Pick<MessagePosition, 'date' | 'sortKey'>;

export interface HistoryRun {
  messages: readonly SourceMessage[];
  /**
   * What the run proves complete; null to store messages without claiming contiguity. Only what the run
   * itself shows is kept of the claim: from its oldest message (or `boundary`) to its newest (or
   * `boundary`); a claim reaching further is cut there (see `provenCoverage`).
   */
  coverage: CoverageRange | null;
  /**
   * The point the source was asked relative to, exclusive: an older page holds what comes before it, a
   * newer page what comes after it (the frontier of what was already covered). The run proves the stretch
   * between its messages and this point too — that nothing there exists at the source.
   */
  boundary?: Point;
  /** The run ends at the newest message the source has: anything stored after it was deleted there. */
  reachesNewest?: boolean;
  /**
   * Whether stored messages of the covered stretch that the run does not hold are gone at the source (true
   * for pages: they are the whole stretch; false for pushed updates, which add to what is there).
   */
  sweepsCoverage?: boolean;
  totalCount?: number | null;
  /** When the source sent it (edits and deletions are dated by it); now by default. */
  seenAt?: number;
}

export interface StoredRun extends MessageChanges {
  /** Messages that were new to this computer. */
  inserted: number;
  /** The newest message of the chat at the source, now stored and covered (the run reached the newest). */
  newestProven: MessagePosition | null;
}

/**
 * Stores one run of history and the coverage it proves in a single transaction: after a crash either both
 * are there or neither is, so coverage never claims a message that was not stored. A run that proves a
 * stretch complete also proves what it does not hold there gone: stored messages of that stretch missing
 * from it are marked deleted at the source (and kept).
 */
export function storeHistoryRun(db: WritableDB, chat: ChatRecord, run: HistoryRun): StoredRun {
  assertWritable(db);
  const seen = { at: run.seenAt ?? Date.now(), changes: noMessageChanges() };
  const { coverage, reachesNewest } = provenCoverage(run);
  const stored = db
    .transaction((): StoredRun => {
      const inserted = insertMessages(db, chat.id, createSenderResolver(db, chat.sourceId), run.messages, seen);
      if (coverage && run.sweepsCoverage !== false) {
        const { from, to, reachesOldest } = coverage;
        const stretch = { after: reachesOldest ? null : from, before: reachesNewest ? null : to };
        if (!holdsOnlyTheRun(db, chat.id, stretch, run.messages, inserted)) {
          const gone = markMissingAsDeleted(
            db,
            chat.id,
            stretch,
            run.messages.map((message) => message.id),
            seen.at,
          );
          seen.changes.deleted.push(...gone);
        }
      }
      if (coverage) addCoverage(db, chat.id, coverage);
      let newestDate: number | null = null;
      for (const message of run.messages) if (newestDate === null || message.date > newestDate) newestDate = message.date;
      if (newestDate !== null || run.totalCount != null) {
        recordSourceTotals(db, chat.id, { messageCount: run.totalCount ?? null, newestDate });
      }
      const newest = reachesNewest && coverage ? boundsOf(run.messages)?.newest : undefined;
      return {
        inserted,
        ...seen.changes,
        newestProven: newest ? { date: newest.date, sortKey: newest.sortKey, id: newest.id } : null,
      };
    })
    .immediate();
  runAfterFirstWrite(db);
  return stored;
}

/**
 * storeHistoryRun on the core's thread: while another process holds the write lock (an import), waits for it
 * without blocking the event loop, then fails with BUSY naming the holder (see writeWhenFree).
 */
export function storeHistoryRunWhenFree(db: WritableDB, chat: ChatRecord, run: HistoryRun, signal?: AbortSignal): Promise<StoredRun> {
  return writeWhenFree(db, () => storeHistoryRun(db, chat, run), signal ? { signal } : {});
}

/**
 * Whether the swept stretch holds no stored message but the run's own, so the sweep has nothing to mark:
 * every message of the run was new (so each is stored at its own position) and the stretch's stored count,
 * read from the position index alone, is the number of the run's messages inside it. Each page of a
 * download is this case; it then skips the sweep's row-by-row check of the stretch (a tenth of its store).
 */
function holdsOnlyTheRun(
  db: WritableDB,
  chatId: number,
  stretch: { after: Point | null; before: Point | null },
  messages: readonly SourceMessage[],
  inserted: number,
): boolean {
  if (inserted !== messages.length) return false;
  let inside = 0;
  for (const message of messages) {
    if (
      (stretch.after === null || comparePositions(message, stretch.after) > 0) &&
      (stretch.before === null || comparePositions(message, stretch.before) < 0)
    )
      inside++;
  }
  return countMessagesBetween(db, chatId, stretch) === inside;
}

/**
 * The part of a run's claim that the run proves: its coverage cut to the stretch from its oldest message
 * (or boundary) to its newest (or boundary). A claim cut at the old end no longer says it starts the chat;
 * one cut at the new end no longer says it reaches the newest. Without messages or a boundary a run proves
 * nothing. Whatever was cut is never swept: a stored message is marked deleted only where the run's own
 * messages, from the source, show the stretch complete without it.
 */
export function provenCoverage(run: HistoryRun): { coverage: CoverageRange | null; reachesNewest: boolean } {
  const claim = run.coverage;
  const bounds = boundsOf(run.messages);
  const points: Point[] = bounds ? [bounds.oldest, bounds.newest] : [];
  if (run.boundary) points.push(run.boundary);
  if (!claim || points.length === 0) return { coverage: null, reachesNewest: false };
  const lowest = points.reduce((a, b) => (comparePositions(b, a) < 0 ? b : a));
  const highest = points.reduce((a, b) => (comparePositions(b, a) > 0 ? b : a));
  const cutOld = comparePositions(claim.from, lowest) < 0;
  const cutNew = comparePositions(claim.to, highest) > 0;
  const from = cutOld ? lowest : claim.from;
  const to = cutNew ? highest : claim.to;
  if (comparePositions(from, to) > 0) return { coverage: null, reachesNewest: false };
  return {
    coverage: { from: pointOf(from), to: pointOf(to), reachesOldest: claim.reachesOldest && !cutOld },
    reachesNewest: run.reachesNewest === true && !cutNew,
  };
}

/** Only the position: coverage rows keep a date and a sort key. */
function pointOf(point: Point): Point {
  return { date: point.date, sortKey: point.sortKey };
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
