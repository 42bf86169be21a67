import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecoveryStatus } from '../../../../shared/ipc/contract.ts';
import { newerRevision } from '../../../../shared/newerRevision.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { translate, useT } from '../../i18n/translate.ts';

const archiveHealthKey = ['archiveHealth'] as const;

/**
 * Above everything while the archive is damaged: it is read-only (what reads is shown), and Recover… copies
 * what reads into a fresh archive, with its progress, then says what was saved. Asked once at start and again
 * whenever an answer says DB_CORRUPT (damage found meanwhile, here or by another process).
 */
export function DamagedArchiveBanner() {
  const client = useQueryClient();
  const t = useT();
  const health = useQuery({ queryKey: archiveHealthKey, queryFn: () => scrollback.getArchiveHealth(), staleTime: Infinity });
  const [recovery, setRecovery] = useState<RecoveryStatus | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  useEffect(
    () =>
      window.scrollback.onAppEvent((event) => {
        if (event.kind === 'recoveryStatus') setRecovery((current) => newerRevision(current ?? undefined, event.status));
      }),
    [],
  );
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        const error = event.query.state.error as { code?: unknown } | null;
        if (event.type === 'updated' && error?.code === 'DB_CORRUPT' && event.query.queryKey[0] !== archiveHealthKey[0])
          void client.invalidateQueries({ queryKey: archiveHealthKey });
      }),
    [client],
  );

  const recover = async () => {
    if (!window.confirm(translate('archive.recover.confirm'))) return;
    setStartError(null);
    try {
      setRecovery(await scrollback.recoverArchive());
    } catch (error) {
      setStartError((error as Error).message);
    }
  };

  if (recovery?.state === 'running') {
    const progress = recovery.progress;
    return (
      <div className="import-panel archive-banner" role="status" aria-label={t('archive.recovery.label')} data-testid="archive-banner">
        <span>
          {!progress
            ? t('archive.recovery.running')
            : progress.totalMessages > 0
              ? t('archive.recovery.progressOfTotal', { copied: progress.copiedMessages, total: progress.totalMessages })
              : t('archive.recovery.progress', { copied: progress.copiedMessages })}
        </span>
        <progress
          max={1}
          value={progress && progress.totalMessages > 0 ? Math.min(1, progress.copiedMessages / progress.totalMessages) : undefined}
          aria-label={t('archive.recovery.progressLabel')}
        />
      </div>
    );
  }
  if (recovery?.state === 'done' && recovery.result) {
    const { messages, chats, incompleteChats, damagedCopy, reopens } = recovery.result;
    return (
      <div className="import-panel archive-banner done" role="status" aria-label={t('archive.recovery.label')} data-testid="archive-banner">
        <span>
          {t('archive.recovery.done', { messages, chats })}
          {incompleteChats.length > 0 &&
            ` ${t('archive.recovery.incomplete', { chats: incompleteChats.map((chat) => chat.name).join(', ') })}`}{' '}
          {t('archive.recovery.damagedCopy', { file: damagedCopy })}{' '}
          {reopens ? t('archive.recovery.restarting') : t('archive.recovery.restartToOpen')}
        </span>
      </div>
    );
  }
  if (!health.data?.damaged) return null;
  const failed = startError ?? (recovery?.state === 'failed' ? (recovery.error?.message ?? t('archive.recovery.failed')) : null);
  return (
    <div className="import-panel error archive-banner" role="alert" data-testid="archive-banner" title={health.data.message ?? undefined}>
      <span>{t('archive.damaged')} </span>
      <button type="button" onClick={() => void recover()}>
        {t('archive.recover')}
      </button>
      {failed && <span> {failed}</span>}
    </div>
  );
}
