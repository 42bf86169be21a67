import { ScrollbackError } from '../../../../shared/errors.ts';
import { cancelledImport, ChatWriter } from '../ChatWriter.ts';
import { chatNameFromFileName, fileInput } from '../examineFile.ts';
import type { ImportFormat } from '../ImportFormat.ts';
import { readDiscordExport } from './readDiscordExport.ts';
import { toDiscordSourceChat, toDiscordSourceMessages } from './toDiscordSourceMessages.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** A DiscordChatExporter file is read a message at a time; past this size it should be split when exporting. */
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
      throw new ScrollbackError('INVALID_FILE', translator()('error.discord.tooLarge', { path: file.path }));
    return [fileInput(file.path, discordImportFormat, chatNameFromFileName(file.path))];
  },
  read(input, { db, files }, options) {
    const chat: { writer: ChatWriter | null } = { writer: null };
    // An export can list one message twice (seen in the wild): kept once.
    const seen = new Set<string>();
    readDiscordExport(
      input.source,
      {
        chat: (head) => (chat.writer = new ChatWriter(db, toDiscordSourceChat(head, input.chatNameHint), files)),
        message(raw, index) {
          for (const message of toDiscordSourceMessages(raw, `${input.path}, message ${index}`, (name) => input.mediaFiles.find(name))) {
            if (seen.has(message.id)) continue;
            seen.add(message.id);
            chat.writer!.add(message);
          }
        },
      },
      { isCancelled: options.isCancelled, cancelled: () => cancelledImport(input), onProgress: options.onProgress },
    );
    if (!chat.writer) throw new ScrollbackError('INVALID_FILE', translator()('error.discord.noMessages', { path: input.path }));
    return { chats: [chat.writer.finish()], timeZone: null };
  },
};
