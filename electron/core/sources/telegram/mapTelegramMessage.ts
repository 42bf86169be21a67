import { Api } from 'telegram';
import type { Reaction } from '../../../../shared/domain.ts';
import { sourceMessage, type SourceMessage } from '../../model/SourceMessage.ts';
import { toServiceAction } from './toServiceAction.ts';
import { describeServiceAction } from '../../../../shared/serviceActions.ts';
import { mapTelegramEntities } from './mapTelegramEntities.ts';
import { mapTelegramMedia } from './mapTelegramMedia.ts';
import { peerKeyOf } from './TelegramPeer.ts';
import type { TelegramDirectory } from './TelegramDirectory.ts';

function reactionsOf(reactions: Api.TypeMessageReactions | undefined): Reaction[] {
  if (!(reactions instanceof Api.MessageReactions)) return [];
  return reactions.results.map((result) => ({
    emoji:
      result.reaction instanceof Api.ReactionEmoji ? result.reaction.emoticon : result.reaction instanceof Api.ReactionPaid ? '⭐' : '★',
    count: result.count,
  }));
}

/**
 * A message as the engine stores it, completely: text with entities, media, service actions as a readable
 * line, forwards, replies, edits, albums, views and reactions. The sender is `from_id`, or the chat itself
 * when absent (channel posts, and the other side of some private chats); names come from the result's
 * users and chats. `messageEmpty` (a deleted id) maps to null.
 */
export function mapTelegramMessage(message: Api.TypeMessage, directory: TelegramDirectory): SourceMessage | null {
  if (message instanceof Api.MessageEmpty) return null;
  const senderPeer = message.fromId ?? message.peerId;
  const senderKey = peerKeyOf(senderPeer);
  const reply = message.replyTo instanceof Api.MessageReplyHeader ? message.replyTo : null;
  // In a forum, a message's reply names its topic: the top id when it answers a message of the topic, else
  // the message it answers is the topic's first. (Messages of the General topic have no forum reply.)
  const topicId = reply?.forumTopic ? (reply.replyToTopId ?? reply.replyToMsgId) : undefined;
  const base = {
    id: String(message.id),
    sortKey: message.id,
    date: message.date * 1000,
    out: message.out === true,
    sender: directory.senderOf(senderKey),
    replyToId: reply?.replyToMsgId ? String(reply.replyToMsgId) : null,
    ...(topicId ? { topicId: String(topicId) } : {}),
  };
  if (message instanceof Api.MessageService) {
    const service = toServiceAction(message.action, directory);
    // A topic's first message is the topic (its id is the topic's).
    const own = message.action instanceof Api.MessageActionTopicCreate ? { topicId: String(message.id) } : {};
    return sourceMessage({ ...base, ...own, text: describeServiceAction(base.sender.name, service), service });
  }
  const forward = message.fwdFrom
    ? {
        fromName: message.fwdFrom.fromId
          ? directory.nameOf(peerKeyOf(message.fwdFrom.fromId))
          : (message.fwdFrom.fromName ?? 'Hidden sender'),
        date: message.fwdFrom.date ? message.fwdFrom.date * 1000 : null,
      }
    : null;
  return sourceMessage({
    ...base,
    text: message.message,
    entities: mapTelegramEntities(message.entities),
    media: mapTelegramMedia(message.media),
    forward,
    editDate: message.editDate && !message.editHide ? message.editDate * 1000 : null,
    groupedId: message.groupedId ? message.groupedId.toString() : null,
    views: message.views ?? null,
    reactions: reactionsOf(message.reactions),
    // A signed channel post (post_author), and the inline bot a message was sent via (via_bot_id).
    ...(message.postAuthor ? { signature: message.postAuthor } : {}),
    ...(message.viaBotId ? { viaBot: directory.nameOf(`user${message.viaBotId.toString()}`) } : {}),
  });
}
