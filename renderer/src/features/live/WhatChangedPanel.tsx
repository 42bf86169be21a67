import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ArchiveChange } from '../../../../shared/ipc/contract.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatCount, formatDateTime } from '../../format/formatDates.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

const DAY = 86_400_000;
const KIND_LABEL: Record<ArchiveChange['kind'], string> = { new: 'new', edited: 'edited', deleted: 'deleted at the source' };

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
  const [openedAt] = useState(() => Date.now());
  const choices = [
    ...(previousLook !== null ? [{ label: `since you last looked (${formatDateTime(previousLook)})`, since: previousLook }] : []),
    { label: 'in the last 24 hours', since: openedAt - DAY },
    { label: 'in the last 7 days', since: openedAt - 7 * DAY },
    { label: 'in the last 30 days', since: openedAt - 30 * DAY },
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
      aria-label="What changed"
      data-testid="what-changed"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <header>
        <h2>What changed</h2>
        <select aria-label="Since" value={since} onChange={(event) => setSince(Number(event.target.value))}>
          {choices.map((choice) => (
            <option key={choice.label} value={choice.since}>
              {choice.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={onClose} aria-label="Close what changed">
          ×
        </button>
      </header>
      {changes.isPending && <p role="status">Reading what changed…</p>}
      {changes.isError && <p role="alert">What changed could not be read: {changes.error.message}</p>}
      {changes.data && (
        <>
          <p className="what-changed-counts" role="status">
            On this computer: {formatCount(counts.new)} new, {formatCount(counts.edited)} edited, {formatCount(counts.deleted)} deleted at
            the source
            {changes.data.length === 500 ? ' (the newest 500 changes shown)' : ''}
          </p>
          <ol className="what-changed-list">
            {changes.data.map((change) => (
              <li key={`${change.kind}:${change.message.id}`}>
                <button type="button" onClick={() => onShow(change.message.id)} data-change-kind={change.kind}>
                  <span className={`change-kind ${change.kind}`}>{KIND_LABEL[change.kind]}</span>
                  <span className="change-when">{formatDateTime(change.at)}</span>
                  <span className="change-text" dir="auto">
                    {change.message.senderName ?? 'Unknown'}:{' '}
                    {change.message.text.slice(0, 120) || (change.message.media?.kind ?? 'message')}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {changes.data.length === 0 && <p>Nothing changed {choices.find((choice) => choice.since === since)?.label}.</p>}
        </>
      )}
    </aside>
  );
}
