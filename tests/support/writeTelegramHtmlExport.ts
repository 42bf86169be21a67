import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

const SENDERS = ['Ana Lima', 'Bo 张', 'Chen', 'Dana', 'Eli'];
const PER_PAGE = 1000;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "08.03.2022 11:10:02 UTC+00:00", as Telegram Desktop titles a message's time (here always UTC). */
function titleOf(unix: number): string {
  const date = new Date(unix * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC+00:00`;
}

/**
 * Writes a Telegram Desktop HTML export of one chat in its layout (messages.html, messages2.html, … of 1000
 * blocks, day separators, joined follow-ups, replies, pins, "not included" photos, reactions), with the same
 * messages writeTelegramExport writes for the same count and start, so the two make an HTML + JSON pair of
 * one chat. Streamed: a million messages never sit in memory.
 */
export function writeTelegramHtmlExport(folder: string, count: number, options: { name?: string; start?: number } = {}): void {
  mkdirSync(folder, { recursive: true });
  const start = options.start ?? Date.UTC(2016, 0, 1) / 1000;
  const name = escape(options.name ?? 'Generated chat');
  const pages = Math.max(1, Math.ceil(count / PER_PAGE));
  let previousSender = -1;
  let previousDay = '';
  let separator = 0;
  for (let page = 1; page <= pages; page++) {
    const fd = openSync(path.join(folder, page === 1 ? 'messages.html' : `messages${page}.html`), 'w');
    let pending = `<!DOCTYPE html>
<html>

 <head>

  <meta charset="utf-8"/>
<title>Exported Data</title>
  <link href="css/style.css" rel="stylesheet"/>

 </head>

 <body onload="CheckLocation();">

  <div class="page_wrap">

   <div class="page_header">

    <div class="content">

     <div class="text bold">
${name}
     </div>

    </div>

   </div>

   <div class="page_body chat_page">

    <div class="history">
${page > 1 ? `     <a class="pagination block_link" href="${page === 2 ? 'messages.html' : `messages${page - 1}.html`}">\nPrevious messages\n     </a>\n` : ''}`;
    for (let i = (page - 1) * PER_PAGE + 1; i <= Math.min(count, page * PER_PAGE); i++) {
      const unix = start + i * 271;
      const date = new Date(unix * 1000);
      const day = `${date.getUTCDate()} ${date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${date.getUTCFullYear()}`;
      if (day !== previousDay) {
        previousDay = day;
        previousSender = -1;
        pending += `
     <div class="message service" id="message-${++separator}">

      <div class="body details">
${day}
      </div>

     </div>
`;
      }
      const sender = i % 5;
      if (i % 97 === 0) {
        pending += `
     <div class="message service" id="message${i}">

      <div class="body details">
${escape(SENDERS[sender]!)} pinned <a href="#go_to_message${i - 1}" onclick="return GoToMessage(${i - 1})">this message</a>
      </div>

     </div>
`;
        previousSender = -1;
        continue;
      }
      const text =
        i % 7 === 0
          ? `message ${i} with <strong>bold</strong> and a <a href="https://example.com/${i}">link</a> 🎉`
          : `message ${i}: the quick brown fox jumps over the lazy dog ${i % 1000}`;
      const joined = sender === previousSender;
      previousSender = sender;
      pending += `
     <div class="message default clearfix${joined ? ' joined' : ''}" id="message${i}">
${
  joined
    ? ''
    : `
      <div class="pull_left userpic_wrap">

       <div class="userpic userpic${sender + 1}" style="width: 42px; height: 42px">

        <div class="initials" style="line-height: 42px">
${escape(SENDERS[sender]![0]!)}
        </div>

       </div>

      </div>
`
}
      <div class="body">

       <div class="pull_right date details" title="${titleOf(unix)}">
${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}
       </div>
${joined ? '' : `\n       <div class="from_name">\n${escape(SENDERS[sender]!)} \n       </div>\n`}${
        i % 11 === 0
          ? `
       <div class="reply_to details">
In reply to <a href="#go_to_message${i - 3}" onclick="return GoToMessage(${i - 3})">this message</a>
       </div>
`
          : ''
      }${
        i % 13 === 0
          ? `
       <div class="media_wrap clearfix">

        <div class="media clearfix pull_left media_photo">

         <div class="fill pull_left">

         </div>

         <div class="body">

          <div class="title bold">
Photo
          </div>

          <div class="description">
Not included, change data exporting settings to download.
          </div>

          <div class="status details">
1280x960, 120.5 KB
          </div>

         </div>

        </div>

       </div>
`
          : ''
      }
       <div class="text">
${text}
       </div>
${
  i % 19 === 0
    ? `
       <span class="reactions">

        <span class="reaction">

         <span class="emoji">
👍
         </span>

         <span class="userpics">

          <div class="userpic userpic1" title="Ana Lima" style="width: 20px; height: 20px">

           <div class="initials" style="line-height: 20px">
A
           </div>

          </div>

          <div class="userpic userpic2" title="Chen" style="width: 20px; height: 20px">

           <div class="initials" style="line-height: 20px">
C
           </div>

          </div>

         </span>

        </span>

       </span>
`
    : ''
}
      </div>

     </div>
`;
      if (pending.length > 1 << 20) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    pending += `${page < pages ? `\n     <a class="pagination block_link" href="messages${page + 1}.html">\nNext messages\n     </a>\n` : ''}
    </div>

   </div>

  </div>

 </body>

</html>
`;
    writeSync(fd, pending);
    closeSync(fd);
  }
}
