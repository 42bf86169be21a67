import type { ChatSummary } from '../../shared/domain.ts';
import { ScrollbackError } from '../../shared/errors.ts';
import type { ScrollbackCore } from '../core/app/openScrollbackCore.ts';
import { cacheErrorOf } from '../core/cache/cacheErrors.ts';
import { getChatSummary, listChatSummaries } from '../core/cache/chatQueries.ts';
import { findMessagePosition } from '../core/cache/messageQueries.ts';
import { openCacheDatabase } from '../core/cache/openCacheDatabase.ts';
import { listSourceRecords } from '../core/cache/sourceQueries.ts';
import { createHistoryEngine } from '../core/history/createHistoryEngine.ts';
import { createArchiveProvider } from '../core/sources/archive/archiveProvider.ts';
import { createArchiveSource } from '../core/sources/archive/createArchiveSource.ts';

/** What a command that reads one chat's pages uses: the chats, where a message is, and the pages. */
export type ChatReader = Pick<ScrollbackCore, 'getChat' | 'listChats' | 'findMessagePosition' | 'history'>;

/** The archive opened for reading chats whose every message is in it, without the rest of the core. */
export interface ArchiveReader extends ChatReader {
  explainError(error: unknown): unknown;
  close(): void;
}

const archiveKind = createArchiveProvider().kind;

/**
 * Whether a chat's pages come from the archive alone (imported files): its source never answers, so the
 * history engine over the archive with that source serves it exactly as the whole core would. Any other
 * chat may fetch from its source, and needs the core (its sources, live updates, what a stored page tells).
 */
export function readsFromArchiveAlone(chat: ChatSummary): boolean {
  return chat.sourceKind === archiveKind;
}

/**
 * Opens the archive as the core would (creating nothing: the caller checked it exists; migrating it if it
 * is older) with only what reading an imported chat needs: a start-up of a few modules instead of every
 * service, source and format (the command line's `history` is mostly start-up).
 */
export function openArchiveReader(databasePath: string): ArchiveReader {
  const db = openCacheDatabase(databasePath);
  const history = createHistoryEngine({
    db,
    sourceFor(sourceId) {
      // Only chats for which readsFromArchiveAlone holds are read here (the caller asks first).
      const record = listSourceRecords(db).find((candidate) => candidate.id === sourceId);
      if (record?.kind !== archiveKind)
        throw new ScrollbackError('INTERNAL', `Source ${sourceId} is not the archive's; its chats are read through the core.`);
      return createArchiveSource(db, sourceId);
    },
  });
  return {
    getChat: (chatId) => getChatSummary(db, chatId),
    listChats: (limit) => listChatSummaries(db, limit),
    findMessagePosition: (chatId, messageId) => findMessagePosition(db, chatId, messageId),
    history,
    explainError: (error) => cacheErrorOf(db, error) ?? error,
    close: () => db.close(),
  };
}
