import type { Migration } from './Migration.ts';
import { migration0001Initial } from './0001-initial.ts';
import { migration0002ExportRecords } from './0002-export-records.ts';
import { migration0003SourceKindsInCode } from './0003-source-kinds-in-code.ts';
import { migration0004MediaStore } from './0004-media-store.ts';
import { migration0005SearchIndexByChat } from './0005-search-index-by-chat.ts';
import { migration0006EditsAndDeletions } from './0006-edits-and-deletions.ts';
import { migration0007PinnedAndArchivedChats } from './0007-pinned-and-archived-chats.ts';
import { migration0008ForumTopics } from './0008-forum-topics.ts';
import { migration0009MessageDetails } from './0009-message-details.ts';
import { migration0010Backups } from './0010-backups.ts';
import { migration0011HiddenFromAssistants } from './0011-hidden-from-assistants.ts';
import { migration0012People } from './0012-people.ts';
import { migration0013IdsFollowPositions } from './0013-ids-follow-positions.ts';

/** In order. A new schema step is a new numbered file appended here; released ones are never edited. */
export const allMigrations: readonly Migration[] = [
  migration0001Initial,
  migration0002ExportRecords,
  migration0003SourceKindsInCode,
  migration0004MediaStore,
  migration0005SearchIndexByChat,
  migration0006EditsAndDeletions,
  migration0007PinnedAndArchivedChats,
  migration0008ForumTopics,
  migration0009MessageDetails,
  migration0010Backups,
  migration0011HiddenFromAssistants,
  migration0012People,
  migration0013IdsFollowPositions,
];

export const latestSchemaVersion = allMigrations[allMigrations.length - 1]!.version;
