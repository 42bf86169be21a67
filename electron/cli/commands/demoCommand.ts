import type { CliContext } from '../CliContext.ts';

export async function demoCommand(context: CliContext): Promise<void> {
  const chats = await context.core().setUpDemo();
  if (context.json) {
    context.out(
      JSON.stringify(
        chats.map((chat) => ({ id: chat.id, name: chat.name, messageCount: chat.messageCount })),
        null,
        2,
      ),
    );
    return;
  }
  context.out(`The demo archive is set up in ${context.core().databasePath}:`);
  for (const chat of chats)
    context.out(`  ${String(chat.id).padStart(4)}  ${chat.name} (${chat.messageCount?.toLocaleString('en-US')} messages)`);
  context.out('Messages are fetched into the cache as you page through them: try `scrollback history 1`.');
}
