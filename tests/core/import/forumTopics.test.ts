import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { listTopics } from '../../../electron/core/cache/topicQueries.ts';
import { selectMessagesByIds } from '../../../electron/core/cache/messageQueries.ts';
import { getChatSummary } from '../../../electron/core/cache/chatQueries.ts';
import { createSearchService } from '../../../electron/core/search/createSearchService.ts';
import { createHistoryEngine } from '../../../electron/core/history/createHistoryEngine.ts';
import { createArchiveSource } from '../../../electron/core/sources/archive/createArchiveSource.ts';
import { runExportJob } from '../../../electron/core/export/runExportJob.ts';
import type { HistoryAnchor } from '../../../shared/history.ts';
import { writeForumHtmlExport, writeForumJsonExport, type ForumExport } from '../../support/writeForumExport.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

function importForum(write: (folder: string) => ForumExport) {
  const folder = tempFolder();
  const truth = write(path.join(folder, 'export'));
  const dbPath = path.join(folder, 'cache.db');
  const db = openCacheDatabase(dbPath);
  const [chat] = findImportInputs(path.join(folder, 'export')).flatMap((input) => importFile(db, input).chats);
  return { db, dbPath, folder, truth, chatId: chat!.chatId };
}

describe.each([
  ['Telegram Desktop JSON', writeForumJsonExport],
  ['Telegram Desktop HTML', writeForumHtmlExport],
])('forum topics from a %s export', (_format, write) => {
  it('stores the topics with their titles (renamed where the export says which topic) and puts every message in its topic', () => {
    const { db, truth, chatId } = importForum(write);
    expect(getChatSummary(db, chatId).forum).toBe(true);
    const topics = listTopics(db, chatId);
    expect(topics.map((topic) => topic.title).sort()).toEqual(truth.topics.map((topic) => topic.title).sort());
    const titleOf = new Map(topics.map((topic) => [topic.id, topic.title]));
    const stored = selectMessagesByIds(
      db,
      chatId,
      truth.messages.map((message) => String(message.id)),
    );
    expect(stored.map((message) => [message.id, message.topicId ? titleOf.get(message.topicId) : null])).toEqual(
      truth.messages.map((message) => [String(message.id), message.topic]),
    );
    for (const topic of topics)
      expect(topic.messagesOnComputer).toBe(truth.messages.filter((message) => message.topic === topic.title).length);
    db.close();
  });

  it('search and export can be limited to a topic with in:, and hits say their topic', async () => {
    const { db, dbPath, folder, truth, chatId } = importForum(write);
    const search = createSearchService({ db, sourceFor: () => createArchiveSource(db) });
    const page = await search.search({
      chatId,
      from: null,
      to: null,
      query: 'message in:"Q&A"',
      sender: '',
      kinds: [],
      order: 'oldest',
      limit: 500,
      cursor: null,
    });
    const expected = truth.messages.filter((message) => message.topic === 'Q&A' && message.text.includes('message'));
    expect(page.hits.map((hit) => hit.message.id)).toEqual(expected.map((message) => String(message.id)));
    expect(new Set(page.hits.map((hit) => hit.topicTitle))).toEqual(new Set(['Q&A']));
    const target = path.join(folder, 'announcements.json');
    runExportJob({
      databasePath: dbPath,
      request: {
        chatId,
        format: 'json',
        from: null,
        to: null,
        filter: { query: 'in:Announcements', sender: '', kinds: [] },
        includeService: true,
        csvBom: false,
      },
      target,
    });
    const exported = (JSON.parse(readFileSync(target, 'utf8')) as { messages: Array<{ id: number }> }).messages.map(
      (message) => message.id,
    );
    expect(exported).toEqual(truth.messages.filter((message) => message.topic === 'Announcements 📣').map((message) => message.id));
    db.close();
  });

  it('one topic pages on its own, in order, from its newest message to its first', async () => {
    const { db, truth, chatId } = importForum(write);
    const engine = createHistoryEngine({ db, sourceFor: () => createArchiveSource(db) });
    const topic = listTopics(db, chatId).find((candidate) => candidate.title === 'Q&A')!;
    const seen: string[] = [];
    let anchor: HistoryAnchor = { kind: 'latest' };
    for (let pages = 0; pages < 50; pages++) {
      const page = await engine.getHistoryPage({ chatId, anchor, limit: 40, topicId: topic.id });
      seen.unshift(...page.messages.map((message) => message.id));
      expect(page.messages.every((message) => message.topicId === topic.id)).toBe(true);
      if (page.reachedOldest) break;
      anchor = { kind: 'before', cursor: page.olderCursor! };
    }
    expect(seen).toEqual(truth.messages.filter((message) => message.topic === 'Q&A').map((message) => String(message.id)));
    // Around one of its messages: that message is the anchor.
    const middle = seen[Math.floor(seen.length / 2)]!;
    const around = await engine.getHistoryPage({
      chatId,
      anchor: { kind: 'aroundMessage', messageId: middle },
      limit: 20,
      topicId: topic.id,
    });
    expect(around.messages[around.anchorIndex!]!.id).toBe(middle);
    db.close();
  });
});
