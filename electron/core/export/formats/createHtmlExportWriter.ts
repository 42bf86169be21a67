import { createHash } from 'node:crypto';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { mediaLabel, type ExportFormatSpec, type ExportWriter, type TextSink } from './ExportWriter.ts';
import type { ExportedMediaPaths } from '../createExportMediaCopier.ts';
import { HTML_VIEWER_SCRIPT } from './htmlViewerScript.ts';

const CHUNK = 5000;
const SCRIPT_HASH = createHash('sha256').update(HTML_VIEWER_SCRIPT).digest('base64');

/** JSON that is safe inside a <script> element: no "<" can close it or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; --bg: #fff; --bubble: #f1f3f5; --muted: #667; --hit: #fff3b0; }
@media (prefers-color-scheme: dark) { :root { --bg: #16181c; --bubble: #23262c; --muted: #99a; --hit: #5a4b00; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: var(--bg); color: CanvasText; display: flex; flex-direction: column; height: 100vh; }
header { display: flex; gap: 12px; align-items: center; padding: 10px 16px; border-bottom: 1px solid #8884; }
header h1 { font-size: 16px; margin: 0; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#count { color: var(--muted); font-size: 12px; }
#scroller { flex: 1; overflow-y: auto; position: relative; }
#rows { position: absolute; left: 0; right: 0; top: 0; padding: 0 16px; }
.msg { height: 60px; margin: 2px 0; padding: 6px 10px; background: var(--bubble); border-radius: 10px; overflow: hidden; cursor: pointer; max-width: 760px; }
.msg.service { background: none; color: var(--muted); text-align: center; max-width: none; }
.msg.hit { background: var(--hit); }
.head { display: flex; gap: 8px; font-size: 12px; }
.head time { color: var(--muted); }
.body { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg { display: flex; gap: 8px; }
.msg .main { min-width: 0; flex: 1; }
.msg img.thumb { width: 48px; height: 48px; object-fit: cover; border-radius: 6px; flex: none; }
.extra { color: var(--muted); font-size: 11px; }
dialog img { max-width: 100%; max-height: 60vh; display: block; }
dialog .facts { color: var(--muted); font-size: 12px; }
dialog p { white-space: pre-wrap; max-width: 70ch; }
`;

/**
 * What a row shows besides its text, compactly (keys left out when empty): the replied message, who it was
 * forwarded from, when edited, when found deleted at the source, reactions, and where its thumbnail and file are beside the export.
 */
function extrasOf(message: ChatMessage, files: ExportedMediaPaths): Record<string, string | number> | 0 {
  const extras: Record<string, string | number> = {};
  if (message.replyToId !== null) extras.r = message.replyToId;
  if (message.forward) extras.f = message.forward.fromName;
  if (message.editDate !== null) extras.e = message.editDate;
  if (message.deletedAt !== null) extras.d = message.deletedAt;
  if (message.reactions.length > 0) extras.x = message.reactions.map((reaction) => `${reaction.emoji} ${reaction.count}`).join('  ');
  if (files.thumbnail) extras.t = files.thumbnail;
  else if (files.file && message.media?.kind === 'photo') extras.t = files.file;
  if (files.file) extras.u = files.file;
  return Object.keys(extras).length > 0 ? extras : 0;
}

/**
 * One self-contained HTML file: the messages as JSON chunks, a small viewer that draws only the rows in
 * view (fast at a million messages), a month index and an in-file search. A Content Security Policy lets
 * only the viewer's own script run (by its hash): no message text can add a script, even by mistake.
 */
export function createHtmlExportWriter(out: TextSink, mediaPaths: (message: ChatMessage) => ExportedMediaPaths = () => ({})): ExportWriter {
  const senders: string[] = [];
  const senderIndex = new Map<string, number>();
  const months: Array<[string, number]> = [];
  let chunk: unknown[] = [];
  let count = 0;
  let lastMonth = '';
  const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' });
  const flush = () => {
    if (chunk.length === 0) return;
    out(`<script type="application/json" class="d" data-n="${chunk.length}">${scriptJson(chunk)}</script>\n`);
    chunk = [];
  };
  return {
    begin(chat) {
      out(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' file: data:; media-src 'self' file:; script-src 'sha256-${SCRIPT_HASH}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(chat.name)} — Scrollback export</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(chat.name)}</h1><select id="months" aria-label="Jump to month"><option value="">Jump to…</option></select>
<input id="search" type="search" placeholder="Search, then Enter" aria-label="Search in this file"><span id="count"></span></header>
<div id="scroller"><div id="spacer"></div><div id="rows"></div></div>
<dialog id="detail"><h2></h2><div class="facts"></div><p></p><div class="files"></div><form method="dialog"><button>Close</button></form></dialog>
`);
    },
    message(message) {
      let sender = -1;
      if (message.senderName !== null) {
        sender = senderIndex.get(message.senderName) ?? -1;
        if (sender < 0) {
          sender = senders.push(message.senderName) - 1;
          senderIndex.set(message.senderName, sender);
        }
      }
      const month = monthFormat.format(message.date);
      if (month !== lastMonth) {
        months.push([month, count]);
        lastMonth = month;
      }
      chunk.push([
        message.date,
        sender,
        message.text,
        mediaLabel(message),
        message.service ? 1 : 0,
        extrasOf(message, mediaPaths(message)),
      ]);
      count++;
      if (chunk.length >= CHUNK) flush();
    },
    end() {
      flush();
      out(
        `<script type="application/json" id="meta">${scriptJson({ senders, months })}</script>\n<script>${HTML_VIEWER_SCRIPT}</script>\n</body></html>\n`,
      );
    },
  };
}

export const htmlExportFormat: ExportFormatSpec = {
  id: 'html',
  label: 'HTML page (opens in any browser)',
  extension: 'html',
  mimeType: 'text/html',
  bytesPerMessage: 130,
  carriesMedia: true,
  offersBom: false,
  createWriter: (out, options) => createHtmlExportWriter(out, options.mediaPaths),
};
