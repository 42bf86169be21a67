import { ScrollbackError } from '../../../shared/errors.ts';
import type { RefreshResult } from '../../core/sync/createRefreshService.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';
import { resolveChatArgument } from '../resolveChatArgument.ts';

/**
 * `sync [<chat>] --watch`: keeps the archive current until Ctrl+C: listens to sources that push changes
 * (a Telegram account's updates, stored as they come) and refreshes the chat (or every chat kept up to
 * date) now and every `--every` minutes. One line per change on stderr; with --json, one JSON object per
 * refresh on stdout.
 */
export async function watchCommand(context: CliContext, chatArgument: string | undefined, every: string | undefined): Promise<void> {
  const minutes = every === undefined ? 15 : Number(every);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 10_080)
    throw new CliUsageError(`--every: “${every}” is not a number of minutes between 0 and 10080.`);
  const core = context.core();
  const chat = chatArgument === undefined ? null : resolveChatArgument(core, chatArgument);
  const nameOf = (chatId: number) => core.getChat(chatId).name;
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const unsubscribe = core.events.subscribe((event) => {
    if (event.kind !== 'messagesChanged' || (chat && event.chatId !== chat.id)) return;
    const parts = [event.added > 0 ? `${event.added} new` : '', event.changedIds.length > 0 ? `${event.changedIds.length} changed` : ''];
    context.err(`${nameOf(event.chatId)}: ${parts.filter(Boolean).join(', ')}`);
  });
  const said = (result: RefreshResult) => {
    context.err(
      `${nameOf(result.chatId)}: refreshed: ${result.added} new, ${result.edited} edited, ${result.deleted} deleted at the source (on this computer now: ${core.getChat(result.chatId).cachedCount.toLocaleString('en-US')})`,
    );
    if (context.json) context.out(JSON.stringify(result));
  };
  try {
    await core.live.listen();
    const listened = core.listSources().filter((source) => core.live.isListening(source.id));
    context.err(
      `Watching${chat ? ` ${chat.name}` : ' every chat kept up to date'}: refreshing every ${minutes} min${
        listened.length > 0 ? `; live updates from ${listened.map((source) => source.name).join(', ')}` : ''
      }. Ctrl+C stops.`,
    );
    while (!controller.signal.aborted) {
      try {
        if (chat) said(await core.refresh.refresh(chat.id, controller.signal));
        else await core.refresh.refreshAll(controller.signal, said);
      } catch (error) {
        if (controller.signal.aborted) break;
        // A source that cannot be reached now is tried again at the next round, and said.
        context.err(`Refresh failed: ${error instanceof ScrollbackError ? error.message : String(error)}; trying again in ${minutes} min.`);
      }
      await sleep(minutes * 60_000, controller.signal);
    }
    context.err('Stopped.');
  } finally {
    unsubscribe();
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
