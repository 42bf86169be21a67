import { toJsonMessage } from '../../../../shared/toJsonMessage.ts';
import type { ExportFormatSpec, ExportWriter, TextSink } from './ExportWriter.ts';

/**
 * JSON Lines: one message per line, oldest first, with exactly the fields `scrollback history --ndjson` prints
 * (the same function writes both), so a program that reads one reads the other. No header line: every line is
 * a message.
 */
export function createJsonLinesExportWriter(out: TextSink): ExportWriter {
  return {
    begin() {},
    message(message) {
      // JSON.stringify escapes line breaks inside strings, so a message is never more than one line.
      out(`${JSON.stringify(toJsonMessage(message))}\n`);
    },
    end() {},
  };
}

export const jsonLinesExportFormat: ExportFormatSpec = {
  id: 'jsonl',
  label: 'JSON Lines (one message a line, for scripts)',
  extension: 'jsonl',
  mimeType: 'application/jsonl',
  bytesPerMessage: 370,
  carriesMedia: false,
  offersBom: false,
  createWriter: (out) => createJsonLinesExportWriter(out),
};
