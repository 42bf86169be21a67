import type { CliContext } from '../CliContext.ts';

export function chatsCommand(context: CliContext): void {
  const chats = context.core().listChats();
  if (context.json) {
    const rows = chats.map((chat) => ({
      id: chat.id,
      name: chat.name,
      source: chat.sourceId,
      sourceKind: chat.sourceKind,
      kind: chat.kind,
      messageCount: chat.messageCount ?? chat.cachedCount,
      cachedCount: chat.cachedCount,
      lastMessageDate: chat.lastMessageDate === null ? null : new Date(chat.lastMessageDate).toISOString(),
    }));
    context.out(JSON.stringify(rows, null, 2));
    return;
  }
  if (chats.length === 0) {
    context.out('No chats yet. Run `scrollback demo` to add the built-in demo archive.');
    return;
  }
  context.out('  id  chat                                   source    messages     cached');
  for (const chat of chats) {
    const total = (chat.messageCount ?? chat.cachedCount).toLocaleString('en-US');
    context.out(
      `${String(chat.id).padStart(4)}  ${chat.name.padEnd(38).slice(0, 38)} ${chat.sourceId.padEnd(9).slice(0, 9)} ${total.padStart(9)} ${chat.cachedCount.toLocaleString('en-US').padStart(10)}`,
    );
  }
}
