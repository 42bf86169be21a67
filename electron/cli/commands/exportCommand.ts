import { resolve } from 'node:path';
import { endOfDateInput, parseDateInput } from '../../../shared/parseDateInput.ts';
import type { ExportRequest } from '../../../shared/exporting.ts';
import { exportFormats } from '../../core/export/exportFormats.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';
import { resolveChatArgument } from '../resolveChatArgument.ts';
import { exportArchiveCommand } from './exportArchiveCommand.ts';

/** Exports a chat (or a date range, or what a query matches) to a file, with progress on stderr. */
export async function exportCommand(
  context: CliContext,
  chatArgument: string | undefined,
  options: {
    format?: string;
    from?: string;
    to?: string;
    query?: string;
    out?: string;
    'no-service'?: boolean;
    bom?: boolean;
    all?: boolean;
    media?: string;
  },
): Promise<void> {
  if (options.all) {
    if (chatArgument !== undefined) throw new CliUsageError('export: give a chat or --all, not both.');
    const single = (['from', 'to', 'query', 'no-service', 'bom'] as const).find((name) => options[name] !== undefined);
    if (single) throw new CliUsageError(`export --all does not take --${single} (it exports every chat whole).`);
    return exportArchiveCommand(context, options);
  }
  if (options.media !== undefined) throw new CliUsageError('export: --media goes with --all.');
  const format = options.format ?? 'json';
  if (!exportFormats.some((known) => known.id === format))
    throw new CliUsageError(`--format: “${format}” is not one of ${exportFormats.map((known) => known.id).join(', ')}.`);
  if (!options.out) throw new CliUsageError('export: --out PATH is required.');
  const bound = (name: string, value: string | undefined, end: boolean) => {
    if (value === undefined) return null;
    const parsed = parseDateInput(value);
    if (!parsed.ok) throw new CliUsageError(`--${name}: ${parsed.message}`);
    return end ? endOfDateInput(parsed) : parsed.date;
  };
  const core = context.core();
  const chat = resolveChatArgument(core, chatArgument);
  const request: ExportRequest = {
    chatId: chat.id,
    format,
    from: bound('from', options.from, false),
    to: bound('to', options.to, true),
    filter: options.query ? { query: options.query, sender: '', kinds: [] } : null,
    includeService: options['no-service'] !== true,
    csvBom: options.bom === true,
  };
  const estimate = core.exports.estimate(request);
  context.err(
    `${chat.name}: ${estimate.messages.toLocaleString('en-US')} messages in range, about ${Math.ceil(estimate.approxBytes / 1e6)} MB${estimate.needsDownload ? `; downloading the missing part first${estimate.approxDownloadSeconds !== null && estimate.missingMessages !== null ? ` (${estimate.missingMessages.toLocaleString('en-US')} messages, about ${Math.ceil(estimate.approxDownloadSeconds / 60)} min)` : ''}` : ''}`,
  );
  const stop = () => core.exports.cancel();
  process.once('SIGINT', stop);
  let last = 0;
  try {
    const result = await core.exports.exportChat(request, resolve(options.out), (progress) => {
      if (Date.now() - last < 1000) return;
      last = Date.now();
      context.err(
        'downloading' in progress
          ? `${chat.name}: downloading missing messages…`
          : `${chat.name}: exporting ${progress.written.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}`,
      );
    });
    if (context.json) context.out(JSON.stringify(result, null, 2));
    else context.out(`${result.path}: ${result.written.toLocaleString('en-US')} messages, ${result.bytes.toLocaleString('en-US')} bytes`);
  } finally {
    process.removeListener('SIGINT', stop);
  }
}
