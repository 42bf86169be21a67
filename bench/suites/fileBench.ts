import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseString } from 'whatsapp-chat-parser';
import { openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { memoryByteSource } from '../../electron/core/files/ByteSource.ts';
import { readWhatsAppMessages } from '../../electron/core/import/whatsapp/readWhatsAppMessages.ts';
import { toWhatsAppSourceMessage } from '../../electron/core/import/whatsapp/toWhatsAppSourceMessage.ts';
import { WhatsAppPhrases } from '../../electron/core/import/whatsapp/WhatsAppPhrases.ts';
import { whatsAppLanguages } from '../../electron/core/import/whatsapp/languages/index.ts';
import { writeTelegramHtmlExport } from '../../tests/support/writeTelegramHtmlExport.ts';
import { writeTelegramExport } from '../../tests/support/writeTelegramExport.ts';
import { probeHistoryWhile } from '../../tests/support/probeHistoryWhile.ts';
import { compareCosts, costOfSync, countFigure, median, percentile, round, type Cost, type Figure, type Figures } from '../benchResults.ts';
import { childCost } from '../support/childCost.ts';

const quietLogger = { info() {}, warn() {}, error() {} };
const root = path.resolve(import.meta.dirname, '../..');
const cli = [
  '--disable-warning=ExperimentalWarning',
  '--import',
  path.join(import.meta.dirname, 'filePeakRss.mjs'),
  path.join(root, 'electron/cli/main.ts'),
];
const floors = [
  '--disable-warning=ExperimentalWarning',
  '--import',
  path.join(import.meta.dirname, 'filePeakRss.mjs'),
  path.join(import.meta.dirname, 'fileFloors.ts'),
];

/**
 * Our parse as an import does it: each line read, then told apart with every language's phrase table (system
 * lines, omitted media, attachments, deleted and edited markers) into the message it stores.
 */
function parseOurs(bytes: Buffer): number {
  const source = memoryByteSource(bytes, 'bench.txt');
  const phrases = new WhatsAppPhrases();
  return readWhatsAppMessages(source, (line) => toWhatsAppSourceMessage(line, 0, undefined, phrases));
}

/** An English Android export of plain messages (every tenth with a second line). */
function englishWhatsApp(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const day = 1 + (Math.floor(i / 400) % 28);
    const month = 1 + (Math.floor(i / 11200) % 12);
    out.push(
      `${day}/${month}/23, ${10 + (i % 12)}:${String(i % 60).padStart(2, '0')} - ${['Ana', 'Bo', 'Chen'][i % 3]}: message ${i} with some words in it`,
    );
    if (i % 10 === 0) out.push('and a second line');
  }
  return out.join('\n');
}

/**
 * A German Android export (`03.08.21, 12:30 - `) as such files read: mostly text, and among it the German
 * system lines, omitted media, deletions and edit markers that only the German table knows.
 */
function germanWhatsApp(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const day = String(1 + (Math.floor(i / 400) % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 11200) % 12)).padStart(2, '0');
    const stamp = `${day}.${month}.23, ${10 + (i % 12)}:${String(i % 60).padStart(2, '0')} - `;
    const who = ['Jonas', 'Lea', 'Mia'][i % 3]!;
    if (i % 200 === 0) out.push(`${stamp}${who} hat Anna hinzugefügt.`);
    else if (i % 20 === 1) out.push(`${stamp}${who}: <Medien ausgeschlossen>`);
    else if (i % 50 === 2) out.push(`${stamp}${who}: Diese Nachricht wurde gelöscht.`);
    else if (i % 40 === 3) out.push(`${stamp}${who}: bis morgen dann <Diese Nachricht wurde bearbeitet>`);
    else out.push(`${stamp}${who}: Nachricht ${i} mit ein paar Wörtern darin`);
    if (i % 10 === 0) out.push('und eine zweite Zeile');
  }
  return out.join('\n');
}

/** The CPU and wall time of `work`, started from a collected heap when the bench can ask for one. */
function afterCollecting(work: () => unknown): Cost {
  // Twice: the second collection waits for the first one's sweeping, which would otherwise run on helper
  // threads during the timed call and count as its CPU (the peer leaves 200,000 messages of garbage).
  const { gc } = globalThis as { gc?: () => void };
  gc?.();
  gc?.();
  return costOfSync(work);
}

/** The peak resident memory a child reported (filePeakRss.mjs), MB. */
interface Measured {
  cost: Cost;
  peakMb: number;
}

function measuredChild(args: readonly string[]): Measured {
  const peakFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-peak-')), 'peak.json');
  try {
    const cost = childCost(args, { ...process.env, SCROLLBACK_BENCH_PEAK_FILE: peakFile });
    const { peakKb } = JSON.parse(fs.readFileSync(peakFile, 'utf8')) as { peakKb: number };
    return { cost, peakMb: peakKb / 1024 };
  } finally {
    fs.rmSync(path.dirname(peakFile), { recursive: true, force: true });
  }
}

/** Ours and its floor as child processes, interleaved; the CPU figure, and the peaks each reached. */
async function compareChildren(options: {
  what: string;
  floor: string;
  ours: () => string[];
  floorWork: () => string[];
  rounds: number;
  target?: Figure['target'];
  afterEach?: () => void;
}): Promise<{ figure: Figure; oursPeakMb: number[]; floorPeakMb: number[] }> {
  const oursPeakMb: number[] = [];
  const floorPeakMb: number[] = [];
  const figure = await compareCosts({
    what: options.what,
    floor: options.floor,
    samples: 1,
    rounds: options.rounds,
    warmup: 0,
    ...(options.target ? { target: options.target } : {}),
    ours: () => {
      const run = measuredChild(options.ours());
      oursPeakMb.push(run.peakMb);
      options.afterEach?.();
      return run.cost;
    },
    floorWork: () => {
      const run = measuredChild(options.floorWork());
      floorPeakMb.push(run.peakMb);
      options.afterEach?.();
      return run.cost;
    },
  });
  return { figure, oursPeakMb, floorPeakMb };
}

/** A rate beside its floor's, from CPU figures of the same count of messages. */
function withRates(figure: Figure, count: number): Figure {
  const rate = (ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en-US');
  return { ...figure, note: `${rate(figure.value)} msg/s of CPU against ${rate(figure.floor.value)} for the floor` };
}

function peakFigure(what: string, floor: string, ours: number[], floorPeaks: number[], max: number): Figure {
  return countFigure({
    what,
    unit: 'MB',
    value: round(median(ours), 0),
    floor: { what: floor, value: round(median(floorPeaks), 0) },
    rounds: ours.length,
    target: { max },
  });
}

/** The chat the generated exports are imported as, and exported by name. */
const BENCH_CHAT = 'Bench chat';

/**
 * `scrollback export` of the archive's one chat as JSON, its own process, beside its floor: a bare script that
 * reads the same rows in order with the sender join, JSON.stringify's each and writes them to a file. The note
 * gives both rates and both peaks of resident memory.
 */
async function exportBesideFloor(
  folder: string,
  db: string,
  count: number,
  rounds: number,
): Promise<{ figure: Figure; oursPeakMb: number[]; floorPeakMb: number[] }> {
  const outFile = path.join(folder, 'export-out.json');
  const exported = await compareChildren({
    what: `\`scrollback export\` of the ${count.toLocaleString('en-US')}-message chat as JSON (Telegram Desktop's result.json shape), its own process, from source`,
    floor: 'node + better-sqlite3: the rows in order with the sender join, JSON.stringify of each, written to a file',
    ours: () => [...cli, '--db', db, 'export', BENCH_CHAT, '--format', 'json', '--out', outFile],
    floorWork: () => [...floors, 'export-json', db, BENCH_CHAT, outFile],
    rounds,
    target: { max: 2.5 },
    afterEach: () => fs.rmSync(outFile, { force: true }),
  });
  const rated = withRates(exported.figure, count);
  const peaks = `peak resident memory ${round(median(exported.oursPeakMb), 0)} MB against ${round(median(exported.floorPeakMb), 0)} MB for the floor`;
  return { ...exported, figure: { ...rated, note: `${rated.note}; ${peaks}` } };
}

/**
 * The export at another archive size (issue 33's scale curve: 100k and 10M beside the 1M figure): a generated
 * result.json of `count` messages imported once by `scrollback import` (not timed), then the same export beside
 * the same floor as at 1M. The generated file is removed once imported, the archive once measured.
 */
async function exportAtSize(folder: string, count: number, rounds: number): Promise<Figure> {
  const label = count.toLocaleString('en-US');
  const source = path.join(folder, `export-${count}.json`);
  const db = path.join(folder, `export-${count}.db`);
  try {
    writeTelegramExport(source, count, { name: BENCH_CHAT });
    childCost([...cli, '--db', db, 'import', source]);
    fs.rmSync(source, { force: true });
    const { figure } = await exportBesideFloor(folder, db, count, rounds);
    return { ...figure, note: `${figure.note}; the chat: a generated ${label}-message result.json imported by \`scrollback import\`` };
  } finally {
    for (const name of fs.readdirSync(folder))
      if (name.startsWith(path.basename(source)) || name.startsWith(path.basename(db)))
        fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  }
}

/**
 * The export's scale curve beside the 1M figure (export_json_vs_raw_scan_ratio): the same export and floor at
 * 100k and at 10M messages, three interleaved rounds each (at 10M the rounds take about eight minutes in all).
 */
export async function exportScaleFigures(folder: string, partDone: (name: string) => void = () => {}): Promise<Figures> {
  const figures: Figures = {};
  figures.export_json_vs_raw_scan_ratio_100k = await exportAtSize(folder, 100_000, 3);
  partDone('100,000-message import and JSON export beside its floor');
  figures.export_json_vs_raw_scan_ratio_10m = await exportAtSize(folder, 10_000_000, 3);
  partDone('10,000,000-message import and JSON export beside its floor');
  return figures;
}

export async function runFileBench(folder: string, _fixtures: string | null, options: { quick: boolean }): Promise<Figures> {
  const figures: Figures = {};
  const rounds = 3;
  // Each part's seconds on stderr, so the quick run's budget can be read part by part.
  let partBegan = performance.now();
  const partDone = (name: string) => {
    process.stderr.write(`files: ${name} in ${Math.round((performance.now() - partBegan) / 1000)} s\n`);
    partBegan = performance.now();
  };

  // WhatsApp: our reader with every language table beside whatsapp-chat-parser, on the same text.
  // 200,000 messages in quick mode too: on a few thousand, start-up costs (the queue that waits for the date
  // order, code not yet optimised) weigh more than the per-line cost the figure is about.
  const whatsAppLines = 200_000;
  const tables = `all ${whatsAppLanguages.length} language tables`;
  for (const [name, generated, language] of [
    ['whatsapp_parse_vs_peer', englishWhatsApp(whatsAppLines), 'English'],
    ['whatsapp_parse_german_vs_peer', germanWhatsApp(whatsAppLines), 'German'],
  ] as const) {
    // Both start from the file's bytes: ours decodes them as it reads, the peer is handed them decoded.
    const bytes = Buffer.from(generated);
    const peer = () => parseString(bytes.toString('utf8'));
    if (parseOurs(bytes) !== peer().length) throw new Error(`${name}: ours and the peer count different messages`);
    figures[name] = await compareCosts({
      what: `a generated ${language} Android export of ${whatsAppLines.toLocaleString('en-US')} messages read and told apart (${tables})`,
      floor: 'whatsapp-chat-parser 4.0.2: the same bytes decoded (Buffer#toString) and parseString',
      // Each call from a collected heap (the bench runs with --expose-gc), so neither pays for the other's garbage.
      ours: () => afterCollecting(() => parseOurs(bytes)),
      floorWork: () => afterCollecting(peer),
      // Quick: one call a round after one warm-up (each is 200,000 lines, warm after the first), both sides alike.
      samples: options.quick ? 1 : 5,
      rounds,
      warmup: options.quick ? 1 : 2,
      target: { max: 0.7 },
    });
  }

  partDone('WhatsApp parse beside the peer');

  // Imports, each `scrollback import` in its own process into a new archive, beside a bare script that parses
  // the same file and inserts the same rows into a bare table.
  const count = options.quick ? 30_000 : 1_000_000;
  const label = count.toLocaleString('en-US');
  const exportFile = path.join(folder, 'result.json');
  writeTelegramExport(exportFile, count, { name: BENCH_CHAT });
  const htmlFolder = path.join(folder, 'html-export');
  writeTelegramHtmlExport(htmlFolder, count, { name: 'Bench chat (HTML)' });
  let run = 0;
  const freshDb = () => path.join(folder, `import-${++run}.db`);
  /** The archive ours imported last, kept for the export below (the others are removed as they are made). */
  let kept = '';
  const dropDbs = () => {
    for (const name of fs.readdirSync(folder))
      if (/^import-\d+\.db/.test(name) && (kept === '' || !name.startsWith(path.basename(kept))))
        fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  };
  const bareInsert = 'one prepared INSERT per message (chat, id, date, sender, text) into a bare keyed table, one transaction';
  const json = await compareChildren({
    what: `\`scrollback import\` of a ${label}-message Telegram Desktop result.json into a new archive (its own process, run from the TypeScript source)`,
    floor: `node: JSON.parse of each message line of the same file + ${bareInsert}`,
    ours: () => [...cli, '--db', (kept = freshDb()), 'import', exportFile],
    floorWork: () => [...floors, 'import-json', exportFile, freshDb()],
    rounds: options.quick ? 1 : rounds,
    target: { max: 3 },
    afterEach: dropDbs,
  });
  figures.import_tdesktop_json = withRates(json.figure, count);
  // Export: `scrollback export` of the chat as JSON, beside a bare script writing the same rows as JSON.
  const exported = await exportBesideFloor(folder, kept, count, options.quick ? 1 : rounds);
  figures.export_json_vs_raw_scan_ratio = exported.figure;
  partDone(`${label}-message JSON import and export beside their floors`);
  figures.export_tdesktop_json_peak_rss = peakFigure(
    'peak resident memory of that export (VmHWM)',
    'the bare export script above',
    exported.oursPeakMb,
    exported.floorPeakMb,
    3,
  );

  const html = await compareChildren({
    what: `\`scrollback import\` of the same ${label} messages as a Telegram Desktop HTML export (pages of 1,000), its own process, from source`,
    floor: `node: each page read whole, its message blocks found by one regular expression + ${bareInsert}`,
    ours: () => [...cli, '--db', freshDb(), 'import', htmlFolder],
    floorWork: () => [...floors, 'import-html', htmlFolder, freshDb()],
    rounds: options.quick ? 1 : rounds,
    target: { max: 4 },
    afterEach: () => {
      kept = '';
      dropDbs();
    },
  });
  figures.import_tdesktop_html = withRates(html.figure, count);
  // Memory: beside a bare node that reads the same file in 1 MB chunks (what any streaming reader holds).
  const readPeak = (target: string) => [1, 2, 3].map(() => measuredChild([...floors, 'read', target]).peakMb);
  figures.import_tdesktop_json_peak_rss = peakFigure(
    `peak resident memory of that JSON import (main thread and worker, VmHWM)`,
    'a bare node reading the same file in 1 MB chunks',
    json.oursPeakMb,
    readPeak(exportFile),
    8,
  );
  figures.import_tdesktop_html_peak_rss = peakFigure(
    `peak resident memory of that HTML import (VmHWM)`,
    'a bare node reading the same pages in 1 MB chunks',
    html.oursPeakMb,
    readPeak(htmlFolder),
    8,
  );
  fs.rmSync(htmlFolder, { recursive: true, force: true });
  partDone('HTML import and the peak memory floors');

  // The window while a file is imported or exported in the same process: history pages of another chat,
  // beside the same pages with nothing running, in interleaved rounds.
  const core = openScrollbackCore({ databasePath: path.join(folder, 'files.db'), logger: quietLogger });
  try {
    await core.setUpDemo();
    const demoChat = core.listChats().find((chat) => chat.name === 'Ana Costa')!;
    core.sync.start({ chatId: demoChat.id, from: null, to: null });
    await core.sync.settled(demoChat.id);
    const around2024 = (index: number) => ({ kind: 'aroundDate' as const, date: Date.UTC(2024, index % 12, 1) });
    const idle = (ms: number) =>
      probeHistoryWhile(core, demoChat.id, new Promise((resolve) => setTimeout(resolve, ms)), { pauseMs: 20, anchor: around2024 });
    const idleBefore = await idle(options.quick ? 500 : 1000);
    const importing = core.imports.importFiles([exportFile]);
    const duringImport = await probeHistoryWhile(core, demoChat.id, importing, { pauseMs: 20, anchor: around2024 });
    const [result] = await importing;
    const idleAfter = await idle(options.quick ? 500 : 1000);
    figures.import_history_page_p95 = countFigure({
      what: `a history page (60 rows, another chat) while the ${label}-message JSON import runs in the same process, p95`,
      unit: 'ms',
      value: round(percentile(duringImport, 95), 1),
      floor: {
        what: 'the same pages with nothing running, just before and after',
        value: round(percentile([...idleBefore, ...idleAfter], 95), 1),
      },
      target: { max: 50, on: 'value' },
      note: `max ${round(Math.max(...duringImport), 1)} ms over ${duringImport.length} pages`,
    });
    const chatId = result!.chats[0]!.chatId;
    const request = { chatId, from: null, to: null, filter: null, includeService: true, csvBom: false, format: 'json' } as const;
    const busy: number[] = [];
    const calm: number[] = [];
    const perRound: Array<[number, number]> = [];
    for (let r = 0; r < (options.quick ? 1 : rounds); r++) {
      const started = performance.now();
      const during = await probeHistoryWhile(core, demoChat.id, core.exports.exportChat(request, path.join(folder, 'out.json')), {
        pauseMs: 20,
        anchor: around2024,
      });
      const quiet = await idle(Math.min(5000, performance.now() - started));
      busy.push(...during);
      calm.push(...quiet);
      perRound.push([percentile(during, 95), percentile(quiet, 95)]);
    }
    const ratios = perRound.map(([ours, floor]) => ours / Math.max(floor, 1e-6));
    figures.export_history_page_p95 = countFigure({
      what: `a history page (60 rows, another chat) while the ${label}-message chat is exported as JSON in the same process, p95`,
      unit: 'ms',
      value: round(percentile(busy, 95), 1),
      floor: { what: 'the same pages with nothing running, interleaved with the exports', value: round(percentile(calm, 95), 1) },
      spread: [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)],
      rounds: perRound.length,
      target: { max: 50, on: 'value' },
      note: `max ${round(Math.max(...busy), 1)} ms over ${busy.length} pages`,
    });
  } finally {
    await core.close();
  }
  partDone('history pages while a file is imported or exported');

  // The export's scale curve. Not in a quick run (its 30,000-message export above is the check; a 100k archive to
  // import and export would add half a minute to it).
  if (!options.quick) Object.assign(figures, await exportScaleFigures(folder, partDone));
  return figures;
}
