import { ScrollbackError } from '../../../../shared/errors.ts';
import { getChatSummary, upsertChats } from '../../cache/chatQueries.ts';
import type { ProviderContext } from '../SourceProvider.ts';
import { parseWhatsAppChat } from './parseWhatsAppChat.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** Adds a WhatsApp chat (number or JID) to a RyzeAPI connection. */
export function addRyzeChat(context: ProviderContext, sourceId: string, numberOrJid: string) {
  if (context.sourceRecord(sourceId)?.kind !== 'ryze')
    throw new ScrollbackError('SOURCE_NOT_FOUND', translator()('error.ryze.noConnection', { id: sourceId }));
  const chat = parseWhatsAppChat(numberOrJid);
  const [chatId] = upsertChats(context.db, sourceId, [
    { key: chat.jid, name: chat.name, kind: chat.kind, messageCount: null, lastMessageDate: null },
  ]);
  return getChatSummary(context.db, chatId!);
}
