import path from 'node:path';
import { encodeCursor } from '../../shared/cursor.ts';
import { openCacheDatabase } from '../../electron/core/cache/openCacheDatabase.ts';
import { getChatRecord } from '../../electron/core/cache/chatQueries.ts';
import { createHistoryEngine } from '../../electron/core/history/createHistoryEngine.ts';
import { createDemoSource } from '../../electron/core/sources/demo/createDemoSource.ts';
import { createDemoMessage } from '../../electron/core/sources/demo/createDemoMessage.ts';
import type { DemoChatSpec } from '../../electron/core/sources/demo/demoChats.ts';
import type { DemoTimeline } from '../../electron/core/sources/demo/DemoTimeline.ts';
import type { WritableDB } from '../../electron/core/cache/CacheDatabase.ts';
import { compareCosts, costOf, countFigure, median, percentile, round, type Cost, type Figure, type Figures } from '../benchResults.ts';
import {
  archiveSpec,
  bytesByPart,
  fileBytes,
  ingestFloor,
  ingestOurs,
  INGEST_FLOOR,
  positionlessIndexBytes,
  rawTableBytes,
  timelineOf,
} from './historyArchive.ts';

/**
 * Stores the demo's 1,000,000-message chat in a fresh database by the real store path, as a download pages
 * newer (each batch proves only its own stretch; the ingest throws if any message ends marked deleted).
 */
export async function ingestDemoArchive(databasePath: string) {
  const spec = archiveSpec(1_000_000);
  const timeline = timelineOf(spec);
  const { db, demo, chatId, cost } = await ingestOurs(databasePath, spec, timeline);
  return { db, demo, chatId, spec, timeline, databasePath, rate: spec.count / (cost.wallMs / 1000), markedDeleted: 0 };
}

interface Scale {
  /** Figure-name suffix. */
  label: '100k' | '1m' | '10m';
  count: number;
  /** Interleaved ingest rounds (ours, floor, …): each stores the whole archive. */
  ingestRounds: number;
}

/**
 * The cache at 100k, 1M (and 10M in full mode) messages, each figure beside its floor in the same run:
 * - ingest: the real store path against plain INSERTs of the same rows into the same schema;
 * - disk: bytes a message of the whole database against the same rows in a bare table;
 * - pages: a 50-message history page through the history engine at three depths (p50 and p99 CPU) against
 *   the bare keyset SELECT of the same 50 rows by the same index.
 */
export async function runHistoryBench(folder: string, options: { quick: boolean }): Promise<{ figures: Figures; databasePath: string }> {
  const scales: Scale[] = options.quick
    ? [{ label: '100k', count: 100_000, ingestRounds: 3 }]
    : [
        { label: '100k', count: 100_000, ingestRounds: 3 },
        { label: '1m', count: 1_000_000, ingestRounds: 3 },
        // One round: each stores 10M messages twice (several minutes); the spread is then not measured.
        { label: '10m', count: 10_000_000, ingestRounds: 1 },
      ];
  const figures: Figures = {};
  let databasePath = '';
  for (const scale of scales) {
    process.stderr.write(`history: ${scale.count.toLocaleString('en-US')} messages, ingest ×${scale.ingestRounds} beside its floor…\n`);
    databasePath = path.join(folder, `history-${scale.label}.db`);
    Object.assign(figures, await benchScale(folder, databasePath, scale, options));
  }
  return { figures, databasePath };
}

async function benchScale(folder: string, databasePath: string, scale: Scale, options: { quick: boolean }): Promise<Figures> {
  const spec = archiveSpec(scale.count);
  const timeline = timelineOf(spec);
  const figures: Figures = {};
  const ingest = await compareCosts({
    what: `storing ${scale.count.toLocaleString('en-US')} messages by the real store path (storeHistoryRun: rows, senders, full-text index, the sweep of each batch's stretch, coverage), 50,000-message batches each proving only its own stretch as a download paging newer does`,
    floor: INGEST_FLOOR,
    ours: async () => {
      collectGarbage();
      const { db, cost } = await ingestOurs(databasePath, spec, timeline);
      db.close();
      return cost;
    },
    floorWork: () => {
      collectGarbage();
      return ingestFloor(path.join(folder, `history-${scale.label}-floor.db`), spec, timeline);
    },
    samples: 1,
    rounds: scale.ingestRounds,
    warmup: 0,
    target: { max: 1.3 },
  });
  figures[`ingest_vs_raw_insert_${scale.label}`] = {
    ...ingest,
    note: `${Math.round(scale.count / (ingest.value / 1000)).toLocaleString('en-US')} msg/s CPU ours, ${Math.round(scale.count / (ingest.floor.value / 1000)).toLocaleString('en-US')} msg/s CPU the floor; every stored message checked not marked deleted after each ingest`,
  };

  // The last ingest of ours is the database the rest reads.
  const db = openCacheDatabase(databasePath);
  const { id } = db.prepare('SELECT id FROM chats WHERE source_key = ?').get(spec.key) as { id: number };
  const chat = getChatRecord(db, id);
  const parts = bytesByPart(db);
  figures[`disk_bytes_per_message_${scale.label}`] = diskFigure(
    db,
    databasePath,
    path.join(folder, `history-${scale.label}-raw.db`),
    scale,
    parts,
  );
  figures[`disk_fulltext_bytes_per_message_${scale.label}`] = fullTextFigure(
    db,
    path.join(folder, `history-${scale.label}-bare-fts.db`),
    scale,
    parts,
  );
  Object.assign(figures, await pageFigures(db, chat.id, spec, timeline, scale, options));
  db.close();
  return figures;
}

type Parts = ReturnType<typeof bytesByPart>;

function diskFigure(db: WritableDB, databasePath: string, rawPath: string, scale: Scale, byPart: Parts): Figure {
  const ours = fileBytes(db, databasePath) / scale.count;
  const raw = rawTableBytes(db, rawPath) / scale.count;
  const parts = byPart
    .filter((part) => part.bytes / scale.count >= 1)
    .map((part) => `${part.name} ${round(part.bytes / scale.count, 1)}`)
    .join(', ');
  return countFigure({
    what: `the cache database file (rows, every index, full-text index; log folded in) over the messages it holds, at ${scale.count.toLocaleString('en-US')}`,
    unit: 'B/msg',
    value: round(ours, 1),
    floor: {
      what: 'the same message rows in a table of the same columns with no secondary index (same page size), over the messages',
      value: round(raw, 1),
    },
    target: { max: 250, on: 'value' },
    note: `bytes a message by table and index: ${parts}`,
  });
}

/** The full-text index's share of the disk figure beside the same bodies indexed without positions. */
function fullTextFigure(db: WritableDB, barePath: string, scale: Scale, byPart: Parts): Figure {
  const ours = byPart.filter((part) => part.name.startsWith('message_search')).reduce((sum, part) => sum + part.bytes, 0) / scale.count;
  const bare = positionlessIndexBytes(db, barePath) / scale.count;
  return countFigure({
    what: `the full-text index (trigrams with their positions, detail=full) over the messages, at ${scale.count.toLocaleString('en-US')}`,
    unit: 'B/msg',
    value: round(ours, 1),
    floor: {
      what: 'the same indexed bodies in a trigram index without positions (detail=none), built in one go, over the messages',
      value: round(bare, 1),
    },
    note: 'the positions match a term as a phrase of its trigrams, so a match is exact and a count or a zero-hit answer comes from the index alone; without them each candidate is checked against its row',
  });
}

/** Between whole ingests, so that neither side pays for the garbage the other left (npm run bench exposes gc). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Depths of the page figures: the newest page, the middle, the oldest (1,000 from the chat's first message). */
function depthsOf(count: number): Array<{ label: string; depth: number }> {
  const label = (depth: number) => (depth === 0 ? '0' : `${Math.round(depth / 1000)}k`);
  return [0, count / 2, count - 1000].map((depth) => ({ label: label(depth), depth }));
}

const PAGE = 50;
/** Distinct cursors per depth, walked in turn (a reader scrolling), the same for ours and the floor. */
const CURSORS = 200;

async function pageFigures(
  db: WritableDB,
  chatId: number,
  spec: DemoChatSpec,
  timeline: DemoTimeline,
  scale: Scale,
  options: { quick: boolean },
): Promise<Figures> {
  const figures: Figures = {};
  const engine = createHistoryEngine({ db, sourceFor: () => createDemoSource() });
  const floorSelect = db.prepare(
    `SELECT id, chat_id, source_msg_id, date, sort_key, sender_id, kind, out, text, entities, media, reply_to, forward, edit_date,
       service, grouped_id, views, reactions, deleted_at, earlier_versions, topic_id, details
     FROM messages WHERE chat_id = ? AND (date, sort_key) < (?, ?) ORDER BY date DESC, sort_key DESC LIMIT ${PAGE}`,
  );
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${floorSelect.source}`).all(chatId, 0, 0) as Array<{ detail: string }>)
    .map((row) => row.detail)
    .join('; ');
  if (!plan.includes('messages_by_position')) throw new Error(`the floor's page does not walk messages_by_position: ${plan}`);
  const samples = options.quick ? 100 : 300;
  const rounds = 3;
  const warmup = 20;
  for (const { label, depth } of depthsOf(scale.count)) {
    const cursors = Array.from({ length: CURSORS }, (_, i) => {
      const message = createDemoMessage(spec, timeline, scale.count - 1 - Math.min(scale.count - 1 - PAGE, depth + i));
      return { date: message.date, sortKey: message.sortKey, id: message.id };
    });
    const oursPage = async (at: (typeof cursors)[number]) =>
      engine.getHistoryPage({ chatId, anchor: { kind: 'before', cursor: encodeCursor(at) }, limit: PAGE });
    const floorPage = (at: (typeof cursors)[number]) => floorSelect.all(chatId, at.date, at.sortKey) as Array<{ source_msg_id: string }>;
    // Both read the same 50 rows (the engine's page is oldest first, the SELECT newest first).
    for (const at of [cursors[0]!, cursors[CURSORS - 1]!]) {
      const ours = (await oursPage(at)).messages.map((message) => message.id);
      const floor = floorPage(at)
        .map((row) => row.source_msg_id)
        .reverse();
      if (ours.length !== PAGE || ours.join() !== floor.join())
        throw new Error(`page at depth ${depth}: ours and the floor read different rows`);
    }
    collectGarbage();
    const cpu = { ours: [] as number[], floor: [] as number[] };
    let oursAt = 0;
    let floorAt = 0;
    const figure = await compareCosts({
      what: `a ${PAGE}-message history page (the history engine's getHistoryPage: coverage check, rows with senders and attachments, parsed for the window) ${depth === 0 ? 'at the newest message' : `${depth.toLocaleString('en-US')} messages deep`} in a ${scale.count.toLocaleString('en-US')}-message chat`,
      floor: `the bare keyset SELECT of the same ${PAGE} rows (every messages column) by messages_by_position, no sender join, nothing parsed`,
      ours: async () => {
        const cost: Cost = await costOf(() => oursPage(cursors[oursAt++ % CURSORS]!));
        cpu.ours.push(cost.cpuMs);
        return cost;
      },
      floorWork: async () => {
        const cost: Cost = await costOf(() => floorPage(cursors[floorAt++ % CURSORS]!));
        cpu.floor.push(cost.cpuMs);
        return cost;
      },
      samples,
      rounds,
      warmup,
    });
    figures[`page_p50_depth_${label}_${scale.label}`] = {
      ...figure,
      note: `median over ${rounds} interleaved rounds of each round's median of ${samples} pages`,
    };
    figures[`page_p99_depth_${label}_${scale.label}`] = p99Figure(figure, cpu, { samples, rounds, warmup });
  }
  return figures;
}

/** The 99th percentile of the same calls compareCosts timed (warmup left out), each round's ratio as the spread. */
function p99Figure(
  p50: Figure,
  cpu: { ours: number[]; floor: number[] },
  run: { samples: number; rounds: number; warmup: number },
): Figure {
  const roundsOf = (all: number[]) =>
    Array.from({ length: run.rounds }, (_, r) => all.slice(run.warmup + r * run.samples, run.warmup + (r + 1) * run.samples));
  const ours = roundsOf(cpu.ours);
  const floor = roundsOf(cpu.floor);
  const value = percentile(ours.flat(), 99);
  const floorValue = percentile(floor.flat(), 99);
  const ratios = ours.map((samples, r) => percentile(samples, 99) / Math.max(percentile(floor[r]!, 99), 1e-6));
  return {
    what: p50.what.replace('a 50-message', 'the 99th percentile of a 50-message'),
    unit: 'ms CPU',
    value: round(value),
    floor: { what: `the 99th percentile of ${p50.floor.what}`, value: round(floorValue) },
    ratio: round(value / Math.max(floorValue, 1e-6), 2),
    spread: [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)],
    rounds: run.rounds,
    note: `${run.rounds * run.samples} pages of each, interleaved by round; p50 ratio ${p50.ratio}, median round ratio ${round(median(ratios), 2)}`,
  };
}
