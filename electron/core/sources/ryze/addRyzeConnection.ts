import { ScrollbackError } from '../../../../shared/errors.ts';
import type { ProviderContext } from '../SourceProvider.ts';
import { createRyzeApiClient } from './createRyzeApiClient.ts';
import { parseWhatsAppChat } from './parseWhatsAppChat.ts';
import { checkRyzeConnection, ryzeSourceId, ryzeTokenKey, type RyzeSettings } from './ryzeSettings.ts';
import { translator } from '../../i18n/createTranslator.ts';

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
        translator()('error.ryze.nothingAnswered', { url: settings.baseUrl, reason: error.message }),
      );
    }
    throw error;
  }
}
