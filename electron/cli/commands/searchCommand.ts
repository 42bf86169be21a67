import { MAX_PAGE_SIZE } from '../../../shared/history.ts';
import { endOfDateInput, parseDateInput } from '../../../shared/parseDateInput.ts';
import { describeSearchOutcome } from '../../../shared/searchCoverage.ts';
import { translator } from '../../core/i18n/createTranslator.ts';
import { searchKinds, type SearchHit, type SearchRequest } from '../../../shared/search.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';
import { formatMessageLine } from '../formatMessageLine.ts';
import { toJsonMessage } from '../../../shared/toJsonMessage.ts';
import { resolveChatArgument } from '../resolveChatArgument.ts';

export interface SearchOptions {
  all?: boolean;
  from?: string;
  to?: string;
  query?: string;
  sender?: string;
  type?: string;
  limit?: string;
  oldest?: boolean;
  ndjson?: boolean;
  'earlier-versions'?: boolean;
}

/** A hit as the JSON outputs carry it: the message, its chat, what matched, and where it was found. */
function jsonHit(hit: SearchHit) {
  return { ...toJsonMessage(hit.message), chatName: hit.chatName, highlights: hit.highlights, foundAt: hit.foundAt };
}

function parseBound(name: string, value: string | undefined, end: boolean): number | null {
  if (value === undefined) return null;
  const parsed = parseDateInput(value);
  if (!parsed.ok) throw new CliUsageError(`--${name}: ${parsed.message}`);
  return end ? endOfDateInput(parsed) : parsed.date;
}

export async function searchCommand(context: CliContext, chatArgument: string | undefined, options: SearchOptions): Promise<void> {
  if (options.all && chatArgument !== undefined) throw new CliUsageError('Give a chat or --all, not both.');
  if (!options.all && chatArgument === undefined) throw new CliUsageError('Name a chat to search, or use --all.');
  const from = parseBound('from', options.from, false);
  const to = parseBound('to', options.to, true);
  if (from !== null && to !== null && from >= to) throw new CliUsageError('--from must be before --to.');
  const kinds = (options.type ?? '')
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean)
    .map((kind) => {
      const known = searchKinds.find((searchKind) => searchKind === kind);
      if (known === undefined) throw new CliUsageError(`--type: “${kind}” is not a kind; use ${searchKinds.join(', ')}.`);
      return known;
    });
  const limit = options.limit === undefined ? (options.ndjson ? Number.POSITIVE_INFINITY : 50) : Number(options.limit);
  if (!(limit === Number.POSITIVE_INFINITY || Number.isInteger(limit)) || limit < 1 || (!options.ndjson && limit > MAX_PAGE_SIZE))
    throw new CliUsageError(`--limit must be a whole number from 1 to ${MAX_PAGE_SIZE} (any number with --ndjson).`);
  const core = context.core();
  const chatId = options.all ? null : resolveChatArgument(core, chatArgument).id;
  const request: SearchRequest = {
    chatId,
    from,
    to,
    query: options.query ?? '',
    sender: options.sender ?? '',
    kinds,
    ...(options['earlier-versions'] ? { earlierVersions: true } : {}),
    order: options.oldest ? 'oldest' : 'newest',
    limit: Math.min(limit, MAX_PAGE_SIZE),
    cursor: null,
  };
  if (options.ndjson) {
    // One hit per line, as many as asked (no cap), page after page through the search's own cursor.
    let written = 0;
    for (let cursor: string | null = null; written < limit;) {
      const page = await core.search.search({ ...request, cursor, limit: Math.min(MAX_PAGE_SIZE, limit - written) });
      for (const hit of page.hits) context.out(JSON.stringify(jsonHit(hit)));
      written += page.hits.length;
      // A page cut where a source stopped reading may be short, even empty, and still have a next one.
      if (!page.nextCursor || page.nextCursor === cursor) return;
      cursor = page.nextCursor;
    }
    return;
  }
  const page = await core.search.search(request);
  const total = await core.search.count(request);
  if (context.json) {
    context.out(
      JSON.stringify(
        {
          total: {
            onComputer: total.onComputer,
            atSource: total.atSource,
            notDownloaded: total.notDownloaded.map((span) => ({
              from: span.from === null ? null : new Date(span.from).toISOString(),
              to: new Date(span.to).toISOString(),
            })),
            notes: total.notes,
          },
          hits: page.hits.map(jsonHit),
          searched: page.searched.map((span) => ({
            from: span.from === null ? null : new Date(span.from).toISOString(),
            to: new Date(span.to).toISOString(),
            where: span.where,
          })),
          incomplete: page.incomplete,
          sources: page.sources,
          coverage: page.coverage && {
            ...page.coverage,
            spans: page.coverage.spans.map((span) => ({
              from: span.from === null ? null : new Date(span.from).toISOString(),
              to: new Date(span.to).toISOString(),
              place: span.place,
            })),
          },
        },
        null,
        2,
      ),
    );
    return;
  }
  // The same model as the window's: the total, where it was searched, and whether anything is not here.
  const t = translator();
  const outcome = describeSearchOutcome(page, total, t, t.locale);
  context.out(`${outcome.total ?? ''}; showing ${page.hits.length}${page.nextCursor ? ' (more with a larger --limit)' : ''}`);
  if (outcome.where) context.out(outcome.where);
  if (outcome.offerDownload) context.out(t('search.cli.offerDownload', { chat: String(chatId ?? '') }));
  for (const note of total.notes) context.err(note);
  for (const hit of page.hits)
    context.out(
      `${chatId === null ? `[${hit.chatName}] ` : ''}${formatMessageLine(hit.message)}${hit.foundAt ? ` (found at ${hit.foundAt})` : ''}`,
    );
}
