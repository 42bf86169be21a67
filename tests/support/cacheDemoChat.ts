import type { WritableDB } from '../../electron/core/cache/CacheDatabase.ts';
import { getChatRecord } from '../../electron/core/cache/chatQueries.ts';
import { storeHistoryRun } from '../../electron/core/cache/storeHistoryRun.ts';
import { createDemoMessage } from '../../electron/core/sources/demo/createDemoMessage.ts';
import { demoChats } from '../../electron/core/sources/demo/demoChats.ts';
import { createDemoSource } from '../../electron/core/sources/demo/createDemoSource.ts';
import type { SourceMessage } from '../../electron/core/model/SourceMessage.ts';

/** Every message of a demo chat, generated (what the "server" holds). */
export function allDemoMessages(chatKey: string): SourceMessage[] {
  const spec = demoChats.find((chat) => chat.key === chatKey)!;
  const timeline = createDemoSource().timelineOf(chatKey);
  return Array.from({ length: spec.count }, (_, index) => createDemoMessage(spec, timeline, index));
}

/** Stores a whole demo chat as one covered run, as a finished sync would leave it. */
export function cacheWholeDemoChat(db: WritableDB, chatId: number, chatKey: string): SourceMessage[] {
  const messages = allDemoMessages(chatKey);
  storeHistoryRun(db, getChatRecord(db, chatId), {
    messages,
    coverage: { from: messages[0]!, to: messages[messages.length - 1]!, reachesOldest: true },
  });
  return messages;
}

/** Stores the messages of a demo chat sent in [from, to) as one covered run (a stretch the reader scrolled). */
export function cacheDemoStretch(db: WritableDB, chatId: number, chatKey: string, from: number, to: number): SourceMessage[] {
  const spec = demoChats.find((chat) => chat.key === chatKey)!;
  const timeline = createDemoSource().timelineOf(chatKey);
  const first = timeline.firstIndexAtOrAfter(from);
  const end = timeline.firstIndexAtOrAfter(to);
  const messages = Array.from({ length: end - first }, (_, offset) => createDemoMessage(spec, timeline, first + offset));
  storeHistoryRun(db, getChatRecord(db, chatId), {
    messages,
    coverage: { from: messages[0]!, to: messages[messages.length - 1]!, reachesOldest: first === 0 },
  });
  return messages;
}
