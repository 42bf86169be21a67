import type { ChatMessage } from '../../../../shared/domain.ts';

/** The element ids a message's accessible name and description are made of (unique on the page: one chat is open). */
export function messagePartIds(message: Pick<ChatMessage, 'chatId' | 'id'>) {
  const base = `msg-${message.chatId}-${message.id}`;
  return { sender: `${base}-sender`, when: `${base}-when`, body: `${base}-body`, state: `${base}-state`, deleted: `${base}-deleted` };
}
