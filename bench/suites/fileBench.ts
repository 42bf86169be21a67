import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseString } from 'whatsapp-chat-parser';
import { openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { memoryByteSource } from '../../electron/core/files/ByteSource.ts';
import { readWhatsAppMessages, surveyWhatsAppFile } from '../../electron/core/import/whatsapp/readWhatsAppMessages.ts';
import { writeTelegramExport } from '../../tests/support/writeTelegramExport.ts';
import { round, type Figures } from '../benchResults.ts';

const quietLogger = { info() {}, warn() {}, error() {} };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function parseOurs(text: string): number {
  const source = memoryByteSource(Buffer.from(text), 'bench.txt');
  let count = 0;
  for (const _ of readWhatsAppMessages(source, surveyWhatsAppFile(source))) count++;
  return count;
}

/** Samples the process's resident memory (main thread and workers) until stopped; returns the peak in MB. */
function sampleRss(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return () => {
    clearInterval(timer);
    return round(Math.max(peak, process.memoryUsage().rss) / 1e6, 0);
  };
}

function generatedWhatsApp(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const day = 1 + (Math.floor(i / 400) % 28);
    const month = 1 + (Math.floor(i / 11200) % 12);
    out.push(`${day}/${month}/23, ${10 + (i % 12)}:${String(i % 60).padStart(2, '0')} - ${['Ana', 'Bo', 'Chen'][i % 3]}: message ${i} with some words in it`);
    if (i % 10 === 0) out.push('and a second line');
  }
  return out.join('\n');
}

export async function runFileBench(folder: string, fixtures: string | null, options: { quick: boolean }): Promise<Figures> {
  const figures: Figures = {};

  // Side by side with the npm package whatsapp-chat-parser: which fixtures each reads, and speed.
  if (fixtures) {
    let same = 0;
    const files = readdirSync(path.join(fixtures, 'whatsapp'));
    for (const file of files) {
      const text = readFileSync(path.join(fixtures, 'whatsapp', file), 'utf8');
      const ours = parseOurs(text);
      const theirs = parseString(text).length;
      if (ours === theirs) same++;
      process.stderr.write(`  ${file}: ours ${ours}, whatsapp-chat-parser ${theirs}\n`);
    }
    figures.whatsapp_fixtures_same_count_as_peer = { value: same, unit: `of ${files.length}`, target: 'the rest: peer merges BOM lines (see test)' };
  }
  const big = generatedWhatsApp(options.quick ? 50_000 : 200_000);
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  for (let run = 0; run < 5; run++) {
    let started = performance.now();
    parseOurs(big);
    oursMs.push(performance.now() - started);
    started = performance.now();
    parseString(big);
    theirsMs.push(performance.now() - started);
  }
  figures.whatsapp_parse_ms = { value: round(median(oursMs), 1), unit: 'ms' };
  figures.whatsapp_peer_parse_ms = { value: round(median(theirsMs), 1), unit: 'ms' };
  figures.whatsapp_parse_vs_peer_ratio = { value: round(median(oursMs) / median(theirsMs), 2), unit: 'ratio', target: '≤ 1' };

  // A generated 1,000,000-message Telegram Desktop export, imported on the worker thread.
  const count = options.quick ? 200_000 : 1_000_000;
  const exportFile = path.join(folder, 'result.json');
  writeTelegramExport(exportFile, count, { name: 'Bench chat' });
  const core = openScrollbackCore({ databasePath: path.join(folder, 'files.db'), logger: quietLogger });
  await core.setUpDemo();
  // The window during the import: a chat already cached (its pages come from the cache) is scrolled.
  const demoChat = core.listChats().find((chat) => chat.name === 'Ana Costa')!;
  await core.sync.start({ chatId: demoChat.id, from: null, to: null });
  await core.sync.settled(demoChat.id);
  const pageLatencies: number[] = [];
  (globalThis as { gc?: () => void }).gc?.();
  const stopRss = sampleRss();
  let started = performance.now();
  const importing = core.imports.importFiles([exportFile]);
  let done = false;
  void importing.finally(() => (done = true));
  while (!done) {
    const asked = performance.now();
    await core.history.getHistoryPage({ chatId: demoChat.id, anchor: { kind: 'aroundDate', date: Date.UTC(2024, pageLatencies.length % 12, 1) }, limit: 60 });
    pageLatencies.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const [result] = await importing;
  const importSeconds = (performance.now() - started) / 1000;
  figures.import_tdesktop_msgs_per_s = { value: Math.round(count / importSeconds), unit: 'msg/s', target: '≥ 50,000' };
  figures.import_peak_rss_mb = { value: stopRss(), unit: 'MB', target: '≤ 400' };
  figures.import_history_page_max_ms = { value: round(Math.max(...pageLatencies), 1), unit: 'ms', target: '≤ 50 while importing' };
  const chatId = result!.chats[0]!.chatId;

  // The same million messages out again: JSON, then HTML (opened in Chromium below).
  const base = { chatId, from: null, to: null, filter: null, includeService: true, csvBom: false } as const;
  (globalThis as { gc?: () => void }).gc?.();
  const stopExportRss = sampleRss();
  started = performance.now();
  await core.exports.exportChat({ ...base, format: 'json' }, path.join(folder, 'out.json'));
  const jsonSeconds = (performance.now() - started) / 1000;
  figures.export_json_1m_s = { value: round(jsonSeconds * (1_000_000 / count), 2), unit: 's', target: '≤ 15' };
  figures.export_peak_rss_mb = { value: stopExportRss(), unit: 'MB', target: '≤ 300' };
  // Baseline in the same run: reading every row of the chat, row by row, doing nothing with it.
  const rawStarted = performance.now();
  let rows = 0;
  for (const _ of core.db.prepare('SELECT * FROM messages WHERE chat_id = ?').iterate(chatId)) rows++;
  const rawScanSeconds = (performance.now() - rawStarted) / 1000;
  if (rows !== count) throw new Error(`expected ${count} rows, read ${rows}`);
  figures.export_json_vs_raw_scan_ratio = { value: round(jsonSeconds / rawScanSeconds, 1), unit: 'ratio', target: 'vs SELECT * of the chat' };
  const htmlFile = path.join(folder, 'out.html');
  await core.exports.exportChat({ ...base, format: 'html' }, htmlFile);
  figures.html_export_mb = { value: round(statSync(htmlFile).size / 1e6, 0), unit: 'MB' };
  await core.close();

  const { chromium } = await import('@playwright/test');
  const { chromiumExecutable } = (await import(new URL('../../tests/browser/support/startBrowserSession.ts', import.meta.url).href)) as { chromiumExecutable(): string | undefined };
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: ['--enable-precise-memory-info'] });
  try {
    const openMs: number[] = [];
    let heapMb = 0;
    for (let run = 0; run < (options.quick ? 1 : 3); run++) {
      const page = await browser.newPage();
      const opened = performance.now();
      await page.goto(`file://${htmlFile}`, { waitUntil: 'commit', timeout: 120_000 });
      await page.waitForSelector('.msg', { timeout: 120_000 });
      // After the next frame: the rows are painted, not just in the DOM.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
      openMs.push(performance.now() - opened);
      const client = await page.context().newCDPSession(page);
      const heap = (await client.send('Runtime.getHeapUsage')) as { usedSize: number };
      heapMb = Math.max(heapMb, heap.usedSize / 1e6);
      await page.close();
    }
    figures.html_export_open_ms = { value: Math.round(median(openMs)), unit: 'ms', target: `≤ 3000 (${count.toLocaleString('en-US')} messages)` };
    figures.html_export_js_heap_mb = { value: round(heapMb, 0), unit: 'MB', target: '≤ 600' };
  } finally {
    await browser.close();
  }
  return figures;
}
