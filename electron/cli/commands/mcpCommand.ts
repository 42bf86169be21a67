import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';
import { resolveChatArgument } from '../resolveChatArgument.ts';

export const mcpUsage = `  mcp                           serve the archive to AI assistants over the Model Context Protocol (stdio):
                                read-only tools to list chats, search, read messages around a date or a hit
  mcp hide <chat> | show <chat> | hidden
                                keep a chat away from assistants (never listed, searched or read), let them
                                see it again, or list the hidden chats`;

/**
 * `scrollback mcp`: runs the MCP server on stdin/stdout until the client closes its end. Nothing else may be
 * written to stdout meanwhile (it carries only protocol messages); the log goes to the log file.
 */
export async function mcpCommand(context: CliContext, args: readonly string[]): Promise<void> {
  const [action, chatArgument, ...extra] = args;
  if (extra.length > 0) throw new CliUsageError(`mcp: unexpected “${extra.join(' ')}”.`);
  if (action === undefined) return serve(context);
  const core = context.core();
  switch (action) {
    case 'hide':
    case 'show': {
      if (chatArgument === undefined)
        throw new CliUsageError(`mcp ${action}: name the chat (an id from \`scrollback chats\` or its exact name).`);
      const chat = resolveChatArgument(core, chatArgument);
      core.setChatHiddenFromAssistants(chat.id, action === 'hide');
      context.out(action === 'hide' ? `${chat.name} is hidden from assistants.` : `${chat.name} is visible to assistants again.`);
      return;
    }
    case 'hidden': {
      if (chatArgument !== undefined) throw new CliUsageError('mcp hidden takes no chat.');
      const hidden = core.chatIdsHiddenFromAssistants();
      const chats = core.listChats().filter((chat) => hidden.has(chat.id));
      if (context.json) context.out(JSON.stringify(chats.map((chat) => ({ id: chat.id, name: chat.name }))));
      else if (chats.length === 0) context.out('No chat is hidden from assistants.');
      else for (const chat of chats) context.out(`${chat.id}\t${chat.name}`);
      return;
    }
    default:
      throw new CliUsageError(`mcp: “${action}” is not hide, show or hidden; run \`scrollback mcp\` alone to serve.`);
  }
}

async function serve(context: CliContext): Promise<void> {
  // The MCP SDK (and the validator it brings) costs more to load than a whole read: only serving loads it.
  const [{ StdioServerTransport }, { createMcpServer }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/stdio.js'),
    import('../mcp/createMcpServer.ts'),
  ]);
  const server = createMcpServer(context.core());
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    // The client going away closes stdin: the server ends with it.
    process.stdin.once('end', () => void server.close());
  });
  await server.connect(transport);
  await closed;
}
