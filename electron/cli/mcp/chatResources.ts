import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ScrollbackCore } from '../../core/app/openScrollbackCore.ts';
import { chatForAssistant, messageForAssistant, visibleChat, visibleChats } from './assistantView.ts';

/** How many chats the resource list names (the rest are reached through list_chats and its name filter). */
const LISTED_CHATS = 500;
/** The newest messages a chat resource carries. */
const RESOURCE_MESSAGES = 50;

/** Each chat an assistant may see as a resource, `scrollback://chat/{chatId}`: its facts and newest messages. */
export function registerChatResources(server: McpServer, core: ScrollbackCore): void {
  server.registerResource(
    'chat',
    new ResourceTemplate('scrollback://chat/{chatId}', {
      list: () => ({
        resources: visibleChats(core)
          .slice(0, LISTED_CHATS)
          .map((chat) => ({ uri: `scrollback://chat/${chat.id}`, name: chat.name, mimeType: 'application/json' })),
      }),
    }),
    { title: 'A chat', description: 'A chat of the Scrollback archive: its facts and its newest messages.', mimeType: 'application/json' },
    async (uri, { chatId }) => {
      const id = Number(Array.isArray(chatId) ? chatId[0] : chatId);
      const chat = visibleChat(core, id);
      const page = await core.history.getHistoryPage({ chatId: id, anchor: { kind: 'latest' }, limit: RESOURCE_MESSAGES });
      const text = JSON.stringify({
        chat: chatForAssistant(chat),
        newestMessages: page.messages.map((message) => messageForAssistant(id, message)),
      });
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text }] };
    },
  );
}
