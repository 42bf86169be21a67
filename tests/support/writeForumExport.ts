import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A forum group's export, as Telegram Desktop writes one (no public forum export was found, so this follows
 * its documented fields): topics begin with a `topic_created` service message whose id is the topic's id;
 * every message of a topic replies to that first message or to another message of the topic; messages of
 * the General topic reply to nothing of a topic. One topic is renamed later (`topic_edit`, `new_title`).
 * Returns, with the files, the truth: each message's topic title (null: General).
 */
export interface ForumExport {
  topics: Array<{ id: number; title: string }>;
  /** Each message's id and its topic's title (null: General), oldest first. */
  messages: Array<{ id: number; topic: string | null; text: string }>;
}

const SENDERS = ['Ana Lima', 'Bo Chen', 'Dana'];
const START = Date.UTC(2023, 4, 1) / 1000;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Planned {
  id: number;
  date: number;
  from: string;
  /** `topic_created` / `topic_edit` / a plain message. */
  kind: 'created' | 'edited' | 'message';
  title?: string;
  text: string;
  replyTo: number | null;
  topic: number | null;
}

/**
 * `renameKnown`: whether the export says which topic a rename is in (JSON: its reply; HTML: its prose has no
 * link, so the rename stays a line of the General topic and the topic keeps its first title).
 */
function plan(count: number, renameKnown = true): { planned: Planned[]; truth: ForumExport } {
  const roots = [
    { id: 2, title: 'Q&A' },
    { id: 5, title: 'Announcements 📣' },
    { id: 9, title: 'Off-topic' },
  ];
  const renamed = 'Off topic & fun';
  const planned: Planned[] = [
    { id: 1, date: START, from: SENDERS[0]!, kind: 'message', text: 'welcome to the forum', replyTo: null, topic: null },
  ];
  const lastOf = new Map<number | null, number>();
  // The third topic (id 9: every fourth message from 11 on) is renamed by one of its messages, 60% in.
  let renameAt = Math.floor(count * 0.6);
  while (renameAt % 4 !== 3) renameAt++;
  for (let id = 2; id <= count; id++) {
    const date = START + id * 600;
    const from = SENDERS[id % SENDERS.length]!;
    const root = roots.find((topic) => topic.id === id);
    if (root) {
      planned.push({ id, date, from, kind: 'created', title: root.title, text: '', replyTo: null, topic: root.id });
      lastOf.set(root.id, id);
      continue;
    }
    const open = roots.filter((topic) => topic.id < id);
    const choice = id % (open.length + 1);
    const topic = choice === 0 ? null : open[choice - 1]!.id;
    if (id === renameAt) {
      planned.push({ id, date, from, kind: 'edited', title: renamed, text: '', replyTo: 9, topic: 9 });
      continue;
    }
    // A third of a topic's messages answer the one before them; the rest answer the topic itself.
    const replyTo = topic === null ? (id % 7 === 0 ? (lastOf.get(null) ?? null) : null) : id % 3 === 0 ? lastOf.get(topic)! : topic;
    planned.push({
      id,
      date,
      from,
      kind: 'message',
      text: `message ${id} about ${topic === null ? 'anything' : `topic ${topic}`}`,
      replyTo,
      topic,
    });
    lastOf.set(topic, id);
  }
  const titleOf = (topic: number | null) =>
    topic === null
      ? null
      : topic === 9 && renameKnown && planned.some((p) => p.kind === 'edited')
        ? renamed
        : roots.find((r) => r.id === topic)!.title;
  return {
    planned,
    truth: {
      topics: roots.map((root) => ({ id: root.id, title: titleOf(root.id)! })),
      messages: planned.map((p) => ({ id: p.id, topic: p.kind === 'edited' && !renameKnown ? null : titleOf(p.topic), text: p.text })),
    },
  };
}

/** `result.json` of a forum of `count` messages. */
export function writeForumJsonExport(folder: string, count = 600): ForumExport {
  const { planned, truth } = plan(count);
  const messages = planned.map((p) => {
    const base = { id: p.id, date: new Date(p.date * 1000).toISOString().slice(0, 19), date_unixtime: String(p.date) };
    if (p.kind === 'created')
      return {
        ...base,
        type: 'service',
        actor: p.from,
        actor_id: 'user1',
        action: 'topic_created',
        title: p.title,
        text: '',
        text_entities: [],
      };
    if (p.kind === 'edited')
      return {
        ...base,
        type: 'service',
        actor: p.from,
        actor_id: 'user1',
        action: 'topic_edit',
        new_title: p.title,
        reply_to_message_id: p.replyTo,
        text: '',
        text_entities: [],
      };
    return {
      ...base,
      type: 'message',
      from: p.from,
      from_id: `user${SENDERS.indexOf(p.from) + 1}`,
      text: p.text,
      text_entities: [{ type: 'plain', text: p.text }],
      ...(p.replyTo === null ? {} : { reply_to_message_id: p.replyTo }),
    };
  });
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'result.json'),
    JSON.stringify({ name: 'Hiking forum', type: 'private_supergroup', id: 8800, messages }, null, 1),
  );
  return truth;
}

/** The same forum as Telegram Desktop's HTML export (one page). */
export function writeForumHtmlExport(folder: string, count = 600): ForumExport {
  const { planned, truth } = plan(count, false);
  const title = (unix: number) => {
    const date = new Date(unix * 1000);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC+00:00`;
  };
  const blocks = planned.map((p) => {
    if (p.kind !== 'message') {
      const prose =
        p.kind === 'created'
          ? `${escape(p.from)} created topic &laquo;${escape(p.title!)}&raquo;`
          : `${escape(p.from)} changed topic title to &laquo;${escape(p.title!)}&raquo;`;
      return `<div class="message service" id="message${p.id}">
 <div class="body details">
${prose}
 </div>
</div>`;
    }
    const reply =
      p.replyTo === null
        ? ''
        : `<div class="reply_to details">
In reply to <a href="#go_to_message${p.replyTo}" onclick="return GoToMessage(${p.replyTo})">this message</a>
</div>`;
    return `<div class="message default clearfix" id="message${p.id}">
 <div class="pull_left userpic_wrap"><div class="userpic userpic1" style="width: 42px; height: 42px"><div class="initials" style="line-height: 42px">A</div></div></div>
 <div class="body">
  <div class="pull_right date details" title="${title(p.date)}">${new Date(p.date * 1000).toISOString().slice(11, 16)}</div>
  <div class="from_name">
${escape(p.from)}
  </div>
${reply}
  <div class="text">
${escape(p.text)}
  </div>
 </div>
</div>`;
  });
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'messages.html'),
    `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"/><title>Exported Data</title></head>
<body>
<div class="page_wrap">
<div class="page_header"><div class="content"><div class="text bold">
Hiking forum
</div></div></div>
<div class="page_body chat_page"><div class="history">
${blocks.join('\n')}
</div></div>
</div>
</body>
</html>
`,
  );
  return truth;
}
