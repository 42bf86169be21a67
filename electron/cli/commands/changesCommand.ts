import { parseDateInput } from '../../../shared/parseDateInput.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';
import { resolveChatArgument } from '../resolveChatArgument.ts';
import { formatLocalStamp } from '../formatLocalStamp.ts';

const KIND = { new: 'new', edited: 'edited', deleted: 'deleted at the source' } as const;

/**
 * What changed in the archive (one chat, or all) since a date: messages that arrived, edits seen, deletions
 * found at the source; newest first, one line each (or JSON). By default the last 24 hours.
 */
export function changesCommand(context: CliContext, chatArgument: string | undefined, options: { since?: string; limit?: string }): void {
  let since = Date.now() - 86_400_000;
  if (options.since !== undefined) {
    const parsed = parseDateInput(options.since);
    if (!parsed.ok) throw new CliUsageError(`--since: ${parsed.message}`);
    since = parsed.date;
  }
  const limit = options.limit === undefined ? 1000 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
    throw new CliUsageError(`--limit: “${options.limit}” is not a whole number from 1 to 100000.`);
  const core = context.core();
  const chat = chatArgument === undefined ? null : resolveChatArgument(core, chatArgument);
  const changes = core.listChanges(chat?.id ?? null, since, limit);
  if (context.json) {
    context.out(
      JSON.stringify(
        changes.map((change) => ({ ...change, at: new Date(change.at).toISOString() })),
        null,
        2,
      ),
    );
    return;
  }
  const counts = { new: 0, edited: 0, deleted: 0 };
  for (const change of changes) {
    counts[change.kind]++;
    const text = change.message.text.replace(/\s+/g, ' ').slice(0, 100);
    context.out(
      `${formatLocalStamp(change.at)}  ${KIND[change.kind].padEnd(21)}  ${change.chatName} #${change.message.id}  ${change.message.senderName ?? 'Unknown'}: ${text}`,
    );
  }
  // The summary is part of the result (stdout), in local time like every line above it.
  context.out(
    `On this computer since ${formatLocalStamp(since)}: ${counts.new} new, ${counts.edited} edited, ${counts.deleted} deleted at the source${
      changes.length === limit ? ` (the newest ${limit} shown; --limit for more)` : ''
    }.`,
  );
}
