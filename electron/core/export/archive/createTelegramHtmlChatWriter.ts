import type { ChatMessage, ChatSummary, Media, MessageEntity } from '../../../../shared/domain.ts';
import { describeServiceAction } from '../../../../shared/serviceActions.ts';
import type { ExportedMediaPaths } from '../createExportMediaCopier.ts';
import type { FolderTextFile } from './ArchiveFolder.ts';

/** Telegram Desktop puts 1000 messages in each page (`kMessagesInFile`). */
const MESSAGES_PER_PAGE = 1000;
const NOT_INCLUDED = 'Not included, change data exporting settings to download.';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
/** A path inside the export as an attribute: each segment URL-encoded ("@" kept, as Telegram Desktop writes it), "/" kept. */
const hrefOf = (relative: string) =>
  escapeHtml(
    relative
      .split('/')
      .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@'))
      .join('/'),
  );
const pad = (value: number) => String(value).padStart(2, '0');

/**
 * "08.03.2022 11:10:02 UTC+05:30": Telegram Desktop's title of a message's time, in this computer's time with
 * its offset, so it reads back to the same instant.
 */
function timeTitle(epochMs: number): string {
  const date = new Date(epochMs);
  const offset = -date.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`;
}

/** "9 December 2023": a day separator, in this computer's time as Telegram Desktop writes it. */
function dayOf(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getDate()} ${MONTHS[date.getMonth()] ?? ''} ${date.getFullYear()}`;
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** Tags Telegram Desktop writes for each kind of formatting (FormatText in its HTML writer). */
const ENTITY_TAGS: Partial<Record<MessageEntity['type'], [string, string]>> = {
  bold: ['<strong>', '</strong>'],
  italic: ['<em>', '</em>'],
  underline: ['<u>', '</u>'],
  strike: ['<s>', '</s>'],
  code: ['<code>', '</code>'],
  pre: ['<pre>', '</pre>'],
  blockquote: ['<blockquote>', '</blockquote>'],
  spoiler: ['<span class="spoiler hidden" onclick="ShowSpoiler(this)">', '</span>'],
};

const textHtml = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

/** A message's text with its formatting and links as Telegram Desktop's tags (nested entities keep the outer one). */
function richText(text: string, entities: readonly MessageEntity[]): string {
  let out = '';
  let at = 0;
  for (const entity of [...entities].sort((a, b) => a.offset - b.offset)) {
    if (entity.offset < at || entity.offset + entity.length > text.length || entity.length <= 0) continue;
    const inner = text.slice(entity.offset, entity.offset + entity.length);
    let tags = ENTITY_TAGS[entity.type];
    if (!tags && (entity.type === 'textLink' || entity.type === 'link') && (entity.url ?? inner))
      tags = [`<a href="${escapeHtml(entity.url ?? inner)}">`, '</a>'];
    if (!tags && entity.type === 'hashtag')
      tags = [`<a href="" onclick="return ShowHashtag(&quot;${escapeHtml(inner.slice(1))}&quot;)">`, '</a>'];
    if (!tags) continue;
    out += textHtml(text.slice(at, entity.offset)) + tags[0] + textHtml(inner) + tags[1];
    at = entity.offset + entity.length;
  }
  return out + textHtml(text.slice(at));
}

/** A generic media block (`media clearfix pull_left media_X`): a link (`href`, ready for the attribute) when it leads somewhere. */
function mediaBlock(kind: string, title: string, description: string | null, status: string, href?: string, thumbnail?: string): string {
  const tag = href
    ? `a class="media clearfix pull_left block_link media_${kind}" href="${href}"`
    : `div class="media clearfix pull_left media_${kind}"`;
  // The small picture, when the export has it (a file's, or a photo's with "thumbnails only"), in place of the icon.
  return `<${tag}>
<div class="fill pull_left">${thumbnail ? `<img class="thumb" src="${hrefOf(thumbnail)}" alt="">` : ''}</div>
<div class="body">
<div class="title bold">
${escapeHtml(title)}
</div>
${description === null ? '' : `<div class="description">\n${escapeHtml(description)}\n</div>\n`}<div class="status details">
${escapeHtml(status)}
</div>
</div>
</${href ? 'a' : 'div'}>`;
}

/** A picture drawn in the page (`photo_wrap`, `sticker_wrap`, …) linking the whole file, which is in the export. */
function drawn(wrap: string, image: string, file: string, thumbnail: string | undefined, extra = ''): string {
  return `<a class="${wrap} clearfix pull_left" href="${hrefOf(file)}">
<img class="${image}" src="${hrefOf(thumbnail ?? file)}" style="width: 260px">
${extra}</a>`;
}

function mediaHtml(media: Media, files: ExportedMediaPaths): string {
  switch (media.kind) {
    case 'photo':
      return files.file
        ? drawn('photo_wrap', 'photo', files.file, files.thumbnail)
        : mediaBlock(
            'photo',
            'Photo',
            NOT_INCLUDED,
            `${media.width}x${media.height}${media.size ? `, ${sizeText(media.size)}` : ''}`,
            undefined,
            files.thumbnail,
          );
    case 'sticker':
      return files.file
        ? drawn('sticker_wrap', 'sticker', files.file, files.thumbnail)
        : mediaBlock('photo', 'Sticker', NOT_INCLUDED, `${media.emoji ?? ''}`, undefined, files.thumbnail);
    case 'gif':
      return files.file
        ? drawn('animated_wrap', 'animated', files.file, files.thumbnail)
        : mediaBlock('video', 'Animation', NOT_INCLUDED, sizeText(media.size), undefined, files.thumbnail);
    case 'video':
      if (files.file)
        return drawn(
          media.round ? 'round_video_wrap' : 'video_file_wrap',
          'video_file',
          files.file,
          files.thumbnail,
          `<div class="video_duration">\n${duration(media.durationS)}\n</div>\n`,
        );
      return mediaBlock(
        'video',
        media.round ? 'Round video message' : 'Video file',
        NOT_INCLUDED,
        duration(media.durationS),
        undefined,
        files.thumbnail,
      );
    case 'voice':
      return mediaBlock(
        'voice_message',
        'Voice message',
        files.file ? null : NOT_INCLUDED,
        duration(media.durationS),
        files.file && hrefOf(files.file),
      );
    case 'audio':
      return mediaBlock(
        'audio_file',
        media.title ?? 'Audio file',
        media.performer ?? (files.file ? null : NOT_INCLUDED),
        duration(media.durationS),
        files.file && hrefOf(files.file),
        files.thumbnail,
      );
    case 'file':
      return mediaBlock(
        'file',
        media.fileName,
        files.file ? null : NOT_INCLUDED,
        sizeText(media.size),
        files.file && hrefOf(files.file),
        files.thumbnail,
      );
    case 'location':
      return mediaBlock(
        'location',
        media.title ?? 'Location',
        null,
        `${media.latitude}, ${media.longitude}`,
        `https://maps.google.com/maps?q=${media.latitude},${media.longitude}&amp;ll=${media.latitude},${media.longitude}&amp;z=16`,
      );
    case 'contact':
      return mediaBlock('contact', media.name, null, media.phone);
    case 'poll':
      return `<div class="media_poll">
<div class="question bold">
${escapeHtml(media.question)}
</div>
<div class="details">
${media.closed ? 'Final results' : 'Poll'}
</div>
${media.options.map((option) => `<div class="answer">\n- ${escapeHtml(option)}\n</div>\n`).join('')}</div>`;
    case 'webpage':
      // Telegram Desktop writes a link preview as the link in the text only.
      return '';
    case 'other':
      return mediaBlock('game', media.label, null, '');
  }
}

/** The page around a chat's messages: Telegram Desktop's header with the chat's name, and its links. */
function pageStart(chatName: string, previous: string | null): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8"/>
<title>Exported Data</title>
<meta content="width=device-width, initial-scale=1.0" name="viewport"/>
<link href="../../css/style.css" rel="stylesheet"/>
</head>
<body>
<div class="page_wrap">
<div class="page_header">
<div class="content">
<div class="text bold">
${escapeHtml(chatName)}
</div>
</div>
</div>
<div class="page_body chat_page">
<div class="history">
${previous ? `<a class="pagination block_link" href="${previous}">\nPrevious messages\n</a>\n` : ''}`;
}

const pageName = (page: number) => (page === 1 ? 'messages.html' : `messages${page}.html`);

export interface TelegramHtmlChatWriter {
  message(message: ChatMessage, files: ExportedMediaPaths): void;
  /** Closes the last page; the number of messages written. */
  end(): number;
}

/**
 * One chat's pages in Telegram Desktop's HTML layout (`messages.html`, `messages2.html`, … of 1000 messages,
 * day separators, "Previous/Next messages" links), so Telegram Desktop's HTML readers and Scrollback's import
 * read them. Ids that are not numbers (WhatsApp's, Discord's 19-digit ones) are numbered by their place in the
 * chat, as the page's `id="messageN"` must be a number.
 */
export function createTelegramHtmlChatWriter(openPage: (name: string) => FolderTextFile, chat: ChatSummary): TelegramHtmlChatWriter {
  let page: FolderTextFile | null = null;
  let pageNumber = 0;
  let onPage = 0;
  let count = 0;
  let separators = 0;
  let lastDay = '';
  const numericIds = new Map<string, number>();
  const idOf = (message: { id: string }, ordinal: number) => (/^-?\d{1,15}$/.test(message.id) ? Number(message.id) : ordinal);

  const startPage = (): FolderTextFile => {
    pageNumber++;
    const opened = openPage(pageName(pageNumber));
    opened.write(pageStart(chat.name, pageNumber > 1 ? pageName(pageNumber - 1) : null));
    page = opened;
    onPage = 0;
    lastDay = '';
    return opened;
  };
  const closePage = (next: boolean) => {
    if (!page) return;
    page.write(`${next ? `<a class="pagination block_link" href="${pageName(pageNumber + 1)}">\nNext messages\n</a>\n` : ''}</div>
</div>
</div>
</body>
</html>
`);
    page.close();
    page = null;
  };

  return {
    message(message, files) {
      if (page && onPage >= MESSAGES_PER_PAGE) closePage(true);
      const out = page ?? startPage();
      count++;
      onPage++;
      const id = idOf(message, count);
      numericIds.set(message.id, id);
      const day = dayOf(message.date);
      if (day !== lastDay) {
        lastDay = day;
        out.write(`<div class="message service" id="message-${++separators}">\n<div class="body details">\n${day}\n</div>\n</div>\n`);
      }
      if (message.service) {
        out.write(
          `<div class="message service" id="message${id}">\n<div class="body details">\n${escapeHtml(describeServiceAction(message.senderName, message.service))}\n</div>\n</div>\n`,
        );
        return;
      }
      const name = message.senderName ?? chat.name;
      const replyId = message.replyToId === null ? undefined : numericIds.get(message.replyToId);
      const reply =
        replyId === undefined
          ? ''
          : `<div class="reply_to details">\nIn reply to <a href="#go_to_message${replyId}" onclick="return GoToMessage(${replyId})">this message</a>\n</div>\n`;
      const media = message.media ? mediaHtml(message.media, files) : '';
      const content = `${media ? `<div class="media_wrap clearfix">\n${media}\n</div>\n` : ''}${message.text ? `<div class="text">\n${richText(message.text, message.entities)}\n</div>\n` : ''}`;
      const body = message.forward
        ? `<div class="pull_left forwarded userpic_wrap">\n<div class="userpic" style="width: 42px; height: 42px"></div>\n</div>\n<div class="forwarded body">\n<div class="from_name">\n${escapeHtml(message.forward.fromName)}${message.forward.date === null ? '' : ` <span class="date details" title="${timeTitle(message.forward.date)}"> ${timeTitle(message.forward.date).slice(0, 19)}</span>`}\n</div>\n${content}</div>\n`
        : content;
      const reactions =
        message.reactions.length === 0
          ? ''
          : `<span class="reactions">\n${message.reactions.map((reaction) => `<span class="reaction">\n<span class="emoji">\n${escapeHtml(reaction.emoji)}\n</span>\n<span class="count">\n${reaction.count}\n</span>\n</span>\n`).join('')}</span>\n`;
      out.write(`<div class="message default clearfix" id="message${id}">
<div class="pull_left userpic_wrap">
<div class="userpic" style="width: 42px; height: 42px">
<div class="initials" style="line-height: 42px">
${escapeHtml([...name][0] ?? '?')}
</div>
</div>
</div>
<div class="body">
<div class="pull_right date details" title="${timeTitle(message.date)}">
${timeTitle(message.date).slice(11, 16)}
</div>
<div class="from_name">
${escapeHtml(name)}${message.viaBot ? ` via ${escapeHtml(message.viaBot)}` : ''}
</div>
${reply}${body}${message.signature ? `<div class="signature details">\n${escapeHtml(message.signature)}\n</div>\n` : ''}${reactions}</div>
</div>
`);
    },
    end() {
      // An empty chat still has its first page, so the chat list's link leads somewhere.
      if (!page && pageNumber === 0) startPage();
      closePage(false);
      return count;
    },
  };
}

const KIND_WORDS: Record<ChatSummary['kind'], string> = { private: 'private', group: 'group', channel: 'channel' };

/**
 * `lists/chats.html` (each chat: its name, how many messages, its kind, a link to its first page) and
 * `export_results.html` at the root linking it, as Telegram Desktop lays out a whole-account export.
 */
export function writeTelegramHtmlArchiveLists(
  createFile: (path: string) => FolderTextFile,
  chats: ReadonlyArray<{ chat: ChatSummary; folder: string; messages: number }>,
): void {
  const page = (title: string, back: string | null, body: string, style: string) => `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8"/>
<title>Exported Data</title>
<meta content="width=device-width, initial-scale=1.0" name="viewport"/>
<link href="${style}" rel="stylesheet"/>
</head>
<body>
<div class="page_wrap">
<div class="page_header">
${back ? `<a class="content block_link" href="${back}">` : '<div class="content">'}
<div class="text bold">
${escapeHtml(title)}
</div>
${back ? '</a>' : '</div>'}
</div>
<div class="page_body list_page">
${body}</div>
</div>
</body>
</html>
`;
  const list = createFile('lists/chats.html');
  list.write(
    page(
      'Chats',
      '../export_results.html',
      `<div class="page_about details">\nThis page lists all chats from this export.\n</div>\n<div class="entry_list">\n${chats
        .map(
          ({ chat, folder, messages }) => `<a class="entry block_link clearfix" href="../${folder}/messages.html#allow_back">
<div class="body">
<div class="pull_right info details">
${KIND_WORDS[chat.kind]}
</div>
<div class="name bold">
${escapeHtml(chat.name)}
</div>
<div class="details_entry details">
${messages.toLocaleString('en-US')} message${messages === 1 ? '' : 's'}
</div>
</div>
</a>
`,
        )
        .join('')}</div>\n`,
      '../css/style.css',
    ),
  );
  list.close();
  const root = createFile('export_results.html');
  root.write(
    page(
      'Exported Data',
      null,
      `<div class="page_about details">\nExported by Scrollback in Telegram Desktop’s layout; manifest.sha256 lists every file’s SHA-256.\n</div>\n<div class="entry_list">\n<a class="entry block_link clearfix" href="lists/chats.html">\n<div class="body">\n<div class="name bold">\nChats\n</div>\n<div class="details_entry details">\n${chats.length.toLocaleString('en-US')} chat${chats.length === 1 ? '' : 's'}\n</div>\n</div>\n</a>\n</div>\n`,
      'css/style.css',
    ),
  );
  root.close();
}

/** A small style sheet with Telegram Desktop's class names, so the pages read well in a browser. */
export const TELEGRAM_HTML_STYLE = `body { margin: 0; font: 13px/1.45 -apple-system, system-ui, sans-serif; color: #000; background: #fff; }
.page_wrap { max-width: 720px; margin: 0 auto; }
.page_header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #e3e6e8; padding: 12px 20px; }
.page_header a { color: inherit; text-decoration: none; }
.bold { font-weight: 700; }
.details { color: #70777b; }
.page_about { padding: 12px 20px; }
.entry { display: block; padding: 10px 20px; color: inherit; text-decoration: none; border-bottom: 1px solid #f0f2f3; }
.pull_right { float: right; }
.pull_left { float: left; }
.clearfix::after { content: ''; display: table; clear: both; }
.history { padding: 8px 0; }
.message { padding: 6px 20px; }
.message.service { text-align: center; color: #70777b; }
.userpic { border-radius: 50%; background: #8fb8dd; color: #fff; text-align: center; margin-right: 10px; }
.body { margin-left: 52px; }
.message.service .body, .forwarded.body { margin-left: 0; }
.forwarded.body { border-left: 2px solid #8fb8dd; padding-left: 8px; }
.from_name { color: #3892db; font-weight: 700; }
.text { white-space: normal; overflow-wrap: anywhere; }
.media_wrap { padding: 4px 0; }
.media { display: block; color: inherit; text-decoration: none; }
img.photo, img.sticker, img.video_file, img.animated { max-width: 260px; border-radius: 6px; }
.spoiler.hidden { background: #70777b; color: transparent; }
.reactions .reaction { display: inline-block; background: #eef3f7; border-radius: 12px; padding: 0 8px; margin: 4px 4px 0 0; }
.pagination { display: block; text-align: center; padding: 10px; }
`;
