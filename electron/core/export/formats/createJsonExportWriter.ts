import { telegramDesktopActionNames, type ServiceAction } from '../../../../shared/serviceActions.ts';
import type { ChatKind, ChatMessage, Media, MessageEntity } from '../../../../shared/domain.ts';
import { TDESKTOP_ENTITY_TYPES } from '../../model/tdesktopEntityTypes.ts';
import { localIsoSeconds, type ExportFormatSpec, type ExportWriter, type TextSink } from './ExportWriter.ts';
import type { ExportedMediaPaths } from '../createExportMediaCopier.ts';

const CHAT_TYPES: Record<ChatKind, string> = { private: 'personal_chat', group: 'private_group', channel: 'private_channel' };
const NOT_INCLUDED = '(File not included. Change data exporting settings to download.)';

/**
 * Telegram Desktop's single-chat `result.json`, so tools that read those exports read ours and our import
 * reads it back. Ids that are not numbers (WhatsApp's) get a running number, with the original kept in
 * `scrollback_id`; dates with milliseconds keep them in `scrollback_date_ms`.
 */
export function createJsonExportWriter(out: TextSink, mediaPaths: (message: ChatMessage) => ExportedMediaPaths = () => ({})): ExportWriter {
  let first = true;
  let ordinal = 0;
  return {
    begin(chat, origin) {
      // Where the chat came from, so importing this file into the same archive adds to that chat, not a copy.
      const from = origin
        ? `\n "scrollback_source": ${JSON.stringify(origin.sourceId)},\n "scrollback_key": ${JSON.stringify(origin.sourceKey)},`
        : '';
      out(
        `{\n "name": ${JSON.stringify(chat.name)},\n "type": ${JSON.stringify(CHAT_TYPES[chat.kind])},\n "id": ${chat.id},${from}\n "messages": [\n`,
      );
    },
    message(message) {
      ordinal++;
      out(`${first ? '' : ',\n'}  ${JSON.stringify(toTdesktopMessage(message, ordinal, mediaPaths(message)))}`);
      first = false;
    },
    end() {
      out(`${first ? '' : '\n'} ]\n}\n`);
    },
  };
}

function toTdesktopMessage(message: ChatMessage, ordinal: number, files: ExportedMediaPaths): Record<string, unknown> {
  const numericId = /^-?\d{1,15}$/.test(message.id) ? Number(message.id) : null;
  const out: Record<string, unknown> = { id: numericId ?? ordinal, type: message.service ? 'service' : 'message' };
  if (numericId === null) out.scrollback_id = message.id;
  out.date = localIsoSeconds(message.date);
  out.date_unixtime = String(Math.floor(message.date / 1000));
  if (message.date % 1000 !== 0) out.scrollback_date_ms = message.date;
  if (message.service) {
    out.actor = message.senderName;
    out.actor_id = message.senderId;
    Object.assign(out, toTelegramDesktopAction(message.service));
  } else {
    out.from = message.senderName;
    out.from_id = message.senderId;
  }
  if (message.editDate !== null) {
    out.edited = localIsoSeconds(message.editDate);
    out.edited_unixtime = String(Math.floor(message.editDate / 1000));
  }
  // Scrollback's own: the source deleted it after it was archived (Telegram Desktop has no such field).
  if (message.deletedAt !== null) {
    out.scrollback_deleted_at_source = localIsoSeconds(message.deletedAt);
    out.scrollback_deleted_at_source_unixtime = String(Math.floor(message.deletedAt / 1000));
  }
  if (message.replyToId !== null)
    out.reply_to_message_id = /^-?\d{1,15}$/.test(message.replyToId) ? Number(message.replyToId) : message.replyToId;
  if (message.forward) out.forwarded_from = message.forward.fromName;
  if (message.signature) out.author = message.signature;
  if (message.viaBot) out.via_bot = message.viaBot;
  if (message.views !== null) out.views = message.views;
  if (message.media) Object.assign(out, mediaFields(message.media, files));
  const parts = textParts(message.text, message.entities);
  out.text = parts.every((part) => part.type === 'plain') ? message.text : parts.map((part) => (part.type === 'plain' ? part.text : part));
  out.text_entities = parts;
  if (message.reactions.length > 0)
    out.reactions = message.reactions.map((reaction) => ({ type: 'emoji', count: reaction.count, emoji: reaction.emoji }));
  return out;
}

/** Text split at entity edges into typed parts (Telegram Desktop's shape). Nested entities keep the outer one. */
function textParts(text: string, entities: readonly MessageEntity[]): Array<Record<string, unknown> & { type: string; text: string }> {
  const parts: Array<Record<string, unknown> & { type: string; text: string }> = [];
  let at = 0;
  for (const entity of [...entities].sort((a, b) => a.offset - b.offset)) {
    if (entity.offset < at || entity.offset + entity.length > text.length) continue;
    if (entity.offset > at) parts.push({ type: 'plain', text: text.slice(at, entity.offset) });
    const part: Record<string, unknown> & { type: string; text: string } = {
      type: TDESKTOP_ENTITY_TYPES[entity.type],
      text: text.slice(entity.offset, entity.offset + entity.length),
    };
    if (entity.url !== undefined) part.href = entity.url;
    if (entity.language !== undefined) part.language = entity.language;
    if (entity.userId !== undefined) part.user_id = /^\d+$/.test(entity.userId) ? Number(entity.userId) : entity.userId;
    parts.push(part);
    at = entity.offset + entity.length;
  }
  if (at < text.length) parts.push({ type: 'plain', text: text.slice(at) });
  return parts;
}

function mediaFields(media: Media, files: ExportedMediaPaths): Record<string, unknown> {
  const file = files.file ?? NOT_INCLUDED;
  // Telegram Desktop's fields for what the file is, beside where it is.
  const facts = {
    ...(files.thumbnail ? { thumbnail: files.thumbnail } : {}),
    ...('mimeType' in media && media.mimeType ? { mime_type: media.mimeType } : {}),
    ...('size' in media && media.size !== undefined && media.kind !== 'file' ? { file_size: media.size } : {}),
  };
  switch (media.kind) {
    case 'photo':
      return { photo: file, width: media.width, height: media.height, ...facts };
    case 'video':
      return {
        file,
        ...facts,
        media_type: media.round ? 'video_message' : 'video_file',
        duration_seconds: media.durationS,
        width: media.width,
        height: media.height,
      };
    case 'gif':
      return { file, ...facts, media_type: 'animation', width: media.width, height: media.height };
    case 'sticker':
      return {
        file,
        ...facts,
        media_type: 'sticker',
        width: media.width,
        height: media.height,
        ...(media.emoji ? { sticker_emoji: media.emoji } : {}),
      };
    case 'voice':
      return { file, ...facts, media_type: 'voice_message', duration_seconds: media.durationS };
    case 'audio':
      return {
        file,
        ...facts,
        media_type: 'audio_file',
        duration_seconds: media.durationS,
        ...(media.title ? { title: media.title } : {}),
        ...(media.performer ? { performer: media.performer } : {}),
      };
    case 'file':
      return {
        file,
        ...facts,
        file_name: media.fileName,
        file_size: media.size,
        ...(media.mimeType ? { mime_type: media.mimeType } : {}),
      };
    case 'poll':
      return { poll: { question: media.question, closed: media.closed, answers: media.options.map((option) => ({ text: option })) } };
    case 'location':
      return {
        location_information: { latitude: media.latitude, longitude: media.longitude },
        ...(media.title ? { place_name: media.title } : {}),
      };
    case 'contact':
      return { contact_information: { first_name: media.name, last_name: '', phone_number: media.phone } };
    case 'webpage':
      return { scrollback_webpage: { url: media.url, ...(media.title ? { title: media.title } : {}) } };
    case 'other':
      return { scrollback_media: media.label };
  }
}

/** A service action under Telegram Desktop's own name and fields; kinds it has no name for go as custom_action. */
function toTelegramDesktopAction(service: ServiceAction): Record<string, unknown> {
  // An action with no kind here keeps the name its source gave it.
  const name = service.action === 'other' ? service.sourceName : telegramDesktopActionNames[service.action];
  const out: Record<string, unknown> = { action: name ?? 'custom_action' };
  if (!name && service.action !== 'other') out.scrollback_action = service.action;
  if (service.title !== undefined) out.title = service.title;
  if (service.members !== undefined) out.members = service.members;
  if (service.durationS !== undefined) out.duration_seconds = service.durationS;
  if (service.periodS !== undefined) out.period = service.periodS;
  if (service.missed) out.discard_reason = 'missed';
  if (service.detail !== undefined) {
    if (service.action === 'chatThemeChanged') out.emoticon = service.detail;
    else if (service.action === 'gameScore') out.score = Number(service.detail);
    else if (service.action === 'paymentSent') {
      const [amount, currency] = service.detail.split(' ');
      out.amount = Number.isFinite(Number(amount)) ? Number(amount) : amount;
      if (currency) out.currency = currency;
    } else out.information_text = service.detail;
  }
  return out;
}

export const jsonExportFormat: ExportFormatSpec = {
  id: 'json',
  label: 'JSON (Telegram Desktop format)',
  extension: 'json',
  mimeType: 'application/json',
  bytesPerMessage: 420,
  carriesMedia: true,
  offersBom: false,
  createWriter: (out, options) => createJsonExportWriter(out, options.mediaPaths),
};
