import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/** The chat's three newest exports, each with "Only new messages" and "Update the file". */
export function EarlierExports({ chatId, onAgain }: { chatId: number; onAgain(exportId: number, mode: 'new' | 'merged'): void }) {
  const previous = useQuery({ queryKey: queryKeys.exports.ofChat(chatId), queryFn: () => scrollback.listExports({ chatId }) });
  if (!previous.data || previous.data.length === 0) return null;
  return (
    <fieldset className="export-previous">
      <legend>Earlier exports</legend>
      {previous.data.slice(0, 3).map((record) => (
        <div key={record.id} className="export-record">
          <span title={record.target}>
            {record.target.split(/[\\/]/).pop()} — {record.written.toLocaleString()} messages,{' '}
            {new Date(record.createdAt).toLocaleDateString()}
          </span>
          <button type="button" onClick={() => onAgain(record.id, 'new')}>
            Only new messages
          </button>
          <button type="button" onClick={() => onAgain(record.id, 'merged')}>
            Update the file
          </button>
        </div>
      ))}
    </fieldset>
  );
}
