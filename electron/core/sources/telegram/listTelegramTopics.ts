import { Api } from 'telegram';
import bigInt from 'big-integer';
import type { SourceTopic } from '../../cache/topicQueries.ts';
import type { TelegramCall } from './TelegramChats.ts';
import type { TelegramPeer } from './TelegramPeer.ts';

const PAGE = 100;

/**
 * Every topic of a forum (channels.getForumTopics), paged by the last topic's top message date, top message
 * id and topic id until Telegram's count is reached or a page comes back empty. Only channels are forums.
 */
export async function listTelegramTopics(call: TelegramCall, peer: TelegramPeer, signal?: AbortSignal): Promise<SourceTopic[]> {
  if (peer.type !== 'channel') return [];
  const channel = new Api.InputChannel({ channelId: bigInt(peer.id), accessHash: bigInt(peer.accessHash) });
  const topics = new Map<string, SourceTopic>();
  let offset = { date: 0, id: 0, topic: 0 };
  for (let pageIndex = 0; pageIndex < 100; pageIndex++) {
    const result = await call<Api.messages.ForumTopics>(
      new Api.channels.GetForumTopics({ channel, offsetDate: offset.date, offsetId: offset.id, offsetTopic: offset.topic, limit: PAGE }),
      signal,
    );
    const dates = new Map(
      result.messages
        .filter((message) => !(message instanceof Api.MessageEmpty))
        .map((message) => [message.id, (message as Api.Message).date]),
    );
    let last: Api.ForumTopic | null = null;
    for (const topic of result.topics) {
      if (!(topic instanceof Api.ForumTopic)) continue;
      last = topic;
      topics.set(String(topic.id), {
        id: String(topic.id),
        title: topic.title,
        iconColor: topic.iconColor,
        // A custom emoji is a sticker, not text: the window shows the colour instead.
        iconEmoji: null,
        createdDate: topic.date * 1000,
      });
    }
    if (!last || topics.size >= result.count || result.topics.length === 0) break;
    offset = { date: dates.get(last.topMessage) ?? last.date, id: last.topMessage, topic: last.id };
  }
  return [...topics.values()];
}
