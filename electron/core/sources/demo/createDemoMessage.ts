import { ScrollbackError } from '../../../../shared/errors.ts';
import type { Media, MessageEntity, Reaction, ServiceAction } from '../../../../shared/domain.ts';
import { describeServiceAction } from '../../../../shared/serviceActions.ts';
import { sourceMessage, type SourceMessage, type SourceSender } from '../../model/SourceMessage.ts';
import type { DemoChatSpec } from './demoChats.ts';
import type { DemoTimeline } from './DemoTimeline.ts';
import { createRandom, hash2 } from './seededRandom.ts';
import * as bank from './demoPhrases.ts';
import { withDemoFiles } from './demoMedia.ts';
import { translator } from '../../i18n/createTranslator.ts';

const DELETED_ACCOUNT: SourceSender = { key: 'deleted', name: 'Deleted Account' };

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new ScrollbackError('INTERNAL', translator()('error.demo.emptyList'));
  return item;
}

/**
 * Message `index` (0-based) of a demo chat, computed on demand: the same index always gives the same message.
 * Ids are index + 1, like a Telegram chat's, and the sort key is the id.
 */
export function createDemoMessage(chat: DemoChatSpec, timeline: DemoTimeline, index: number): SourceMessage {
  const random = createRandom(hash2(chat.seed, index));
  const id = index + 1;
  const date = timeline.dateOf(index);
  const roll = random();
  const senderSpec = roll < 0.003 ? null : pick(random, chat.senders);
  // A private chat's other person is its second sender; a message with no sender there is theirs.
  const [, otherPerson = DELETED_ACCOUNT] = chat.senders;
  const sender: SourceSender | null = senderSpec
    ? { key: senderSpec.key, name: senderSpec.name }
    : chat.kind === 'private'
      ? { key: otherPerson.key, name: otherPerson.name }
      : DELETED_ACCOUNT;
  const base = sourceMessage({
    id: String(id),
    sortKey: id,
    date,
    sender: chat.kind === 'channel' ? null : sender,
    out: senderSpec?.me === true,
    text: '',
  });

  // A private chat is never "created" (there is no group), and nobody joins, leaves or renames it.
  if (index === 0 && chat.kind !== 'private') {
    return serviceMessage(base, { action: 'chatCreate', title: chat.name }, sender?.name ?? null);
  }
  const kindRoll = random();
  if (kindRoll < 0.015) {
    const service = serviceFor(random, index, chat.kind);
    // A pin names what it pinned, as Telegram's does (its reply): a message a little earlier.
    const pinned = service.action === 'pinMessage' ? { ...base, replyToId: String(Math.max(1, id - 1 - (index % 40))) } : base;
    return serviceMessage(pinned, service, sender?.name ?? null);
  }

  let media: Media | null = null;
  if (kindRoll < 0.1)
    media = {
      kind: 'photo',
      ...pick(random, [
        { width: 1280, height: 960 },
        { width: 960, height: 1280 },
        { width: 1600, height: 900 },
        { width: 800, height: 800 },
      ]),
    };
  else if (kindRoll < 0.12) media = { kind: 'video', width: 1920, height: 1080, durationS: 3 + Math.floor(random() * 180) };
  else if (kindRoll < 0.14) media = { kind: 'voice', durationS: 2 + Math.floor(random() * 90) };
  else if (kindRoll < 0.15) media = { kind: 'sticker', width: 512, height: 512, emoji: pick(random, bank.emoji) };
  else if (kindRoll < 0.16)
    media = { kind: 'file', fileName: pick(random, bank.fileNames), size: 10_000 + Math.floor(random() * 9_000_000) };
  else if (kindRoll < 0.163) media = { kind: 'poll', ...pick(random, bank.pollQuestions), closed: random() < 0.5 };
  else if (kindRoll < 0.166) media = { kind: 'location', ...pick(random, bank.places) };
  else if (kindRoll < 0.168) media = { kind: 'contact', name: 'Gabriel Silva', phone: '+351 912 345 678' };
  else if (kindRoll < 0.172) media = { kind: 'gif', width: 480, height: 270 };

  const { text, entities } = media && random() < 0.6 ? { text: '', entities: [] } : composeText(random);
  const reactions: Reaction[] = random() < 0.06 ? [{ emoji: pick(random, bank.emoji), count: 1 + Math.floor(random() * 5) }] : [];
  return {
    ...base,
    text,
    entities,
    media: media ? withDemoFiles(media, chat.seed, index) : null,
    replyToId: index > 1 && random() < 0.1 ? String(Math.max(1, id - 1 - Math.floor(random() * 40))) : null,
    forward:
      random() < 0.025
        ? {
            fromName: pick(random, ['Tech Weekly', 'Gabriel Silva', 'City Transit Alerts']),
            date: date - Math.floor(random() * 30 * 86_400_000),
          }
        : null,
    editDate: random() < 0.04 ? date + 60_000 + Math.floor(random() * 3_600_000) : null,
    groupedId: media?.kind === 'photo' && random() < 0.2 ? `album-${chat.seed}-${Math.floor(index / 4)}` : null,
    reactions,
  };
}

function serviceMessage(base: SourceMessage, service: ServiceAction, actor: string | null): SourceMessage {
  return { ...base, service, text: describeServiceAction(actor, service) };
}

function serviceFor(random: () => number, index: number, kind: DemoChatSpec['kind']): ServiceAction {
  const roll = Math.floor(random() * 5);
  // Two people: a pin or a call, never a title or a member joining.
  if (kind === 'private')
    return roll % 2 === 0 ? { action: 'pinMessage' } : { action: 'phoneCall', durationS: (1 + Math.floor(random() * 40)) * 60 };
  switch (roll) {
    case 0:
      return { action: 'pinMessage' };
    case 1:
      return { action: 'titleChanged', title: `Weekend plans ${index % 97}` };
    case 2:
      return { action: 'memberJoined' };
    case 3:
      return { action: 'memberLeft' };
    default:
      return { action: 'phoneCall', durationS: (1 + Math.floor(random() * 40)) * 60 };
  }
}

/** Chat-like text: mostly short, sometimes long, with entities whose offsets are UTF-16 positions. */
function composeText(random: () => number): { text: string; entities: MessageEntity[] } {
  const entities: MessageEntity[] = [];
  const parts: string[] = [];
  let length = 0;
  const append = (piece: string, entity?: Omit<MessageEntity, 'offset' | 'length'>) => {
    if (parts.length > 0) {
      parts.push(' ');
      length += 1;
    }
    if (entity) entities.push({ ...entity, offset: length, length: piece.length });
    parts.push(piece);
    length += piece.length;
  };
  const script = random();
  const sentences = random() < 0.85 ? 1 : random() < 0.8 ? 2 + Math.floor(random() * 3) : 8 + Math.floor(random() * 12);
  for (let s = 0; s < sentences; s++) {
    const phrase =
      script < 0.04
        ? pick(random, bank.rightToLeftPhrases)
        : script < 0.08
          ? pick(random, bank.cjkPhrases)
          : script < 0.16
            ? pick(random, bank.otherLanguagePhrases)
            : pick(random, bank.englishPhrases);
    const style = random();
    if (style < 0.03) append(phrase, { type: 'bold' });
    else if (style < 0.05) append(phrase, { type: 'italic' });
    else if (style < 0.055) append(phrase, { type: 'underline' });
    else if (style < 0.06) append(phrase, { type: 'strike' });
    else if (style < 0.065) append(phrase, { type: 'spoiler' });
    else append(phrase);
  }
  const extra = random();
  if (extra < 0.04) append(pick(random, bank.links), { type: 'link' });
  else if (extra < 0.06) append('this page', { type: 'textLink', url: pick(random, bank.links) });
  else if (extra < 0.08) append('`npm test`'.slice(1, -1), { type: 'code' });
  else if (extra < 0.09) append('@ana', { type: 'mention' });
  else if (extra < 0.1) append(pick(random, bank.hashtags), { type: 'hashtag' });
  else if (extra < 0.105) append('const answer = 42;\nconsole.log(answer);', { type: 'pre', language: 'js' });
  if (random() < 0.18) append(pick(random, bank.emoji));
  return { text: parts.join(''), entities };
}
