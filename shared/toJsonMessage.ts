import type { ChatMessage } from './domain.ts';

/**
 * A message as JSON for other programs (the CLI's `--json` and `--ndjson`, the JSON Lines export): every field
 * of the message, with dates as ISO 8601 strings.
 */
export function toJsonMessage(message: ChatMessage): Record<string, unknown> {
  return {
    ...message,
    date: new Date(message.date).toISOString(),
    editDate: message.editDate === null ? null : new Date(message.editDate).toISOString(),
    forward: message.forward
      ? { ...message.forward, date: message.forward.date === null ? null : new Date(message.forward.date).toISOString() }
      : null,
  };
}
