import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useT } from '../../i18n/translate.ts';
import { formatListDate } from '../../format/formatDates.ts';

/** The chat's three newest exports, each with "Only new messages" and "Update the file". */
export function EarlierExports({ chatId, onAgain }: { chatId: number; onAgain(exportId: number, mode: 'new' | 'merged'): void }) {
  const t = useT();
  const previous = useQuery({ queryKey: queryKeys.exports.ofChat(chatId), queryFn: () => scrollback.listExports({ chatId }) });
  if (!previous.data || previous.data.length === 0) return null;
  return (
    <fieldset className="export-previous">
      <legend>{t('export.earlier.legend')}</legend>
      {previous.data.slice(0, 3).map((record) => (
        <div key={record.id} className="export-record">
          <span title={record.target}>
            {t('export.earlier.record', {
              file: record.target.split(/[\\/]/).pop() ?? record.target,
              count: record.written,
              date: formatListDate(record.createdAt),
            })}
          </span>
          <button type="button" onClick={() => onAgain(record.id, 'new')}>
            {t('export.earlier.onlyNew')}
          </button>
          <button type="button" onClick={() => onAgain(record.id, 'merged')}>
            {t('export.earlier.update')}
          </button>
        </div>
      ))}
    </fieldset>
  );
}
