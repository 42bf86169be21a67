import { useEffect, useRef } from 'react';
import { useChatSync } from '../sync/useChatSync.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * Shown only when the search model says part of the range is not on this computer: offers to bring the whole
 * chat here for fully local search. When that download finishes, `onDownloaded` searches again, so the offer
 * and the where line follow what is now here.
 */
export function DownloadRestOffer({ chatId, onDownloaded }: { chatId: number; onDownloaded(): void }) {
  const t = useT();
  const { status, start } = useChatSync(chatId);
  const started = useRef(false);
  useEffect(() => {
    if (started.current && status?.state === 'done') {
      started.current = false;
      onDownloaded();
    }
  }, [status?.state, onDownloaded]);
  if (status?.state === 'running') return <div className="search-where">{t('search.download.running')}</div>;
  return (
    <button
      type="button"
      className="search-download"
      onClick={() => {
        started.current = true;
        start();
      }}
      data-testid="search-download-rest"
    >
      {t('search.download.rest')}
    </button>
  );
}
