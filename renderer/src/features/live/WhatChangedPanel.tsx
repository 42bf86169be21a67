import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ArchiveChange } from '../../../../shared/ipc/contract.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatCount, formatDateTime } from '../../format/formatDates.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useT } from '../../i18n/translate.ts';
import type { MessageId } from '../../../../shared/i18n/locales.ts';

const DAY = 86_400_000;
const KIND_LABEL: Record<ArchiveChange['kind'], MessageId> = {
  new: 'live.changes.kind.new',
  edited: 'live.changes.kind.edited',
  deleted: 'live.changes.kind.deleted',
};

/**
 * What changed in the chat's archive since the user last looked (or the last day, week, month): messages
 * that arrived, edits seen (the earlier text kept) and deletions found at the source (the message kept).
 * Choosing one opens it in context.
 */
export function WhatChangedPanel({
  chatId,
  previousLook,
  onShow,
  onClose,
}: {
  chatId: number;
  previousLook: number | null;
  onShow(messageId: string): void;
  onClose(): void;
}) {
  const t = useT();
  const [openedAt] = useState(() => Date.now());
  const choices = [
    ...(previousLook !== null
      ? [{ label: t('live.changes.sinceLastLook', { when: formatDateTime(previousLook) }), since: previousLook }]
      : []),
    { label: t('live.changes.lastDay'), since: openedAt - DAY },
    { label: t('live.changes.lastDays', { days: 7 }), since: openedAt - 7 * DAY },
    { label: t('live.changes.lastDays', { days: 30 }), since: openedAt - 30 * DAY },
  ];
  const [since, setSince] = useState(choices[0]!.since);
  const changes = useQuery({
    queryKey: queryKeys.changes(chatId, since),
    queryFn: () => scrollback.listChanges({ chatId, since, limit: 500 }),
  });
  const counts = { new: 0, edited: 0, deleted: 0 };
  for (const change of changes.data ?? []) counts[change.kind]++;
  return (
    <aside
      className="what-changed"
      aria-label={t('live.changes.title')}
      data-testid="what-changed"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <header>
        <h2>{t('live.changes.title')}</h2>
        <select aria-label={t('live.changes.since')} value={since} onChange={(event) => setSince(Number(event.target.value))}>
          {choices.map((choice) => (
            <option key={choice.label} value={choice.since}>
              {choice.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={onClose} aria-label={t('live.changes.close')}>
          ×
        </button>
      </header>
      {changes.isPending && <p role="status">{t('live.changes.reading')}</p>}
      {changes.isError && <p role="alert">{t('live.changes.failed', { reason: changes.error.message })}</p>}
      {changes.data && (
        <>
          <p className="what-changed-counts" role="status">
            {t('live.changes.counts', {
              added: formatCount(counts.new),
              edited: formatCount(counts.edited),
              deleted: formatCount(counts.deleted),
            })}
            {changes.data.length === 500 ? ` ${t('live.changes.capped', { count: 500 })}` : ''}
          </p>
          <ol className="what-changed-list">
            {changes.data.map((change) => (
              <li key={`${change.kind}:${change.message.id}`}>
                <button type="button" onClick={() => onShow(change.message.id)} data-change-kind={change.kind}>
                  <span className={`change-kind ${change.kind}`}>{t(KIND_LABEL[change.kind])}</span>
                  <span className="change-when">{formatDateTime(change.at)}</span>
                  <span className="change-text" dir="auto">
                    {t('live.changes.line', {
                      sender: change.message.senderName ?? t('common.unknownSender'),
                      text: change.message.text.slice(0, 120) || t('common.mediaKind', { kind: change.message.media?.kind ?? 'message' }),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {changes.data.length === 0 && (
            <p>{t('live.changes.nothing', { when: choices.find((choice) => choice.since === since)?.label ?? '' })}</p>
          )}
        </>
      )}
    </aside>
  );
}
