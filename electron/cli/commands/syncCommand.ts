import { endOfDateInput, parseDateInput } from '../../../shared/parseDateInput.ts';
import type { SyncStatus } from '../../../shared/sync.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';
import { resolveChatArgument } from '../resolveChatArgument.ts';
import { formatLocalStamp } from '../formatLocalStamp.ts';

function describe(status: SyncStatus): string {
  const total = status.total !== null ? ` of ${status.total.toLocaleString('en-US')}` : '';
  // The day reached, as the person at the terminal counts days (local), like every other time the CLI prints.
  const reached = status.reachedDate !== null ? `, reached ${formatLocalStamp(status.reachedDate).slice(0, 10)}` : '';
  const waiting =
    status.waitingUntil !== null
      ? `, waiting ${Math.ceil((status.waitingUntil - Date.now()) / 1000)} s (${status.waitingReason ?? 'rate limit'})`
      : '';
  return `${status.fetched.toLocaleString('en-US')} downloaded, ${status.cached.toLocaleString('en-US')}${total} cached${reached}${waiting}`;
}

/** Downloads a chat (or a date range) into the cache, with progress on stderr; Ctrl+C stops it, resumable. */
export async function syncCommand(
  context: CliContext,
  chatArgument: string | undefined,
  options: { from?: string; to?: string },
): Promise<void> {
  const bound = (name: string, value: string | undefined, end: boolean) => {
    if (value === undefined) return null;
    const parsed = parseDateInput(value);
    if (!parsed.ok) throw new CliUsageError(`--${name}: ${parsed.message}`);
    return end ? endOfDateInput(parsed) : parsed.date;
  };
  const from = bound('from', options.from, false);
  const to = bound('to', options.to, true);
  const core = context.core();
  const chat = resolveChatArgument(core, chatArgument);
  core.sync.start({ chatId: chat.id, from, to });
  const stop = () => core.sync.pause(chat.id);
  process.once('SIGINT', stop);
  const timer = setInterval(() => context.err(`${chat.name}: ${describe(core.sync.status(chat.id))}`), 1000);
  const status = await core.sync.settled(chat.id);
  clearInterval(timer);
  process.removeListener('SIGINT', stop);
  context.err(`${chat.name}: ${status.state}; ${describe(status)}`);
  if (status.state === 'failed') throw new ScrollbackError('SOURCE_UNAVAILABLE', status.error?.message ?? 'The download failed.');
  if (status.state === 'paused') context.err('Stopped; run the same command again to continue where it stopped.');
  if (context.json) context.out(JSON.stringify(status, null, 2));
}
