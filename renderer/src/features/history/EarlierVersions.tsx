import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatDateTime } from '../../format/formatDates.ts';
import { RichText } from './RichText.tsx';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * A message's earlier versions, oldest first, as this computer saw them before each edit: what it said and
 * when that version was written (the original's send time, or its edit time), and when the next replaced it.
 */
export function EarlierVersions({ chatId, messageId, sentAt }: { chatId: number; messageId: string; sentAt: number }) {
  const t = useT();
  const versions = useQuery({
    queryKey: queryKeys.versions.message(chatId, messageId),
    queryFn: () => scrollback.getMessageVersions({ chatId, messageId }),
  });
  if (versions.isPending) return <div className="earlier-versions">{t('history.versions.reading')}</div>;
  if (versions.isError) return <div className="earlier-versions">{t('history.versions.failed', { reason: versions.error.message })}</div>;
  return (
    <ol className="earlier-versions" aria-label={t('history.versions.label')} data-testid="earlier-versions">
      {versions.data.map((version, index) => (
        <li key={index}>
          <div className="earlier-version-when">
            {version.editDate === null
              ? t('history.versions.original', { sent: formatDateTime(sentAt), replaced: formatDateTime(version.replacedAt) })
              : t('history.versions.edited', { edited: formatDateTime(version.editDate), replaced: formatDateTime(version.replacedAt) })}
          </div>
          <div className="earlier-version-text" dir="auto">
            {version.text ? <RichText text={version.text} entities={version.entities} /> : <em>{t('history.versions.noText')}</em>}
          </div>
        </li>
      ))}
    </ol>
  );
}
