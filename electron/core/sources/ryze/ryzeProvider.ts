import { ScrollbackError } from '../../../../shared/errors.ts';
import { getChatRecord, getChatSummary, listChatSummaries, upsertChats } from '../../cache/chatQueries.ts';
import type { ProviderContext, SourceProvider } from '../SourceProvider.ts';
import { createRyzeApiClient } from './createRyzeApiClient.ts';
import { createRyzeSource } from './createRyzeSource.ts';
import { parseWhatsAppChat } from './parseWhatsAppChat.ts';
import { ryzeCliCommand } from './ryzeCliCommand.ts';
import { checkRyzeConnection, ryzeSettingsSchema, ryzeSourceId, ryzeTokenKey, type RyzeSettings } from './ryzeSettings.ts';

/**
 * Adds (or updates) a RyzeAPI connection. The token is stored first: where the secret store refuses it
 * (a weak keyring without consent) nothing is saved, so no connection is left behind that can only answer
 * AUTH_REQUIRED. `token: null` (the CLI) stores none: the command line reads it from its environment.
 */
export async function addRyzeConnection(
  context: ProviderContext,
  input: { instance: string; baseUrl: string; token: string | null; allowWeakEncryption: boolean; tryChat?: string | null },
): Promise<string> {
  const settings = checkRyzeConnection(input);
  if (input.token !== null && input.tryChat) await tryRyzeConnection(settings, input.token, input.tryChat);
  const id = ryzeSourceId(settings.instance);
  if (input.token !== null) context.secrets.set(ryzeTokenKey(id), input.token, { allowWeak: input.allowWeakEncryption });
  context.saveSource({ id, kind: 'ryze', name: `WhatsApp (${settings.instance})`, settings });
  return id;
}

/**
 * One small request with what was typed, before anything is saved: the answer says which of the base URL,
 * the instance or the token was refused.
 */
async function tryRyzeConnection(settings: RyzeSettings, token: string, chat: string): Promise<void> {
  const { jid } = parseWhatsAppChat(chat);
  const client = createRyzeApiClient({ ...settings, token, maxAttempts: 1, timeoutMs: 10_000 });
  try {
    await client.fetchHistory({ number: jid, count: 1 });
  } catch (error) {
    if (error instanceof ScrollbackError && error.code === 'SOURCE_UNAVAILABLE') {
      throw new ScrollbackError(
        'SOURCE_UNAVAILABLE',
        `Nothing answered as RyzeAPI at ${settings.baseUrl}: check the base URL. (${error.message})`,
      );
    }
    throw error;
  }
}

/** Adds a WhatsApp chat (number or JID) to a RyzeAPI connection. */
export function addRyzeChat(context: ProviderContext, sourceId: string, numberOrJid: string) {
  if (context.sourceRecord(sourceId)?.kind !== 'ryze')
    throw new ScrollbackError('SOURCE_NOT_FOUND', `There is no RyzeAPI connection “${sourceId}”.`);
  const chat = parseWhatsAppChat(numberOrJid);
  const [chatId] = upsertChats(context.db, sourceId, [
    { key: chat.jid, name: chat.name, kind: chat.kind, messageCount: null, lastMessageDate: null },
  ]);
  return getChatSummary(context.db, chatId!);
}

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
        throw new ScrollbackError(
          'AUTH_REQUIRED',
          `No RyzeAPI token for instance “${settings.instance}”: set SCROLLBACK_RYZE_TOKEN (command line) or enter it in the app.`,
        );
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
