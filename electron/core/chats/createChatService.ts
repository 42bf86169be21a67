import type { ChatMessage, ChatSummary, ForumTopic } from '../../../shared/domain.ts';
import type { MessagePosition } from '../../../shared/cursor.ts';
import type { ArchiveChange, ChatCoverage, Density, MessageVersion, SourceDensity } from '../../../shared/ipc/contract.ts';
import {
  getChatSummary,
  listChatIdsHiddenFromAssistants,
  listChatSummaries,
  setChatHiddenFromAssistants,
  setChatKeepCurrent,
} from '../cache/chatQueries.ts';
import { messageDensity } from '../cache/densityQueries.ts';
import { countMessagesAfter, findMessagePosition, selectMessagesByIds, selectMessageVersions } from '../cache/messageQueries.ts';
import { countSourceDensity } from '../history/countSourceDensity.ts';
import { fetchQuotedMessages } from '../history/fetchQuotedMessages.ts';
import type { KeepUpToDate } from '../sync/createKeepUpToDate.ts';
import type { ChatDeps } from './ChatDeps.ts';
import { createChatCoverage } from './createChatCoverage.ts';
import { createOpenChat } from './createOpenChat.ts';
import { createRefreshSettings, type RefreshSettingsStore } from './createRefreshSettings.ts';
import { listChatChanges } from './listChatChanges.ts';
import { listChatTopics } from './listChatTopics.ts';

/** The jump-to-latest button counts newer messages up to this many ("10,000+" beyond). */
const NEWER_COUNT_CAP = 10_000;

/** What the window and the CLI ask about one chat (or the list of them), beyond its history pages. */
export interface ChatService extends Omit<RefreshSettingsStore, 'startSchedule'> {
  /** Every chat in the sidebar's order, or only the first `limit`. */
  listChats(limit?: number): ChatSummary[];
  getChat(chatId: number): ChatSummary;
  /** Messages per interval between consecutive boundaries. */
  getMessageDensity(chatId: number, boundaries: readonly number[]): Density;
  /** Messages per interval at the chat's source, for the intervals not downloaded (see countSourceDensity). */
  getSourceDensity(chatId: number, boundaries: readonly number[], signal?: AbortSignal): Promise<SourceDensity>;
  /** Messages on this computer newer than `date`, up to 10,000 (the jump-to-latest button's count). */
  countNewerMessages(chatId: number, date: number): { count: number; more: boolean };
  getChatCoverage(chatId: number): ChatCoverage;
  /** A forum's topics: the source's list stored first where it has one (Telegram), then what is kept here. */
  listTopics(chatId: number, signal?: AbortSignal): Promise<ForumTopic[]>;
  /** Where a message is in its chat, if cached. */
  findMessagePosition(chatId: number, messageId: string): MessagePosition | null;
  /** Stored messages of a chat by id, in the order given (ids not stored are left out). */
  getMessages(chatId: number, messageIds: readonly string[]): ChatMessage[];
  /** Reply quotes' originals: from the cache, else asked of the source by id (see fetchQuotedMessages). */
  getQuotedMessages(chatId: number, messageIds: readonly string[], signal?: AbortSignal): Promise<ChatMessage[]>;
  /** A message's earlier versions kept on this computer, oldest first. */
  getMessageVersions(chatId: number, messageId: string): MessageVersion[];
  setChatKeepCurrent(chatId: number, keep: boolean): void;
  /** Keeps a chat away from AI assistants (`scrollback mcp`), or lets them read it again. */
  setChatHiddenFromAssistants(chatId: number, hidden: boolean): void;
  /** The chats AI assistants must never list, search or read. */
  chatIdsHiddenFromAssistants(): ReadonlySet<number>;
  /** The chat the window shows now (null: none): see the IPC method setOpenChat. Says when the user looked before. */
  setOpenChat(chatId: number | null): { previousLook: number | null };
  /** What changed after `since` in a chat (or all chats), newest first. */
  listChanges(chatId: number | null, since: number, limit: number): ArchiveChange[];
}

export interface ChatServiceDeps extends ChatDeps {
  keepUpToDate: KeepUpToDate;
  /** How often chats kept up to date are refreshed by default (null: only when asked). */
  keepUpToDateEveryMs: number | null;
  /** How often the open chat of a source that pushes nothing is polled. */
  openChatPollMs: number;
}

/** The chat-level features; `startSchedule` begins the background refreshes at the stored period. */
export function createChatService(deps: ChatServiceDeps): ChatService & Pick<RefreshSettingsStore, 'startSchedule'> {
  const { db } = deps;
  const sorted = (boundaries: readonly number[]) => [...boundaries].sort((a, b) => a - b);
  const { refreshSettings, setRefreshSettings, startSchedule } = createRefreshSettings({
    db,
    keepUpToDate: deps.keepUpToDate,
    defaultEveryMs: deps.keepUpToDateEveryMs,
  });
  return {
    listChats: (limit) => listChatSummaries(db, limit),
    getChat: (chatId) => getChatSummary(db, chatId),
    setChatHiddenFromAssistants: (chatId, hidden) => setChatHiddenFromAssistants(db, chatId, hidden),
    chatIdsHiddenFromAssistants: () => listChatIdsHiddenFromAssistants(db),
    getMessageDensity(chatId, boundaries) {
      getChatSummary(db, chatId);
      return messageDensity(db, chatId, sorted(boundaries));
    },
    getSourceDensity: (chatId, boundaries, signal) => countSourceDensity({ ...deps, now: Date.now }, chatId, sorted(boundaries), signal),
    countNewerMessages(chatId, date) {
      getChatSummary(db, chatId);
      return countMessagesAfter(db, chatId, date, NEWER_COUNT_CAP);
    },
    getChatCoverage: createChatCoverage(deps),
    listTopics: (chatId, signal) => listChatTopics(deps, chatId, signal),
    findMessagePosition: (chatId, messageId) => findMessagePosition(db, chatId, messageId),
    getMessages(chatId, messageIds) {
      getChatSummary(db, chatId);
      return selectMessagesByIds(db, chatId, messageIds);
    },
    getQuotedMessages: (chatId, messageIds, signal) => fetchQuotedMessages(deps, chatId, messageIds, signal),
    getMessageVersions(chatId, messageId) {
      getChatSummary(db, chatId);
      return selectMessageVersions(db, chatId, messageId);
    },
    setChatKeepCurrent(chatId, keep) {
      getChatSummary(db, chatId);
      setChatKeepCurrent(db, chatId, keep);
      deps.chatChanged(chatId);
    },
    setOpenChat: createOpenChat({ db, keepUpToDate: deps.keepUpToDate, pollMs: deps.openChatPollMs }),
    refreshSettings,
    setRefreshSettings,
    startSchedule,
    listChanges: (chatId, since, limit) => listChatChanges(db, chatId, since, limit),
  };
}
