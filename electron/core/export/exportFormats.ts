import { ScrollbackError } from '../../../shared/errors.ts';
import type { ExportFormatInfo } from '../../../shared/exporting.ts';
import { csvExportFormat } from './formats/createCsvExportWriter.ts';
import { htmlExportFormat } from './formats/createHtmlExportWriter.ts';
import { jsonExportFormat } from './formats/createJsonExportWriter.ts';
import { jsonLinesExportFormat } from './formats/createJsonLinesExportWriter.ts';
import { mdExportFormat, txtExportFormat } from './formats/createTranscriptExportWriter.ts';
import type { ExportFormatSpec } from './formats/ExportWriter.ts';
import { translator } from '../i18n/createTranslator.ts';

/**
 * Every export format, in the order the window and the CLI offer them. The export dialog, the CLI's usage and
 * `--format`, the save dialog's filter, the size estimate and the export job all read this list: a new format
 * is its writer file and one line here.
 */
export const exportFormats: readonly ExportFormatSpec[] = [
  jsonExportFormat,
  htmlExportFormat,
  csvExportFormat,
  txtExportFormat,
  mdExportFormat,
  jsonLinesExportFormat,
];

/** The format with this id; words first when there is none (a stored request from a newer version, a typo). */
export function exportFormatOf(id: string): ExportFormatSpec {
  const format = exportFormats.find((candidate) => candidate.id === id);
  if (!format)
    throw new ScrollbackError(
      'INVALID_INPUT',
      translator()('error.export.unknownFormat', { id, formats: exportFormats.map((known) => known.id).join(', ') }),
    );
  return format;
}

/** What the window is told of a format: everything but its writer. */
export function exportFormatInfo({ createWriter: _writer, ...info }: ExportFormatSpec): ExportFormatInfo {
  return info;
}
