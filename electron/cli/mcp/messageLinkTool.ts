import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ScrollbackError } from '../../../shared/errors.ts';
import { messageLinkOf } from '../../../shared/messageLink.ts';
import type { ScrollbackCore } from '../../core/app/openScrollbackCore.ts';
import { visibleChat } from './assistantView.ts';
import { answerOrToolError } from './toolResult.ts';
import { readOnlyTool } from './readOnlyTool.ts';

/** `get_message_link`: the scrollback:// link that opens a message in the Scrollback window. */
export function registerMessageLinkTool(server: McpServer, core: ScrollbackCore): void {
  server.registerTool(
    'get_message_link',
    {
      title: 'Link to a message',
      description:
        'The scrollback:// link that opens a message of this computer in the Scrollback window, in context (for the user to click).',
      inputSchema: { chatId: z.number().int().positive(), messageId: z.string().min(1).max(200) },
      annotations: readOnlyTool('Link to a message'),
    },
    ({ chatId, messageId }) =>
      answerOrToolError(() => {
        visibleChat(core, chatId);
        if (!core.findMessagePosition(chatId, messageId))
          throw new ScrollbackError('MESSAGE_NOT_FOUND', `Chat ${chatId} has no message ${messageId} on this computer.`);
        return { link: messageLinkOf({ chatId, messageId }) };
      }),
  );
}
