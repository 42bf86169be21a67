import { useChatSync } from '../sync/useChatSync.ts';

/** When part of a search went to the source, offer to bring the whole chat here for fully local search. */
export function DownloadRestOffer({ chatId }: { chatId: number }) {
  const { status, start } = useChatSync(chatId);
  if (status?.state === 'running') return <div className="search-where">Downloading the rest of this chat…</div>;
  return (
    <button type="button" className="search-download" onClick={() => start()} data-testid="search-download-rest">
      Download the rest of this chat for fully local search
    </button>
  );
}
