import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatBytes } from '../../format/formatDates.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { translate, useT } from '../../i18n/translate.ts';

const GB = 1024 ** 3;

/**
 * What media takes on this computer, and the limit for whole files (thumbnails are always kept): past it,
 * the least recently viewed files go first, never pinned ones or those of chats marked "keep media".
 */
export function MediaStorage() {
  const t = useT();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: queryKeys.media.settings(),
    queryFn: ({ signal }) => scrollback.getMediaSettings(undefined, { signal }),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return null;
  const { fullBytes, thumbBytes, limitBytes } = settings.data;
  const save = async () => {
    const gb = Number(editing);
    if (!Number.isFinite(gb) || gb < 0) return setError(translate('media.storage.badLimit'));
    try {
      client.setQueryData(queryKeys.media.settings(), await scrollback.setMediaLimit({ limitBytes: Math.round(gb * GB) }));
      setEditing(null);
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : translate('media.storage.notSaved'));
    }
  };
  return (
    <div className="media-storage" data-testid="media-storage">
      <span title={t('media.storage.explanation')}>
        {t('media.storage.used', { used: formatBytes(fullBytes), limit: formatBytes(limitBytes), thumbnails: formatBytes(thumbBytes) })}
      </span>
      {editing === null ? (
        <button type="button" className="link-button" onClick={() => setEditing(String(Math.round((limitBytes / GB) * 10) / 10))}>
          {t('media.storage.change')}
        </button>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            {t('media.storage.keepUpTo')}{' '}
            <input
              type="number"
              min={0}
              step={0.5}
              value={editing}
              onChange={(event) => setEditing(event.target.value)}
              aria-label={t('media.storage.limitLabel')}
              data-testid="media-limit"
            />{' '}
            {t('media.storage.unit')}
          </label>
          <button type="submit">{t('common.save')}</button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('common.cancel')}
          </button>
          {error && (
            <span className="media-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
