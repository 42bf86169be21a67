import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { exportFormats, type ExportFormat, type ExportMediaMode, type ExportRequest } from '../../../../shared/exporting.ts';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { endOfDateInput, parseDateInput } from '../../../../shared/parseDateInput.ts';

/**
 * What opened the dialog: a chat, for "Export these results" the search's filter and dates, and for "Export
 * selected" the messages selected in the window (oldest first).
 */
export interface ExportScope {
  chat: ChatSummary;
  search: { filter: NonNullable<ExportRequest['filter']>; from: number | null; to: number | null } | null;
  selection?: string[];
}

const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON (Telegram Desktop format)',
  html: 'HTML page (opens in any browser)',
  csv: 'CSV (spreadsheets)',
  txt: 'Plain text',
  md: 'Markdown',
};

function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

function describeDownload(missing: number | null, seconds: number | null): string {
  if (missing === null || seconds === null)
    return 'Part of the range is not downloaded yet: it is fetched first, at the source’s pace (rate limits can add waits).';
  const time = seconds < 90 ? `${seconds} s` : seconds < 5400 ? `${Math.round(seconds / 60)} min` : `${(seconds / 3600).toFixed(1)} h`;
  return `${missing.toLocaleString()} messages are fetched first, about ${time} at the source’s pace (rate limits can add waits).`;
}

function dayBound(text: string, end: boolean): number | null {
  if (text === '') return null;
  const parsed = parseDateInput(text);
  if (!parsed.ok) return null;
  return end ? endOfDateInput(parsed) : parsed.date;
}

/**
 * File → Export Chat… (Ctrl+E), the chat's context menu and "Export these results": format, scope and
 * service messages, with an estimate (count, size, whether a download comes first) before starting. The
 * destination is asked by main's native save dialog.
 */
export function ExportDialog({
  scope,
  onClose,
  onStart,
  onAgain,
}: {
  scope: ExportScope;
  onClose(): void;
  onStart(request: ExportRequest): void;
  onAgain(exportId: number, mode: 'new' | 'merged'): void;
}) {
  const previous = useQuery({ queryKey: ['exports', scope.chat.id], queryFn: () => scrollback.listExports({ chatId: scope.chat.id }) });
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<ExportFormat>('html');
  const [range, setRange] = useState<'all' | 'dates' | 'search' | 'selected'>(
    scope.selection ? 'selected' : scope.search ? 'search' : 'all',
  );
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [includeService, setIncludeService] = useState(true);
  const [csvBom, setCsvBom] = useState(true);
  const [media, setMedia] = useState<ExportMediaMode>('all');
  useEffect(() => dialog.current?.showModal(), []);

  const request: ExportRequest = {
    chatId: scope.chat.id,
    format,
    from: range === 'dates' ? dayBound(fromDay, false) : range === 'search' ? (scope.search?.from ?? null) : null,
    to: range === 'dates' ? dayBound(toDay, true) : range === 'search' ? (scope.search?.to ?? null) : null,
    filter: range === 'search' ? (scope.search?.filter ?? null) : null,
    includeService,
    csvBom: format === 'csv' && csvBom,
    media: format === 'json' || format === 'html' ? media : 'none',
    messageIds: range === 'selected' ? (scope.selection ?? null) : null,
  };
  const estimate = useQuery({ queryKey: ['exportEstimate', request], queryFn: () => scrollback.estimateExport(request) });
  const badDates = range === 'dates' && ((fromDay !== '' && request.from === null) || (toDay !== '' && request.to === null));

  return (
    <dialog ref={dialog} className="export-dialog" aria-label="Export chat" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onStart(request);
          onClose();
        }}
      >
        <h2>Export “{scope.chat.name}”</h2>
        <fieldset>
          <legend>Format</legend>
          {exportFormats.map((value) => (
            <label key={value}>
              <input type="radio" name="format" value={value} checked={format === value} onChange={() => setFormat(value)} />{' '}
              {FORMAT_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Messages</legend>
          <label>
            <input type="radio" name="range" checked={range === 'all'} onChange={() => setRange('all')} /> The whole chat
          </label>
          <label>
            <input type="radio" name="range" checked={range === 'dates'} onChange={() => setRange('dates')} /> From{' '}
            <input
              type="date"
              aria-label="From day"
              value={fromDay}
              onChange={(event) => {
                setFromDay(event.target.value);
                setRange('dates');
              }}
            />{' '}
            to{' '}
            <input
              type="date"
              aria-label="To day"
              value={toDay}
              onChange={(event) => {
                setToDay(event.target.value);
                setRange('dates');
              }}
            />
          </label>
          {scope.selection && (
            <label>
              <input
                type="radio"
                name="range"
                checked={range === 'selected'}
                onChange={() => setRange('selected')}
                data-testid="export-selected"
              />{' '}
              The {scope.selection.length.toLocaleString()} selected messages
            </label>
          )}
          {scope.search && (
            <label>
              <input type="radio" name="range" checked={range === 'search'} onChange={() => setRange('search')} /> The current search result
            </label>
          )}
          <label>
            <input type="checkbox" checked={includeService} onChange={(event) => setIncludeService(event.target.checked)} /> Include service
            messages (joins, pins, calls)
          </label>
          {(format === 'json' || format === 'html') && (
            <label>
              Media{' '}
              <select value={media} onChange={(event) => setMedia(event.target.value as ExportMediaMode)} data-testid="export-media">
                <option value="all">Files and thumbnails on this computer</option>
                <option value="thumbnails">Thumbnails only</option>
                <option value="none">No media (names only)</option>
              </select>
            </label>
          )}
          {format === 'csv' && (
            <label>
              <input type="checkbox" checked={csvBom} onChange={(event) => setCsvBom(event.target.checked)} /> Mark as UTF-8 for spreadsheet
              apps (BOM)
            </label>
          )}
        </fieldset>
        {previous.data && previous.data.length > 0 && (
          <fieldset className="export-previous">
            <legend>Earlier exports</legend>
            {previous.data.slice(0, 3).map((record) => (
              <div key={record.id} className="export-record">
                <span title={record.target}>
                  {record.target.split(/[\\/]/).pop()} — {record.written.toLocaleString()} messages,{' '}
                  {new Date(record.createdAt).toLocaleDateString()}
                </span>
                <button
                  type="button"
                  onClick={() => {
                    onAgain(record.id, 'new');
                    dialog.current?.close();
                  }}
                >
                  Only new messages
                </button>
                <button
                  type="button"
                  onClick={() => {
                    onAgain(record.id, 'merged');
                    dialog.current?.close();
                  }}
                >
                  Update the file
                </button>
              </div>
            ))}
          </fieldset>
        )}
        <p className="export-estimate" data-testid="export-estimate">
          {badDates
            ? 'Enter valid days.'
            : estimate.data
              ? `${estimate.data.messages.toLocaleString()} cached messages${range === 'selected' ? ' selected' : ' in range'}, about ${formatSize(estimate.data.approxBytes)}${estimate.data.mediaBytes > 0 ? ` (${formatSize(estimate.data.mediaBytes)} of it media on this computer)` : ''}${range === 'search' ? ' before the search filter' : ''}.${estimate.data.needsDownload ? ` ${describeDownload(estimate.data.missingMessages, estimate.data.approxDownloadSeconds)}` : ''}`
              : 'Estimating…'}
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" disabled={badDates}>
            Export…
          </button>
        </div>
      </form>
    </dialog>
  );
}
