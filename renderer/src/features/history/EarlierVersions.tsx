import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatDateTime } from '../../format/formatDates.ts';
import { RichText } from './RichText.tsx';
import { queryKeys } from '../../bridge/queryKeys.ts';

/**
 * A message's earlier versions, oldest first, as this computer saw them before each edit: what it said and
 * when that version was written (the original's send time, or its edit time), and when the next replaced it.
 */
export function EarlierVersions({ chatId, messageId, sentAt }: { chatId: number; messageId: string; sentAt: number }) {
  const versions = useQuery({
    queryKey: queryKeys.versions.message(chatId, messageId),
    queryFn: () => scrollback.getMessageVersions({ chatId, messageId }),
  });
  if (versions.isPending) return <div className="earlier-versions">Reading earlier versions…</div>;
  if (versions.isError) return <div className="earlier-versions">The earlier versions could not be read: {versions.error.message}</div>;
  return (
    <ol className="earlier-versions" aria-label="Earlier versions" data-testid="earlier-versions">
      {versions.data.map((version, index) => (
        <li key={index}>
          <div className="earlier-version-when">
            {version.editDate === null ? `Original, sent ${formatDateTime(sentAt)}` : `Edited ${formatDateTime(version.editDate)}`} ·
            replaced, as seen here {formatDateTime(version.replacedAt)}
          </div>
          <div className="earlier-version-text" dir="auto">
            {version.text ? <RichText text={version.text} entities={version.entities} /> : <em>(no text)</em>}
          </div>
        </li>
      ))}
    </ol>
  );
}
