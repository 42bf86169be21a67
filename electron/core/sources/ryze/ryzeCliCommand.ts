import type { SourceCliCommand } from '../SourceProvider.ts';
import { addRyzeChat } from './addRyzeChat.ts';
import { addRyzeConnection } from './addRyzeConnection.ts';
import { ryzeSourceId } from './ryzeSettings.ts';

/**
 * `ryze add --instance NAME [--base-url URL]` and `ryze chat add <number-or-jid> [--instance NAME]`.
 * The token is read from SCROLLBACK_RYZE_TOKEN whenever a command talks to RyzeAPI; it is never stored.
 */
export const ryzeCliCommand: SourceCliCommand = {
  name: 'ryze',
  usage: `  ryze add --instance NAME [--base-url URL]
                                add a WhatsApp connection through RyzeAPI (token: SCROLLBACK_RYZE_TOKEN)
  ryze chat add <number-or-jid> [--instance NAME]
                                add a WhatsApp chat: phone number, or JID (@s.whatsapp.net, @lid, @g.us,
                                @newsletter); then chats, history, search and sync work on it`,
  options: ['json', 'instance', 'base-url'],
  async run(context, args, values) {
    const [what, action, target, ...extra] = args;
    const instance = typeof values.instance === 'string' ? values.instance : undefined;
    if (what === 'add' && action === undefined) {
      if (!instance) throw context.usageError('ryze add needs --instance NAME.');
      if (!context.env.SCROLLBACK_RYZE_TOKEN)
        throw context.usageError('Set SCROLLBACK_RYZE_TOKEN to the instance’s token (it is read from the environment, never stored).');
      const baseUrl = typeof values['base-url'] === 'string' ? values['base-url'] : '';
      const id = await addRyzeConnection(context, { instance, baseUrl, token: null, allowWeakEncryption: false });
      context.out(
        context.json
          ? JSON.stringify({ source: id })
          : `Added RyzeAPI instance “${instance}” as source ${id}. Now add chats: scrollback ryze chat add <number-or-jid>.`,
      );
      return;
    }
    if (what === 'chat' && action === 'add' && target !== undefined && extra.length === 0) {
      const connections = context.listSourcesOfKind('ryze');
      const source = instance
        ? connections.find((s) => s.id === ryzeSourceId(instance))
        : connections.length === 1
          ? connections[0]
          : undefined;
      if (!source) {
        throw context.usageError(
          connections.length === 0
            ? 'Add a RyzeAPI instance first: scrollback ryze add --instance NAME.'
            : `Name the instance with --instance (${connections.map((s) => s.id.slice(5)).join(', ')}).`,
        );
      }
      const chat = addRyzeChat(context, source.id, target);
      context.out(
        context.json
          ? JSON.stringify({ id: chat.id, name: chat.name, source: chat.sourceId })
          : `Added chat ${chat.id} (${chat.name}). Try: scrollback history ${chat.id}`,
      );
      return;
    }
    throw context.usageError(
      'Use: scrollback ryze add --instance NAME [--base-url URL], or scrollback ryze chat add <number-or-jid> [--instance NAME].',
    );
  },
};
