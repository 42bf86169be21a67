import type { ChatMessage, ChatSummary } from '../../../../shared/domain.ts';
import type { ExportFormatInfo } from '../../../../shared/exporting.ts';
import type { ExportedMediaPaths } from '../createExportMediaCopier.ts';

/** One export format: called with the chat, then each message oldest first, then once at the end. */
export interface ExportWriter {
  /** `origin`: the chat's source and its key there, which Scrollback's JSON records to recognise it on import. */
  begin(chat: ChatSummary, origin?: { sourceId: string; sourceKey: string }): void;
  message(message: ChatMessage): void;
  end(): void;
}

/** Where a format's text goes (the atomic file writer, or a string in tests). */
export type TextSink = (text: string) => void;

export interface ExportWriterOptions {
  /** Start with a byte order mark (formats that offer one). */
  bom: boolean;
  /** Where the message's media were copied beside the file (formats that carry media); `{}` when not copied. */
  mediaPaths: (message: ChatMessage) => ExportedMediaPaths;
}

/**
 * One export format, whole: what the window, the CLI and the save dialog show (sent to the window as
 * `ExportFormatInfo`) and its writer. Each lives beside its writer; `exportFormats.ts` lists them.
 */
export interface ExportFormatSpec extends ExportFormatInfo {
  createWriter(out: TextSink, options: ExportWriterOptions): ExportWriter;
}

/** "2024-01-12T10:00:05" in local time, as Telegram Desktop writes dates. */
export function localIsoSeconds(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export { mediaLabel } from '../../../../shared/messageTranscript.ts';
