import type { Media } from '../../../../shared/domain.ts';
import { sourceMessage, type SourceMessage } from '../../model/SourceMessage.ts';
import type { RyzeMessage } from './createRyzeApiClient.ts';

const OWN: { key: string; name: string } = { key: 'me', name: 'You' };

function mediaOf(type: string): Media | null {
  switch (type) {
    case 'text':
    case 'conversation':
    case 'extendedText':
      return null;
    case 'image':
      return { kind: 'photo', width: 0, height: 0 };
    case 'video':
      return { kind: 'video', width: 0, height: 0, durationS: 0 };
    case 'audio':
    case 'ptt':
      return { kind: 'voice', durationS: 0 };
    case 'document':
      return { kind: 'file', fileName: 'document', size: 0 };
    case 'sticker':
      return { kind: 'sticker', width: 0, height: 0 };
    case 'location':
      return { kind: 'location', latitude: 0, longitude: 0 };
    case 'contact':
      return { kind: 'contact', name: '', phone: '' };
    default:
      return { kind: 'other', label: type };
  }
}

/** The number part of a JID, readable as a name when the API gives no names. */
function nameOfJid(jid: string): string {
  const user = jid.split('@')[0] ?? jid;
  return /^\d+$/.test(user) ? `+${user}` : user;
}

/** Second (epoch ms, floored) of a timestamp, parsed exactly, offsets included. */
export function secondOf(timestamp: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new Error(`RyzeAPI sent a timestamp that is not a date: ${timestamp.slice(0, 40)}`);
  return Math.floor(ms / 1000) * 1000;
}

/**
 * Whole seconds of messages to source messages. Timestamps have second precision, so order within a second
 * is given by rank (sorted by id): stable because a second is only ever taken complete.
 * Group senders come from senderJid; own messages from fromMe (their senderJid may be empty).
 */
export function toSourceMessages(messages: readonly RyzeMessage[], chatJid: string): SourceMessage[] {
  const bySecond = new Map<number, RyzeMessage[]>();
  for (const message of messages) {
    const second = secondOf(message.timestamp);
    const list = bySecond.get(second) ?? [];
    list.push(message);
    bySecond.set(second, list);
  }
  const result: SourceMessage[] = [];
  for (const [second, list] of bySecond) {
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    list.forEach((message, rank) => {
      const senderJid = message.senderJid || (message.fromMe ? '' : chatJid);
      result.push(
        sourceMessage({
          id: message.id,
          sortKey: rank,
          date: second,
          sender: message.fromMe ? OWN : { key: senderJid, name: nameOfJid(senderJid) },
          out: message.fromMe,
          text: message.content ?? '',
          media: mediaOf(message.type),
        }),
      );
    });
  }
  return result.sort((a, b) => a.date - b.date || a.sortKey - b.sortKey);
}
