import { createHash } from 'node:crypto';
import { mediaLabel, type ExportWriter, type TextSink } from './ExportWriter.ts';
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
.body { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
dialog p { white-space: pre-wrap; max-width: 70ch; }
`;

/**
 * One self-contained HTML file: the messages as JSON chunks, a small viewer that draws only the rows in
 * view (fast at a million messages), a month index and an in-file search. A Content Security Policy lets
 * only the viewer's own script run (by its hash): no message text can add a script, even by mistake.
 */
export function createHtmlExportWriter(out: TextSink): ExportWriter {
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
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(chat.name)} — Scrollback export</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(chat.name)}</h1><select id="months" aria-label="Jump to month"><option value="">Jump to…</option></select>
<input id="search" type="search" placeholder="Search, then Enter" aria-label="Search in this file"><span id="count"></span></header>
<div id="scroller"><div id="spacer"></div><div id="rows"></div></div>
<dialog id="detail"><h2></h2><p></p><form method="dialog"><button>Close</button></form></dialog>
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
      chunk.push([message.date, sender, message.text, mediaLabel(message), message.service ? 1 : 0]);
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
