import type { ChatMessage, ChatSummary } from '../../../../shared/domain.ts';

/** One export format: called with the chat, then each message oldest first, then once at the end. */
export interface ExportWriter {
  /** `origin`: the chat's source and its key there, which Scrollback's JSON records to recognise it on import. */
  begin(chat: ChatSummary, origin?: { sourceId: string; sourceKey: string }): void;
  message(message: ChatMessage): void;
  end(): void;
}

/** Where a format's text goes (the atomic file writer, or a string in tests). */
export type TextSink = (text: string) => void;

/** "2024-01-12T10:00:05" in local time, as Telegram Desktop writes dates. */
export function localIsoSeconds(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export { mediaLabel } from '../../../../shared/messageTranscript.ts';
