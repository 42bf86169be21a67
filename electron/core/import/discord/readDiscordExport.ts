import type { ByteSource } from '../../files/ByteSource.ts';
import { decodeTextChunks } from '../../files/decodeTextChunks.ts';
import { TelegramExportScanner } from '../telegram/TelegramExportScanner.ts';
import type { toDiscordSourceChat } from './toDiscordSourceMessages.ts';

/** What a DiscordChatExporter file says of its chat before its messages (its writer puts them first). */
export type DiscordExportHead = Parameters<typeof toDiscordSourceChat>[0];

export interface DiscordExportVisitor {
  /** The file's `guild` and `channel`, once its `messages` list begins. */
  chat(head: DiscordExportHead): void;
  /** One element of `messages`, parsed in bounds (see TelegramExportScanner), numbered from 1. */
  message(raw: unknown, index: number): void;
}

/**
 * Reads a DiscordChatExporter JSON file a piece at a time, handing on one message at a time: memory stays
 * bounded by what one message may keep (a huge or deeply nested one is cut while it is read), never the
 * file, which JSON.parse would hold whole several times over.
 */
export function readDiscordExport(
  source: ByteSource,
  visitor: DiscordExportVisitor,
  options: { isCancelled?: () => boolean; cancelled?: () => Error; onProgress?: (bytes: number) => void } = {},
): void {
  let index = 0;
  const scanner = new TelegramExportScanner(
    source.name,
    {
      chatStart(meta) {
        const head = meta as { guild?: unknown; channel?: unknown };
        const object = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});
        visitor.chat({ guild: object(head.guild), channel: object(head.channel) });
      },
      message: (raw) => visitor.message(raw, ++index),
      chatEnd() {},
    },
    { metaKeys: ['guild', 'channel'], exportKind: 'discord' },
  );
  for (const chunk of decodeTextChunks(source)) {
    if (options.isCancelled?.()) throw options.cancelled?.() ?? new Error('cancelled');
    scanner.push(chunk.text, chunk.byteOffset);
    options.onProgress?.(chunk.byteEnd);
  }
  scanner.end();
}
