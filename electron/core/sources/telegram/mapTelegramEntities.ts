import { Api } from 'telegram';
import type { MessageEntity } from '../../../../shared/domain.ts';

/** Telegram's entities as ours. Offsets and lengths stay in UTF-16 code units, as both count them. */
export function mapTelegramEntities(entities: readonly Api.TypeMessageEntity[] | undefined): MessageEntity[] {
  if (!entities) return [];
  const out: MessageEntity[] = [];
  for (const entity of entities) {
    const span = { offset: entity.offset, length: entity.length };
    if (entity instanceof Api.MessageEntityBold) out.push({ type: 'bold', ...span });
    else if (entity instanceof Api.MessageEntityItalic) out.push({ type: 'italic', ...span });
    else if (entity instanceof Api.MessageEntityUnderline) out.push({ type: 'underline', ...span });
    else if (entity instanceof Api.MessageEntityStrike) out.push({ type: 'strike', ...span });
    else if (entity instanceof Api.MessageEntityCode) out.push({ type: 'code', ...span });
    else if (entity instanceof Api.MessageEntityPre)
      out.push(entity.language ? { type: 'pre', ...span, language: entity.language } : { type: 'pre', ...span });
    else if (entity instanceof Api.MessageEntitySpoiler) out.push({ type: 'spoiler', ...span });
    else if (entity instanceof Api.MessageEntityUrl) out.push({ type: 'link', ...span });
    else if (entity instanceof Api.MessageEntityTextUrl) out.push({ type: 'textLink', ...span, url: entity.url });
    else if (entity instanceof Api.MessageEntityMention) out.push({ type: 'mention', ...span });
    else if (entity instanceof Api.MessageEntityMentionName) out.push({ type: 'mentionName', ...span, userId: entity.userId.toString() });
    else if (entity instanceof Api.MessageEntityHashtag) out.push({ type: 'hashtag', ...span });
    else if (entity instanceof Api.MessageEntityCashtag) out.push({ type: 'cashtag', ...span });
    else if (entity instanceof Api.MessageEntityBotCommand) out.push({ type: 'botCommand', ...span });
    else if (entity instanceof Api.MessageEntityEmail) out.push({ type: 'email', ...span });
    else if (entity instanceof Api.MessageEntityPhone) out.push({ type: 'phone', ...span });
    else if (entity instanceof Api.MessageEntityBlockquote) out.push({ type: 'blockquote', ...span });
    else if (entity instanceof Api.MessageEntityCustomEmoji) out.push({ type: 'customEmoji', ...span });
  }
  return out;
}
