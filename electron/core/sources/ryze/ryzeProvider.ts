import { ScrollbackError } from '../../../../shared/errors.ts';
import { getChatRecord, listChatSummaries } from '../../cache/chatQueries.ts';
import type { SourceProvider } from '../SourceProvider.ts';
import { addRyzeChat } from './addRyzeChat.ts';
import { addRyzeConnection } from './addRyzeConnection.ts';
import { createRyzeApiClient } from './createRyzeApiClient.ts';
import { createRyzeSource } from './createRyzeSource.ts';
import { ryzeCliCommand } from './ryzeCliCommand.ts';
import { ryzeSettingsSchema, ryzeTokenKey } from './ryzeSettings.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** WhatsApp chats through the RyzeAPI HTTP API. */
export function createRyzeProvider(): SourceProvider {
  return {
    kind: 'ryze',
    addLabel: 'Add WhatsApp chat (RyzeAPI)…',
    removeLabel: 'Remove',
    createSource(record, context) {
      const settings = ryzeSettingsSchema.parse(record.settings);
      const token = context.secrets.get(ryzeTokenKey(record.id));
      if (!token) {
        throw new ScrollbackError('AUTH_REQUIRED', translator()('error.ryze.noToken', { instance: settings.instance }));
      }
      return createRyzeSource({
        id: record.id,
        client: createRyzeApiClient({
          baseUrl: settings.baseUrl,
          instance: settings.instance,
          token,
          onRetry: (retry) => context.emit({ kind: 'sourceRetrying', sourceId: record.id, retry }),
        }),
        // RyzeAPI cannot list chats: the chats are the ones the person added.
        listChats: () =>
          listChatSummaries(context.db)
            .filter((chat) => chat.sourceId === record.id)
            .map((chat) => ({
              key: getChatRecord(context.db, chat.id).sourceKey,
              name: chat.name,
              kind: chat.kind,
              messageCount: null,
              lastMessageDate: chat.lastMessageDate,
            })),
      });
    },
    async beforeRemove(record, context) {
      context.secrets.delete(ryzeTokenKey(record.id));
    },
    handlers: (context) => ({
      addRyzeConnection: async (input) => {
        const sourceId = await addRyzeConnection(context, input);
        const record = context.sourceRecord(sourceId)!;
        return { id: record.id, kind: record.kind, name: record.name };
      },
      addRyzeChat: ({ sourceId, numberOrJid }) => addRyzeChat(context, sourceId, numberOrJid),
    }),
    cli: ryzeCliCommand,
    credentialFromEnvironment: (key, env) => (key.startsWith(ryzeTokenKey('')) ? (env.SCROLLBACK_RYZE_TOKEN ?? null) : null),
  };
}
