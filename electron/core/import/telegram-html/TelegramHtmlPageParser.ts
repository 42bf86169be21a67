import { Parser } from 'htmlparser2';
import type { EntityType, MessageEntity } from '../../../../shared/domain.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { capStreamedText, MAX_STORED_TEXT } from '../../cache/capMessageText.ts';
import type { TelegramHtmlMedia, TelegramHtmlMessage } from './TelegramHtmlMessage.ts';
import { translator } from '../../i18n/createTranslator.ts';

/**
 * A Telegram Desktop page nests elements about 12 deep; past this it is no export's page, and refused at
 * once (a million nested elements would otherwise cost the tokenizer minutes).
 */
export const MAX_ELEMENT_DEPTH = 256;
/** Text a page may send with no tag, text or comment complete: one token this long is no export's. */
export const MAX_TOKEN_CHARS = 32 * 1024 * 1024;
/** Kept of a name, a title or another short text; of a message's entities, reactions and poll answers. */
const MAX_CAPTURED = 64 * 1024;
const MAX_ENTITIES = 10_000;
const MAX_LIST = 1000;

/** Media blocks by their `media_…` class (Telegram Desktop's export_output_html.cpp names). */
const MEDIA_CLASSES: Record<string, string> = {
  media_photo: 'photo',
  media_video: 'video',
  media_file: 'file',
  media_voice_message: 'voice',
  media_audio_file: 'audio',
  media_location: 'location',
  media_live_location: 'location',
  media_venue: 'location',
  media_contact: 'contact',
  media_call: 'call',
  media_game: 'other',
  media_invoice: 'other',
  media_poll: 'poll',
};
/** Links that wrap a drawn medium (the picture itself, not a generic block). */
const WRAP_CLASSES: Record<string, string> = {
  photo_wrap: 'photo',
  video_file_wrap: 'video',
  animated_wrap: 'gif',
  sticker_wrap: 'sticker',
  round_video_wrap: 'round',
};
/** The classes the reader looks at, one bit each: an element's classes are read once into a mask. */
const C = {
  page_header: 1 << 0,
  text: 1 << 1,
  bold: 1 << 2,
  message: 1 << 3,
  service: 1 << 4,
  joined: 1 << 5,
  forwarded: 1 << 6,
  body: 1 << 7,
  date: 1 << 8,
  details: 1 << 9,
  from_name: 1 << 10,
  reply_to: 1 << 11,
  media: 1 << 12,
  photo: 1 << 13,
  sticker: 1 << 14,
  video_file: 1 << 15,
  animated: 1 << 16,
  video_duration: 1 << 17,
  question: 1 << 18,
  answer: 1 << 19,
  total: 1 << 20,
  title: 1 << 21,
  description: 1 << 22,
  status: 1 << 23,
  reaction: 1 << 24,
  emoji: 1 << 25,
  count: 1 << 26,
  userpics: 1 << 27,
  userpic: 1 << 28,
  spoiler: 1 << 29,
  media_poll: 1 << 30,
} as const;

/** Whether every bit of `bits` is set in `mask`. */
function all(mask: number, bits: number): boolean {
  return (mask & bits) === bits;
}

/** What a `class` attribute says: its known classes as bits, and the medium it draws or wraps. */
interface ClassInfo {
  mask: number;
  wrap: string | undefined;
  media: string | undefined;
}
const NO_CLASS: ClassInfo = { mask: 0, wrap: undefined, media: undefined };

/** The first of the classes that names a kind in `table`. */
function kindOf(classes: readonly string[], table: Record<string, string>): string | undefined {
  for (const value of classes) {
    const kind = table[value];
    if (kind !== undefined) return kind;
  }
  return undefined;
}

/**
 * A page repeats a few dozen class attributes ("message default clearfix", "pull_right date details"):
 * each is read once and remembered (bounded: an odd page cannot grow it without end).
 */
const classInfos = new Map<string, ClassInfo>();
function classInfoOf(attribute: string | undefined): ClassInfo {
  if (attribute === undefined) return NO_CLASS;
  let info = classInfos.get(attribute);
  if (info === undefined) {
    const classes = attribute.split(' ');
    let mask = 0;
    for (const name of classes) mask |= (C as Record<string, number>)[name] ?? 0;
    info = { mask, wrap: kindOf(classes, WRAP_CLASSES), media: kindOf(classes, MEDIA_CLASSES) };
    if (classInfos.size >= 4096) classInfos.clear();
    classInfos.set(attribute, info);
  }
  return info;
}
const STYLE_TAGS: Record<string, EntityType> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
};

/** What a text capture writes into once its element closes. */
type Capture =
  'fromName' | 'forwardName' | 'duration' | 'title' | 'description' | 'status' | 'question' | 'answer' | 'pollDetails' | 'emoji' | 'count';

interface Open {
  name: string;
  /** Set on the element that started a capture or a rich text: ends it when this element closes. */
  capture?: Capture;
  rich?: boolean;
  entity?: { type: EntityType; start: number; href: string | null; onclick: string };
  forwardBody?: boolean;
  reaction?: boolean;
  poll?: boolean;
  userpics?: boolean;
  reply?: boolean;
}

function blankMessage(id: number, service: boolean, joined: boolean): TelegramHtmlMessage {
  return {
    id,
    service,
    joined,
    dateTitle: null,
    fromName: null,
    text: '',
    entities: [],
    replyToId: null,
    forward: null,
    media: null,
    reactions: [],
  };
}

function blankMedia(kind: string): TelegramHtmlMedia {
  return { kind, href: null, thumb: null, title: null, description: null, status: null, duration: null };
}

/** Pretty-printing puts a newline and indentation around text; the text's own line breaks are `<br>`. */
const layoutWhitespace = /\n[ \t]*/g;
const leadingIndentation = /^[ \t]+/;
const endsInLayout = /\n[ \t]*$/;

/** "In reply to" links: `onclick="return GoToMessage(123)"`, or `href="messages4.html#go_to_message-999613090"`. */
function replyTargetOf(attributes: Record<string, string>): number | null {
  const found = /GoToMessage\((-?\d+)\)/.exec(attributes.onclick ?? '') ?? /go_to_message(-?\d+)/.exec(attributes.href ?? '');
  return found ? Number(found[1]) : null;
}

/**
 * Reads the pages of one Telegram Desktop HTML chat export, streamed: each `<div class="message">` block
 * becomes a TelegramHtmlMessage once it closes (date separators too: see dateSeparatorDay). Everything the
 * block draws that a message can hold is kept (see ../shared/notes/imports.md).
 */
export class TelegramHtmlPageParser {
  private readonly parser: Parser;
  private readonly stack: Open[] = [];
  private message: TelegramHtmlMessage | null = null;
  private messageDepth = -1;
  private captured = '';
  /** The message text being read: what is kept of it (MAX_STORED_TEXT at most) and its whole length. */
  private rich: { text: string; length: number; entities: MessageEntity[] } | null = null;
  /** Characters written since the tokenizer last completed anything (it holds them all). */
  private charsSinceEvent = 0;
  /** The page's deepest nesting, and the longest message text held (tests' witnesses of the bounds). */
  maxDepthSeen = 0;
  largestHeldText = 0;
  private readonly pageName: string;
  /** The chat's name, from the page header (`page_header` → `text bold`). */
  chatName: string | null = null;
  private inHeader = false;
  /** How many open elements carry each flag (cheaper than walking the stack on every tag and text). */
  private readonly inside = { forwardBody: 0, poll: 0, reply: 0, reaction: 0, userpics: 0, capture: 0 };
  /** The last text piece ended in a line break and indentation, and no tag came since. */
  private afterLayoutBreak = false;

  constructor(onMessage: (message: TelegramHtmlMessage) => void, pageName = 'The page') {
    this.pageName = pageName;
    this.parser = new Parser(
      {
        onopentag: (name, attributes) => this.open(name, attributes),
        ontext: (text) => this.text(text),
        onclosetag: (name) => this.close(name, onMessage),
        oncomment: () => (this.charsSinceEvent = 0),
        onprocessinginstruction: () => (this.charsSinceEvent = 0),
      },
      { decodeEntities: true, lowerCaseTags: true },
    );
  }

  write(chunk: string): void {
    this.charsSinceEvent += chunk.length;
    if (this.charsSinceEvent > MAX_TOKEN_CHARS)
      throw new ScrollbackError(
        'INVALID_FILE',
        translator()('error.telegramHtml.tokenTooLong', { page: this.pageName, size: MAX_TOKEN_CHARS / (1024 * 1024) }),
      );
    this.parser.write(chunk);
  }

  end(): void {
    this.parser.end();
  }

  private open(name: string, attributes: Record<string, string>): void {
    this.afterLayoutBreak = false;
    const classAttribute = attributes.class;
    const info = classInfoOf(classAttribute);
    const mask = info.mask;
    this.charsSinceEvent = 0;
    const entry: Open = { name };
    this.stack.push(entry);
    if (name === 'br') {
      if (this.rich) this.appendRich('\n');
      this.stack.pop();
      return;
    }
    if (this.stack.length > this.maxDepthSeen) {
      this.maxDepthSeen = this.stack.length;
      if (this.maxDepthSeen > MAX_ELEMENT_DEPTH)
        throw new ScrollbackError(
          'INVALID_FILE',
          translator()('error.telegramHtml.tooDeep', { page: this.pageName, depth: MAX_ELEMENT_DEPTH }),
        );
    }
    if (mask & C.page_header) this.inHeader = true;
    if (this.inHeader && this.chatName === null && all(mask, C.text | C.bold)) return this.beginCapture(entry, 'fromName');

    if (name === 'div' && mask & C.message && this.message === null) {
      const id = Number(/^message(-?\d+)$/.exec(attributes.id ?? '')?.[1]);
      if (!Number.isFinite(id)) return;
      this.message = blankMessage(id, (mask & C.service) !== 0, (mask & C.joined) !== 0);
      this.messageDepth = this.stack.length;
      return;
    }
    const message = this.message;
    if (!message) return;
    if (this.rich) return this.openRich(entry, name, attributes, mask);
    const inForward = this.inside.forwardBody > 0;
    const inPoll = this.inside.poll > 0;

    if (all(mask, C.forwarded | C.body)) {
      this.flag(entry, 'forwardBody');
      message.forward ??= { fromName: '', dateTitle: null };
      return;
    }
    if (all(mask, C.date | C.details) && attributes.title) {
      if (inForward && message.forward) message.forward.dateTitle ??= attributes.title;
      else message.dateTitle ??= attributes.title;
      return;
    }
    if (mask & C.from_name) return this.beginCapture(entry, inForward ? 'forwardName' : 'fromName');
    if (name === 'div' && mask & C.text && !inPoll) return this.beginRich(entry);
    if (message.service && all(mask, C.body | C.details)) return this.beginRich(entry);
    if (mask & C.reply_to) {
      this.flag(entry, 'reply');
      return;
    }
    if (name === 'a' && this.inside.reply > 0) {
      const target = replyTargetOf(attributes);
      if (target !== null) message.replyToId = target;
      return;
    }

    if (classAttribute === undefined) return;
    if (info.wrap) {
      message.media ??= blankMedia(info.wrap);
      message.media.href ??= attributes.href ?? null;
      return;
    }
    const kind = info.media;
    if (kind && mask & C.media) {
      message.media ??= blankMedia(kind);
      if (name === 'a') message.media.href ??= attributes.href ?? null;
      if (kind === 'poll') {
        this.flag(entry, 'poll');
        message.media.poll = { question: '', answers: [], closed: false };
      }
      return;
    }
    if (mask & C.media_poll) {
      this.flag(entry, 'poll');
      message.media ??= blankMedia('poll');
      message.media.poll ??= { question: '', answers: [], closed: false };
      return;
    }
    if (name === 'img' && message.media && mask & (C.photo | C.sticker | C.video_file | C.animated)) {
      message.media.thumb ??= attributes.src ?? null;
      return;
    }
    if (mask & C.video_duration) return this.beginCapture(entry, 'duration');
    if (inPoll && mask & C.question) return this.beginCapture(entry, 'question');
    if (inPoll && mask & C.answer) return this.beginCapture(entry, 'answer');
    if (inPoll && mask & C.details && !(mask & C.total)) return this.beginCapture(entry, 'pollDetails');
    if (message.media && all(mask, C.title | C.bold)) return this.beginCapture(entry, 'title');
    if (message.media && mask & C.description) return this.beginCapture(entry, 'description');
    if (message.media && all(mask, C.status | C.details)) return this.beginCapture(entry, 'status');

    if (mask & C.reaction && message.reactions.length < MAX_LIST) {
      this.flag(entry, 'reaction');
      message.reactions.push({ emoji: '', count: 0 });
      return;
    }
    const reaction = message.reactions.at(-1);
    if (reaction && this.inside.reaction > 0) {
      if (mask & C.emoji) return this.beginCapture(entry, 'emoji');
      if (mask & C.count) return this.beginCapture(entry, 'count');
      if (mask & C.userpics) this.flag(entry, 'userpics');
      else if (mask & C.userpic && this.inside.userpics > 0) reaction.count++;
    }
  }

  private flag(entry: Open, key: 'forwardBody' | 'reply' | 'poll' | 'reaction' | 'userpics'): void {
    entry[key] = true;
    this.inside[key]++;
  }

  private beginCapture(entry: Open, capture: Capture): void {
    entry.capture = capture;
    this.inside.capture++;
    this.captured = '';
  }

  private beginRich(entry: Open): void {
    entry.rich = true;
    this.rich = { text: '', length: 0, entities: [] };
  }

  /** Adds to the message text: its first MAX_STORED_TEXT characters are kept, the rest only counted. */
  private appendRich(text: string): void {
    const rich = this.rich!;
    rich.length += text.length;
    const room = MAX_STORED_TEXT - rich.text.length;
    if (room <= 0) return;
    rich.text += text.length <= room ? text : text.slice(0, room);
    if (rich.text.length > this.largestHeldText) this.largestHeldText = rich.text.length;
  }

  private openRich(entry: Open, name: string, attributes: Record<string, string>, mask: number): void {
    const rich = this.rich!;
    const style = STYLE_TAGS[name];
    if (style) entry.entity = { type: style, start: rich.text.length, href: null, onclick: '' };
    else if (name === 'a')
      entry.entity = { type: 'textLink', start: rich.text.length, href: attributes.href ?? null, onclick: attributes.onclick ?? '' };
    else if (name === 'span' && mask & C.spoiler) entry.entity = { type: 'spoiler', start: rich.text.length, href: null, onclick: '' };
    if (name === 'a' && this.message?.service) {
      const target = replyTargetOf(attributes);
      if (target !== null) this.message.replyToId = target;
    }
  }

  private text(text: string): void {
    this.charsSinceEvent = 0;
    if (this.rich) {
      // The tokenizer hands over text wherever a chunk of the file ends: indentation after a line break that
      // ended the previous piece is layout too.
      const piece = this.afterLayoutBreak ? text.replace(leadingIndentation, '') : text;
      this.afterLayoutBreak = endsInLayout.test(piece) || (this.afterLayoutBreak && piece === '');
      this.appendRich(piece.replace(layoutWhitespace, ''));
    } else if (this.inside.capture > 0 && this.captured.length < MAX_CAPTURED)
      this.captured += text.slice(0, MAX_CAPTURED - this.captured.length);
  }

  private close(name: string, onMessage: (message: TelegramHtmlMessage) => void): void {
    this.charsSinceEvent = 0;
    this.afterLayoutBreak = false;
    const entry = this.stack.pop();
    if (!entry || entry.name !== name) {
      // Forgiving: an unclosed element closes with its parent (the parser reports the implied closes).
      if (entry) this.stack.push(entry);
      return;
    }
    if (entry.forwardBody) this.inside.forwardBody--;
    if (entry.reply) this.inside.reply--;
    if (entry.poll) this.inside.poll--;
    if (entry.reaction) this.inside.reaction--;
    if (entry.userpics) this.inside.userpics--;
    if (entry.capture) this.inside.capture--;
    if (entry.entity && this.rich) this.closeEntity(entry.entity);
    if (entry.rich && this.rich) {
      const message = this.message;
      if (message) {
        message.text = capStreamedText(this.rich.text, this.rich.length);
        message.entities = this.rich.entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
      }
      this.rich = null;
    }
    if (entry.capture) this.finishCapture(entry.capture);
    if (this.message && this.stack.length < this.messageDepth) {
      const done = this.message;
      this.message = null;
      this.messageDepth = -1;
      onMessage(done);
    }
  }

  private closeEntity(entity: NonNullable<Open['entity']>): void {
    const rich = this.rich!;
    const length = rich.text.length - entity.start;
    if (length <= 0 || rich.entities.length >= MAX_ENTITIES) return;
    const inner = rich.text.slice(entity.start);
    let type = entity.type;
    let url: string | undefined;
    if (type === 'textLink') {
      const href = entity.href ?? '';
      if (/ShowHashtag/.test(entity.onclick)) type = inner.startsWith('$') ? 'cashtag' : 'hashtag';
      else if (/ShowBotCommand/.test(entity.onclick)) type = 'botCommand';
      else if (/ShowMentionName/.test(entity.onclick)) type = 'mentionName';
      else if (href.startsWith('mailto:')) type = 'email';
      else if (href.startsWith('tel:')) type = 'phone';
      else if (inner.startsWith('@') && /^https:\/\/t\.me\//.test(href)) type = 'mention';
      else if (href === inner || href === `http://${inner}` || href === `https://${inner}`) type = 'link';
      else if (href.startsWith('#go_to_message') || href === '') return;
      else url = href;
    }
    rich.entities.push(url === undefined ? { type, offset: entity.start, length } : { type, offset: entity.start, length, url });
  }

  private finishCapture(capture: Capture): void {
    const value = this.captured.replace(layoutWhitespace, ' ').trim();
    this.captured = '';
    if (capture === 'fromName' && this.message === null) {
      this.chatName ??= value;
      this.inHeader = false;
      return;
    }
    const message = this.message;
    if (!message) return;
    const media = message.media;
    switch (capture) {
      case 'fromName': {
        // "OnlineVerdan Civil Aspirants  via @QuizBot": the bot is said after the name.
        const via = /^(.*?)\s+via\s+(@\w+)$/.exec(value);
        message.fromName = via ? via[1]!.trim() : value;
        if (via) message.viaBot = via[2]!;
        return;
      }
      case 'forwardName':
        // The original date is a span inside the name ("Hemant Jain 15.09.2019 11:15:05"): drop it.
        if (message.forward) message.forward.fromName = value.replace(/\s*\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d.*$/, '').trim();
        return;
      case 'duration':
        if (media) media.duration = value;
        return;
      case 'title':
        if (media) media.title ??= value;
        return;
      case 'description':
        if (media) media.description ??= value;
        return;
      case 'status':
        if (media) media.status ??= value;
        return;
      case 'question':
        if (media?.poll) media.poll.question = value;
        return;
      case 'answer':
        if (media?.poll && media.poll.answers.length < MAX_LIST)
          media.poll.answers.push(value.replace(/^-\s*/, '').replace(/\s+\d+ votes?$/, ''));
        return;
      case 'pollDetails':
        if (media?.poll && /final results/i.test(value)) media.poll.closed = true;
        return;
      case 'emoji': {
        const reaction = message.reactions.at(-1);
        if (reaction) reaction.emoji = value;
        return;
      }
      case 'count': {
        const reaction = message.reactions.at(-1);
        if (reaction && /^\d+$/.test(value)) reaction.count = Number(value);
        return;
      }
    }
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A service block whose body is a bare date ("7 March 2022", English in every export): the page's day
 * separator, not a message. Its local midnight, or null for any other block.
 */
export function dateSeparatorDay(message: TelegramHtmlMessage): number | null {
  if (!message.service) return null;
  const match = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(message.text.trim());
  const month = match ? MONTHS.indexOf(match[2]!) : -1;
  return match && month >= 0 ? new Date(Number(match[3]), month, Number(match[1])).getTime() : null;
}
