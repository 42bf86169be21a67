import fs from 'node:fs';
import type { WritableDB } from '../../electron/core/cache/CacheDatabase.ts';
import { openCacheDatabase } from '../../electron/core/cache/openCacheDatabase.ts';
import { upsertChats, getChatRecord, type ChatRecord } from '../../electron/core/cache/chatQueries.ts';
import { upsertSource } from '../../electron/core/cache/sourceQueries.ts';
import { messageRowValues } from '../../electron/core/cache/messageQueries.ts';
import { indexedBodyOf, searchRowIdOf } from '../../electron/core/cache/searchIndexRowid.ts';
import { createDemoSource } from '../../electron/core/sources/demo/createDemoSource.ts';
import { createDemoMessage } from '../../electron/core/sources/demo/createDemoMessage.ts';
import { demoChats, type DemoChatSpec } from '../../electron/core/sources/demo/demoChats.ts';
import { DemoTimeline } from '../../electron/core/sources/demo/DemoTimeline.ts';
import type { SourceMessage } from '../../electron/core/model/SourceMessage.ts';
import { costOfSync, type Cost } from '../benchResults.ts';
import { storeBatchAsPage } from './storeBatchesAsPages.ts';

/** Messages per transaction, as a bulk sync or an import writes them. */
export const BATCH = 50_000;

/**
 * The demo's archive chat at `count` messages: the same senders, dates from 2016 to 2026 and mix of kinds
 * at every scale (at 1,000,000 it is exactly the demo's chat, so the demo source agrees with what is stored).
 */
export function archiveSpec(count: number): DemoChatSpec {
  return { ...demoChats[0]!, count };
}

export function timelineOf(spec: DemoChatSpec): DemoTimeline {
  return new DemoTimeline({
    seed: spec.seed,
    count: spec.count,
    start: Date.parse(spec.start),
    end: Date.parse(spec.end),
    gaps: spec.gaps,
  });
}

/** The archive's messages oldest first, a batch at a time (never all in memory: 10M would not fit). */
export function* batchesOf(spec: DemoChatSpec, timeline: DemoTimeline): Generator<SourceMessage[]> {
  for (let start = 0; start < spec.count; start += BATCH) {
    const batch: SourceMessage[] = [];
    for (let index = start; index < Math.min(spec.count, start + BATCH); index++) batch.push(createDemoMessage(spec, timeline, index));
    yield batch;
  }
}

export interface OpenArchive {
  db: WritableDB;
  demo: ReturnType<typeof createDemoSource>;
  chat: ChatRecord;
  chatId: number;
}

/** A fresh cache database (the app's schema and settings) with the demo source and its chats, no messages. */
export async function openEmptyArchive(databasePath: string): Promise<OpenArchive> {
  fs.rmSync(databasePath, { force: true });
  fs.rmSync(`${databasePath}-wal`, { force: true });
  fs.rmSync(`${databasePath}-shm`, { force: true });
  const db = openCacheDatabase(databasePath);
  const demo = createDemoSource();
  upsertSource(db, { id: demo.id, kind: 'demo', name: 'Demo archive' });
  const chatId = upsertChats(db, demo.id, await demo.listChats())[0]!;
  return { db, demo, chat: getChatRecord(db, chatId), chatId };
}

/**
 * Ours: every batch stored by the real store path (rows, senders, the full-text index, the sweep of what the
 * batch proves, coverage), each as a download paging newer stores it. Only the store calls are timed; the
 * messages are generated between them. Throws unless the archive ends with no message marked deleted.
 */
export async function ingestOurs(databasePath: string, spec: DemoChatSpec, timeline: DemoTimeline): Promise<OpenArchive & { cost: Cost }> {
  const archive = await openEmptyArchive(databasePath);
  const cost: Cost = { cpuMs: 0, wallMs: 0 };
  let previous: SourceMessage | null = null;
  let sweptAway = 0;
  for (const batch of batchesOf(spec, timeline)) {
    const one = costOfSync(() => {
      sweptAway += storeBatchAsPage(archive.db, archive.chat, batch, previous, spec.count);
    });
    cost.cpuMs += one.cpuMs;
    cost.wallMs += one.wallMs;
    previous = batch[batch.length - 1]!;
  }
  assertRealisticRun(archive.db, archive.chatId, spec.count, sweptAway);
  return { ...archive, cost };
}

/**
 * A realistic run ends as the source has it: every message stored once, none marked deleted at the source
 * (each batch proves only its own stretch, so it cannot sweep away the batches before it).
 */
export function assertRealisticRun(db: WritableDB, chatId: number, count: number, sweptAway: number): void {
  const { stored, deleted } = db
    .prepare('SELECT count(*) AS stored, count(deleted_at) AS deleted FROM messages WHERE chat_id = ?')
    .get(chatId) as { stored: number; deleted: number };
  if (stored !== count) throw new Error(`the ingest stored ${stored} messages of ${count}`);
  if (deleted !== 0 || sweptAway !== 0)
    throw new Error(`the ingest marked ${deleted} stored messages deleted at the source (runs said ${sweptAway})`);
}

const INSERT_ROW = `INSERT INTO messages (chat_id, source_msg_id, date, sort_key, sender_id, kind, out, text, entities, media,
  reply_to, forward, edit_date, service, grouped_id, views, reactions, deleted_at, topic_id, details)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** What the floor inserts, in words (next to its figure). */
export const INGEST_FLOOR =
  'plain INSERTs of the same message rows (column values prepared beforehand, senders already there) into the same schema ' +
  '(messages with all its indexes), the same full-text rows by one INSERT…SELECT a batch, one transaction a 50,000-message batch; ' +
  'no sender lookup, no conflict check, no sweep, no coverage, no chat totals';

/**
 * The floor of the ingest: the same rows into the same tables at their least (see INGEST_FLOOR). Only the
 * transactions are timed; the row values are made between them.
 */
export async function ingestFloor(databasePath: string, spec: DemoChatSpec, timeline: DemoTimeline): Promise<Cost> {
  const { db, demo, chatId } = await openEmptyArchive(databasePath);
  const senderIds = new Map<string, number>();
  const addSender = db.prepare('INSERT INTO senders (source_id, source_key, name) VALUES (?, ?, ?)');
  const insert = db.prepare(INSERT_ROW);
  const index = db.prepare(
    `INSERT INTO message_search (rowid, body) SELECT ${searchRowIdOf('messages')}, ${indexedBodyOf('text')} FROM messages WHERE id > ? AND text <> ''`,
  );
  const cost: Cost = { cpuMs: 0, wallMs: 0 };
  let lastId = 0;
  for (const batch of batchesOf(spec, timeline)) {
    for (const message of batch)
      if (message.sender && !senderIds.has(message.sender.key))
        senderIds.set(message.sender.key, Number(addSender.run(demo.id, message.sender.key, message.sender.name).lastInsertRowid));
    const rows = batch.map((message) => messageRowValues(chatId, message, message.sender ? senderIds.get(message.sender.key)! : null));
    const one = costOfSync(() =>
      db
        .transaction(() => {
          for (const row of rows) insert.run(row);
          index.run(lastId);
        })
        .immediate(),
    );
    lastId += rows.length;
    cost.cpuMs += one.cpuMs;
    cost.wallMs += one.wallMs;
  }
  const stored = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  db.close();
  if (stored !== spec.count) throw new Error(`the floor stored ${stored} messages of ${spec.count}`);
  return cost;
}

/** The database's size on disk once its log is folded in (what the user's disk holds), bytes. */
export function fileBytes(db: WritableDB, databasePath: string): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = fs.existsSync(`${databasePath}-wal`) ? fs.statSync(`${databasePath}-wal`).size : 0;
  return fs.statSync(databasePath).size + wal;
}

/**
 * The floor of the disk figure: the same message rows in a table of the same columns with no secondary
 * index (no unique key, no position or date index, no full-text index), same page size, written in one go.
 */
export function rawTableBytes(db: WritableDB, floorPath: string): number {
  fs.rmSync(floorPath, { force: true });
  const columns = (db.prepare("SELECT name, type FROM pragma_table_info('messages')").all() as Array<{ name: string; type: string }>)
    .map((column) => `${column.name} ${column.type}`)
    .join(', ');
  db.prepare('ATTACH DATABASE ? AS raw').run(floorPath);
  try {
    db.exec(
      `PRAGMA raw.page_size = 8192; CREATE TABLE raw.messages (${columns}) STRICT; INSERT INTO raw.messages SELECT * FROM main.messages;`,
    );
  } finally {
    db.exec('DETACH DATABASE raw');
  }
  return fs.statSync(floorPath).size;
}

/**
 * The same indexed bodies (same rowids, same folding, same end markers) in a trigram index that keeps no
 * positions (detail=none), bytes: what the full-text index would take without the positions that let a term
 * match as a phrase and a count come from the index alone.
 */
export function positionlessIndexBytes(db: WritableDB, barePath: string): number {
  fs.rmSync(barePath, { force: true });
  db.prepare('ATTACH DATABASE ? AS bare').run(barePath);
  try {
    db.exec(`PRAGMA bare.page_size = 8192;
      CREATE VIRTUAL TABLE bare.message_search USING fts5 (body, content = '', tokenize = 'trigram case_sensitive 1', detail = 'none', columnsize = 0);
      INSERT INTO bare.message_search (message_search, rank) VALUES ('automerge', 16);
      INSERT INTO bare.message_search (rowid, body) SELECT ${searchRowIdOf('messages')}, ${indexedBodyOf('text')} FROM main.messages WHERE text <> '';`);
  } finally {
    db.exec('DETACH DATABASE bare');
  }
  return fs.statSync(barePath).size;
}

/** Bytes of each table and index of the database (dbstat), largest first, to say where the bytes go. */
export function bytesByPart(db: WritableDB): Array<{ name: string; bytes: number }> {
  return db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as Array<{
    name: string;
    bytes: number;
  }>;
}
