import type { ChatMessage, ChatSummary } from '../../../shared/domain.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { messageLinkOf } from '../../../shared/messageLink.ts';
import type { ScrollbackCore } from '../../core/app/openScrollbackCore.ts';

/** A message's text is cut here for an assistant: a long one would crowd out every other answer. */
export const MESSAGE_TEXT_LIMIT = 2_000;
/** An answer stops adding messages once its JSON reaches this many characters, and says so. */
export const ANSWER_CHARACTER_LIMIT = 60_000;

/** The chats an assistant may see: every chat but those the user hid from assistants, read at each call. */
export function visibleChats(core: ScrollbackCore): ChatSummary[] {
  const hidden = core.chatIdsHiddenFromAssistants();
  return core.listChats().filter((chat) => !hidden.has(chat.id));
}

/**
 * The chat an assistant named, if it may see it. A hidden chat is answered exactly like a chat that does not
 * exist, so an assistant cannot even learn that it is there.
 */
export function visibleChat(core: ScrollbackCore, chatId: number): ChatSummary {
  const missing = new ScrollbackError('CHAT_NOT_FOUND', `There is no chat with id ${chatId}; list_chats gives the ids.`);
  if (core.chatIdsHiddenFromAssistants().has(chatId)) throw missing;
  try {
    return core.getChat(chatId);
  } catch {
    throw missing;
  }
}

export function chatForAssistant(chat: ChatSummary) {
  return {
    id: chat.id,
    name: chat.name,
    kind: chat.kind,
    source: chat.sourceName,
    messagesOnThisComputer: chat.cachedCount,
    messagesAtSource: chat.messageCount,
    wholeHistoryOnThisComputer: chat.oldestReached,
    lastMessageDate: chat.lastMessageDate === null ? null : new Date(chat.lastMessageDate).toISOString(),
  };
}

/** A message as an assistant reads it: who, when, what (cut to MESSAGE_TEXT_LIMIT, saying so), and its link. */
export function messageForAssistant(chatId: number, message: ChatMessage) {
  const cut = message.text.length > MESSAGE_TEXT_LIMIT;
  return {
    id: message.id,
    link: messageLinkOf({ chatId, messageId: message.id }),
    date: new Date(message.date).toISOString(),
    sender: message.out ? 'you' : message.senderName,
    kind: message.service ? 'service' : (message.media?.kind ?? 'text'),
    text: cut ? message.text.slice(0, MESSAGE_TEXT_LIMIT) : message.text,
    ...(cut
      ? { textCut: `${message.text.length.toLocaleString('en')} characters, cut to ${MESSAGE_TEXT_LIMIT.toLocaleString('en')}` }
      : {}),
    ...(message.replyToId ? { replyTo: message.replyToId } : {}),
    ...(message.media?.kind === 'file' ? { fileName: message.media.fileName } : {}),
    ...(message.editDate !== null ? { edited: new Date(message.editDate).toISOString() } : {}),
    ...(message.deletedAt ? { deletedAtSource: new Date(message.deletedAt).toISOString() } : {}),
  };
}

/**
 * Keeps the items of an answer while its JSON stays under ANSWER_CHARACTER_LIMIT (at least one item), and
 * says how many were left out.
 */
export function boundedItems<T>(items: readonly T[]): { kept: T[]; leftOut: number } {
  const kept: T[] = [];
  let characters = 0;
  for (const item of items) {
    characters += JSON.stringify(item).length;
    if (kept.length > 0 && characters > ANSWER_CHARACTER_LIMIT) break;
    kept.push(item);
  }
  return { kept, leftOut: items.length - kept.length };
}
