import type { ChatCoverage } from '../../../shared/ipc/contract.ts';
import { getChatRecord, getChatSummary, readChatFirstMessageDate, storeChatFirstMessageDate } from '../cache/chatQueries.ts';
import { listCoverage } from '../cache/coverageQueries.ts';
import type { HistorySource } from '../sources/HistorySource.ts';
import type { ChatDeps } from './ChatDeps.ts';

/**
 * What of a chat is on this computer, and since when the chat exists: the oldest stored message once the
 * beginning is reached, else the date the source told (asked in the background the first time it is
 * unknown, so the coverage bar can show how much earlier history there is).
 */
export function createChatCoverage(deps: Pick<ChatDeps, 'db' | 'sourceFor' | 'chatChanged'>): (chatId: number) => ChatCoverage {
  const { db } = deps;
  // Asked once per chat per run: the source's answer is stored, and a chat it cannot answer for is not asked again.
  const firstDatesAsked = new Set<number>();
  function learnFirstMessageDate(chatId: number): void {
    if (firstDatesAsked.has(chatId)) return;
    firstDatesAsked.add(chatId);
    const chat = getChatRecord(db, chatId);
    let source: HistorySource;
    try {
      source = deps.sourceFor(chat.sourceId);
    } catch {
      return;
    }
    if (!source.firstMessageDate) return;
    source
      .firstMessageDate({ key: chat.sourceKey, peer: chat.peer })
      .then((date) => {
        if (date === null) return;
        storeChatFirstMessageDate(db, chatId, date);
        deps.chatChanged(chatId);
      })
      // A lifetime is a nicety: unreachable sources leave the bar showing earlier history as unknown.
      .catch(() => undefined);
  }
  return (chatId) => {
    const chat = getChatSummary(db, chatId);
    const ranges = listCoverage(db, chatId);
    const told = readChatFirstMessageDate(db, chatId);
    const cachedBeginning = ranges.find((range) => range.reachesOldest)?.from.date ?? null;
    if (told === null && cachedBeginning === null) learnFirstMessageDate(chatId);
    return {
      ranges: ranges.map((range) => ({ from: range.from.date, to: range.to.date })),
      oldestReached: chat.oldestReached,
      firstMessageDate: cachedBeginning ?? told,
    };
  };
}
