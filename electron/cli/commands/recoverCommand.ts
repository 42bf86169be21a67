import { recoverCacheDatabase } from '../../core/cache/recoverCacheDatabase.ts';
import type { CliContext } from '../CliContext.ts';

/** `scrollback recover`: copies what can be read of a damaged cache into a fresh one (the damaged file is kept). */
export function recoverCommand(context: CliContext): void {
  let said = 0;
  const report = recoverCacheDatabase(context.databasePath, new Date(), ({ copiedMessages, totalMessages }) => {
    if (Date.now() - said < 1000) return;
    said = Date.now();
    const of = totalMessages > 0 ? ` of ${totalMessages.toLocaleString('en-US')}` : '';
    context.err(`recovering: ${copiedMessages.toLocaleString('en-US')}${of} messages copied…`);
  });
  if (context.json) {
    context.out(JSON.stringify(report, null, 2));
    return;
  }
  context.out(`Recovered ${report.messages.toLocaleString('en-US')} messages of ${report.chats} chats into ${report.path}.`);
  context.out(`The damaged file is kept at ${report.damagedCopy}.`);
  for (const chat of report.incompleteChats) {
    context.out(
      `  ${chat.name}: ${chat.recovered.toLocaleString('en-US')} messages could be read; the rest will be fetched again from its source.`,
    );
  }
}
