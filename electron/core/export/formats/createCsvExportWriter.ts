import { messageKindOf } from '../../../../shared/domain.ts';
import { mediaLabel, type ExportFormatSpec, type ExportWriter, type TextSink } from './ExportWriter.ts';

const HEADER = [
  'id',
  'date_utc',
  'sender',
  'sender_id',
  'kind',
  'text',
  'media',
  'reply_to',
  'forwarded_from',
  'edited_utc',
  'deleted_at_source_utc',
];

/**
 * A cell as RFC 4180 wants it (quoted, quotes doubled), and safe to open in a spreadsheet: text starting
 * with = + - @ (or a tab or carriage return) would run as a formula, so it gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV, UTF-8, one row per message, CRLF line ends; optionally a BOM for spreadsheet apps. */
export function createCsvExportWriter(out: TextSink, options: { bom: boolean }): ExportWriter {
  const row = (cells: string[]) => out(`${cells.map(csvCell).join(',')}\r\n`);
  return {
    begin() {
      if (options.bom) out('\ufeff');
      row(HEADER);
    },
    message(message) {
      row([
        message.id,
        new Date(message.date).toISOString(),
        message.senderName ?? '',
        message.senderId ?? '',
        messageKindOf(message),
        message.text,
        mediaLabel(message),
        message.replyToId ?? '',
        message.forward?.fromName ?? '',
        message.editDate === null ? '' : new Date(message.editDate).toISOString(),
        message.deletedAt === null ? '' : new Date(message.deletedAt).toISOString(),
      ]);
    },
    end() {},
  };
}

export const csvExportFormat: ExportFormatSpec = {
  id: 'csv',
  label: 'CSV (spreadsheets)',
  extension: 'csv',
  mimeType: 'text/csv',
  bytesPerMessage: 190,
  carriesMedia: false,
  offersBom: true,
  createWriter: (out, options) => createCsvExportWriter(out, { bom: options.bom }),
};
