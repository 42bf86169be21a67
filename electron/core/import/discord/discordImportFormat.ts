import { ScrollbackError } from '../../../../shared/errors.ts';
import { decodeTextChunks } from '../../files/decodeTextChunks.ts';
import { cancelledImport, ChatWriter } from '../ChatWriter.ts';
import { chatNameFromFileName, fileInput } from '../examineFile.ts';
import type { ImportFormat } from '../ImportFormat.ts';
import { parseDiscordExport, toDiscordSourceChat, toDiscordSourceMessages } from './toDiscordSourceMessages.ts';

/** A DiscordChatExporter file is one JSON document, parsed whole: larger ones should be split when exporting. */
const MAX_DISCORD_BYTES = 512 * 1024 * 1024;

/** DiscordChatExporter's JSON export of one channel, thread or direct conversation. */
export const discordImportFormat: ImportFormat = {
  id: 'discord',
  app: 'Discord',
  label: 'DiscordChatExporter JSON',
  extensions: ['json'],
  // Its writer puts "guild" first (DiscordChatExporter's JsonMessageWriter).
  recognise: (file) => (file.content === 'json' && /^\{\s*"guild"\s*:/.test(file.head) ? 'sure' : null),
  expand(file) {
    if (file.sizeBytes > MAX_DISCORD_BYTES)
      throw new ScrollbackError(
        'INVALID_FILE',
        `${file.path}: this DiscordChatExporter file is larger than 512 MB; export the channel again in parts (its --partition option) and import those.`,
      );
    return [fileInput(file.path, discordImportFormat, chatNameFromFileName(file.path))];
  },
  read(input, { db, files }, options) {
    const parts: string[] = [];
    for (const chunk of decodeTextChunks(input.source)) {
      if (options.isCancelled?.()) throw cancelledImport(input);
      parts.push(chunk.text);
      options.onProgress?.(chunk.byteEnd);
    }
    const exported = parseDiscordExport(parts.join(''), input.path);
    const writer = new ChatWriter(db, toDiscordSourceChat(exported, input.chatNameHint), files);
    // An export can list one message twice (seen in the wild): kept once.
    const seen = new Set<string>();
    (exported.messages ?? []).forEach((raw, index) => {
      for (const message of toDiscordSourceMessages(raw, `${input.path}, message ${index + 1}`, (name) => input.mediaFiles.find(name))) {
        if (seen.has(message.id)) continue;
        seen.add(message.id);
        writer.add(message);
      }
    });
    return { chats: [writer.finish()], timeZone: null };
  },
};
