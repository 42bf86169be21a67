import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ScrollbackCore } from '../../core/app/openScrollbackCore.ts';
import { chatForAssistant, visibleChats } from './assistantView.ts';
import { answerOrToolError } from './toolResult.ts';
import { readOnlyTool } from './readOnlyTool.ts';

/** `list_chats`: the chats of the archive an assistant may see, filtered by name, a page at a time. */
export function registerListChatsTool(server: McpServer, core: ScrollbackCore): void {
  server.registerTool(
    'list_chats',
    {
      title: 'List chats',
      description:
        'Chats in the Scrollback archive (Telegram, WhatsApp, imported exports), most recently active first, with their ids for the other tools. `name` keeps chats whose name contains it (case-insensitive).',
      inputSchema: {
        name: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      },
      annotations: readOnlyTool('List chats'),
    },
    ({ name, limit, offset }) =>
      answerOrToolError(() => {
        const wanted = name?.toLocaleLowerCase();
        const chats = visibleChats(core)
          .filter((chat) => wanted === undefined || chat.name.toLocaleLowerCase().includes(wanted))
          .sort((a, b) => (b.lastMessageDate ?? 0) - (a.lastMessageDate ?? 0));
        const page = chats.slice(offset, offset + limit);
        return {
          chats: page.map(chatForAssistant),
          total: chats.length,
          totalCounts: 'chats matching the name filter that assistants may see',
          nextOffset: offset + page.length < chats.length ? offset + page.length : null,
        };
      }),
  );
}
