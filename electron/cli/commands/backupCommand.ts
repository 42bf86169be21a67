import { backupKinds, describeBackupSummary, describeBytes, type BackupKind, type BackupStatus } from '../../../shared/backup.ts';
import type { SourceSummary } from '../../../shared/domain.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { parseMediaPolicy } from '../../core/backup/backupMediaPolicy.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';

export const backupUsage = `  backup [<account>] [--kinds private,groups,channels,bots] [--media photos,voice,files:20MB] [--watch] [--json]
                                back up every chat of an account (a Telegram account or a RyzeAPI
                                connection; the only one when there is one) and its media by the policy
                                (photos, videos, voice, round, stickers, gifs, files, each :SIZE or not;
                                default photos:8MB; none: messages only): whole histories, most recently
                                active first, then incremental; one progress line on stderr (--json: one
                                event a line on stdout); Ctrl+C stops it and running it again continues
                                where it stopped; --watch keeps it current on its schedule (daily)`;

const numbers = new Intl.NumberFormat('en-US');

function resolveAccount(sources: SourceSummary[], argument: string | undefined): SourceSummary {
  const accounts = sources.filter((source) => source.kind === 'telegram' || source.kind === 'ryze');
  if (argument === undefined) {
    if (accounts.length === 1 && accounts[0]) return accounts[0];
    if (accounts.length === 0)
      throw new CliUsageError('backup: there is no account to back up; log in to Telegram or add a RyzeAPI connection first.');
    throw new CliUsageError(`backup: name the account: ${accounts.map((account) => `“${account.name}” (${account.id})`).join(', ')}.`);
  }
  const wanted = argument.toLowerCase();
  const found = accounts.find((account) => account.id === argument || account.name.toLowerCase() === wanted);
  if (!found)
    throw new CliUsageError(
      `backup: there is no account “${argument}”; the accounts are ${accounts.map((account) => account.id).join(', ') || 'none'}.`,
    );
  return found;
}

function parseKinds(text: string): BackupKind[] {
  return text.split(',').map((part) => {
    const kind = backupKinds.find((candidate) => candidate === part.trim().toLowerCase());
    if (!kind) throw new CliUsageError(`backup: “${part}” is not a kind of chat; use ${backupKinds.join(', ')}.`);
    return kind;
  });
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 120) return `${minutes} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

/** The one progress line: chats, messages and media so far and left, each ETA, and any wait. */
export function describeBackupProgress(name: string, status: BackupStatus): string {
  const { chats, messages, media, etaMs } = status;
  const parts = [
    `${name}: ${status.state}`,
    `${numbers.format(chats.done)} of ${numbers.format(chats.total - chats.excluded)} chats${chats.failed > 0 ? ` (${chats.failed} failed)` : ''}`,
    `${numbers.format(messages.stored)} messages${messages.left === null ? '' : `, ${numbers.format(messages.left)} left`}${etaMs.messages === null ? '' : ` (about ${duration(etaMs.messages)})`}`,
    `media ${numbers.format(media.stored)} files, ${describeBytes(media.bytesStored)}${media.left > 0 ? `, ${numbers.format(media.left)} left (${describeBytes(media.bytesLeft)})` : ''}${etaMs.media === null ? '' : ` (about ${duration(etaMs.media)})`}`,
  ];
  if (status.waitingUntil !== null) parts.push(`waiting: ${status.waitingReason ?? 'the source asked to wait'}`);
  return parts.join(' · ');
}

/**
 * `scrollback backup`: backs up a whole account with progress, resumable (Ctrl+C pauses; running again goes
 * on); `--watch` keeps it current on the backup's schedule until Ctrl+C.
 */
export async function backupCommand(
  context: CliContext,
  accountArgument: string | undefined,
  options: { kinds?: string | undefined; media?: string | undefined; watch?: boolean | undefined },
): Promise<void> {
  const kinds = options.kinds === undefined ? null : parseKinds(options.kinds);
  let media;
  try {
    media = options.media === undefined ? null : parseMediaPolicy(options.media);
  } catch (error) {
    throw new CliUsageError(`backup: --media: ${error instanceof Error ? error.message : String(error)}`);
  }
  const core = context.core();
  const account = resolveAccount(core.listSources(), accountArgument);
  const settings = core.backup.status(account.id).settings;
  if (kinds || media) core.backup.setSettings(account.id, { ...settings, ...(kinds ? { kinds } : {}), ...(media ? { media } : {}) });

  let lastLine = 0;
  let lastSummaryAt: number | null = core.backup.status(account.id).lastSummary?.finishedAt ?? null;
  const report = (status: BackupStatus, force = false) => {
    if (context.json) context.out(JSON.stringify({ kind: 'backupStatus', status }));
    else if (force || Date.now() - lastLine >= 1000) {
      lastLine = Date.now();
      context.err(describeBackupProgress(account.name, status));
    }
    const summary = status.lastSummary;
    if (summary && summary.finishedAt !== lastSummaryAt && status.state !== 'running') {
      lastSummaryAt = summary.finishedAt;
      if (!context.json) context.out(describeBackupSummary(summary));
    }
  };
  const unsubscribe = core.events.subscribe((event) => {
    if (event.kind === 'backupStatus' && event.status.sourceId === account.id) report(event.status);
  });
  try {
    if (options.watch) {
      core.backup.start(account.id);
      core.backup.startSchedules();
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await core.backup.stop();
      return;
    }
    const stop = () => core.backup.pause(account.id);
    process.once('SIGINT', stop);
    core.backup.start(account.id);
    const final = await core.backup.settled(account.id);
    process.removeListener('SIGINT', stop);
    report(final, true);
    if (final.state === 'failed') throw ScrollbackError.fromData(final.error ?? { code: 'INTERNAL', message: 'The backup failed.' });
    if (final.state === 'paused') context.err('Stopped; run the same command again to continue where it stopped.');
  } finally {
    unsubscribe();
  }
}
