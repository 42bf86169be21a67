import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseString } from 'whatsapp-chat-parser';
import { databaseOf, openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { memoryByteSource } from '../../electron/core/files/ByteSource.ts';
import { readWhatsAppMessages } from '../../electron/core/import/whatsapp/readWhatsAppMessages.ts';
import { toWhatsAppSourceMessage } from '../../electron/core/import/whatsapp/toWhatsAppSourceMessage.ts';
import { WhatsAppPhrases } from '../../electron/core/import/whatsapp/WhatsAppPhrases.ts';
import { whatsAppLanguages } from '../../electron/core/import/whatsapp/languages/index.ts';
import { writeTelegramHtmlExport } from '../../tests/support/writeTelegramHtmlExport.ts';
import { writeTelegramExport } from '../../tests/support/writeTelegramExport.ts';
import { probeHistoryWhile } from '../../tests/support/probeHistoryWhile.ts';
import { round, type Figures } from '../benchResults.ts';

const quietLogger = { info() {}, warn() {}, error() {} };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Our parse as an import does it: each line read, then told apart with every language's phrase table (system
 * lines, omitted media, attachments, deleted and edited markers) into the message it stores.
 */
function parseOurs(text: string): number {
  const source = memoryByteSource(Buffer.from(text), 'bench.txt');
  const phrases = new WhatsAppPhrases();
  return readWhatsAppMessages(source, (line) => toWhatsAppSourceMessage(line, 0, undefined, phrases));
}

/**
 * Runs the `scrollback` CLI as its own process (as a user would) and reports its wall time and peak
 * resident memory (the kernel's high-water mark, main thread and worker together), read from /proc.
 */
async function runCliMeasured(args: string[]): Promise<{ seconds: number; peakRssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', path.resolve('electron/cli/main.ts'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // Exited between two samples.
    }
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`scrollback ${args.join(' ')} failed: ${stderr}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: round(peakKb / 1024, 0) };
}

function generatedWhatsApp(lines: number): string {
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
    figures.whatsapp_fixtures_same_count_as_peer = {
      value: same,
      unit: `of ${files.length}`,
      target: 'the rest: peer merges BOM lines (see test)',
    };
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
  figures.whatsapp_parse_vs_peer_ratio = {
    value: round(median(oursMs) / median(theirsMs), 2),
    unit: 'ratio',
    target: `≤ 0.7 (all ${whatsAppLanguages.length} language tables)`,
  };

  // A generated 1,000,000-message Telegram Desktop export: imported by `scrollback import` in its own
  // process (time and peak memory), then again inside a core while the window's history is probed.
  const count = options.quick ? 200_000 : 1_000_000;
  const exportFile = path.join(folder, 'result.json');
  writeTelegramExport(exportFile, count, { name: 'Bench chat' });
  const cliDb = path.join(folder, 'cli.db');
  const cliImport = await runCliMeasured(['--db', cliDb, 'import', exportFile]);
  figures.import_tdesktop_msgs_per_s = { value: Math.round(count / cliImport.seconds), unit: 'msg/s', target: '≥ 50,000' };
  figures.import_peak_rss_mb = { value: cliImport.peakRssMb, unit: 'MB', target: '≤ 400' };
  // The same messages as a Telegram Desktop HTML export (pages of 1,000, its default format), the same way.
  const htmlFolder = path.join(folder, 'html-export');
  writeTelegramHtmlExport(htmlFolder, count, { name: 'Bench chat (HTML)' });
  const htmlImport = await runCliMeasured(['--db', path.join(folder, 'cli-html.db'), 'import', htmlFolder]);
  figures.import_tdesktop_html_msgs_per_s = { value: Math.round(count / htmlImport.seconds), unit: 'msg/s', target: '≥ 30,000' };
  figures.import_html_peak_rss_mb = { value: htmlImport.peakRssMb, unit: 'MB', target: '≤ 400' };
  rmSync(htmlFolder, { recursive: true, force: true });
  const cliExport = await runCliMeasured([
    '--db',
    cliDb,
    'export',
    'Bench chat',
    '--format',
    'json',
    '--out',
    path.join(folder, 'cli.json'),
  ]);
  figures.export_json_1m_s = { value: round(cliExport.seconds * (1_000_000 / count), 2), unit: 's', target: '≤ 15 (whole CLI run)' };
  figures.export_peak_rss_mb = { value: cliExport.peakRssMb, unit: 'MB', target: '≤ 300' };

  const core = openScrollbackCore({ databasePath: path.join(folder, 'files.db'), logger: quietLogger });
  await core.setUpDemo();
  // The window during the import: a chat already cached (its pages come from the cache) is scrolled.
  const demoChat = core.listChats().find((chat) => chat.name === 'Ana Costa')!;
  core.sync.start({ chatId: demoChat.id, from: null, to: null });
  await core.sync.settled(demoChat.id);
  const around2024 = (index: number) => ({ kind: 'aroundDate' as const, date: Date.UTC(2024, index % 12, 1) });
  // Baseline in the same run: the same pages with nothing else running.
  const idleLatencies = await probeHistoryWhile(core, demoChat.id, new Promise((resolve) => setTimeout(resolve, 2000)), {
    pauseMs: 20,
    anchor: around2024,
  });
  figures.history_page_idle_max_ms = {
    value: round(Math.max(...idleLatencies), 1),
    unit: 'ms',
    target: 'baseline for the two below, same run',
  };
  const importing = core.imports.importFiles([exportFile]);
  const pageLatencies = await probeHistoryWhile(core, demoChat.id, importing, { pauseMs: 20, anchor: around2024 });
  const [result] = await importing;
  figures.import_history_page_max_ms = { value: round(Math.max(...pageLatencies), 1), unit: 'ms', target: '≤ 50 while importing' };
  const chatId = result!.chats[0]!.chatId;
  const base = { chatId, from: null, to: null, filter: null, includeService: true, csvBom: false } as const;
  const started = performance.now();
  const exportLatencies = await probeHistoryWhile(
    core,
    demoChat.id,
    core.exports.exportChat({ ...base, format: 'json' }, path.join(folder, 'out.json')),
    { pauseMs: 20, anchor: around2024 },
  );
  const jsonSeconds = (performance.now() - started) / 1000;
  figures.export_history_page_max_ms = { value: round(Math.max(...exportLatencies), 1), unit: 'ms', target: '≤ 50 while exporting' };
  // Baseline in the same run: reading every row of the chat, row by row, doing nothing with it.
  const rawStarted = performance.now();
  let rows = 0;
  for (const _ of databaseOf(core).prepare('SELECT * FROM messages WHERE chat_id = ?').iterate(chatId)) rows++;
  const rawScanSeconds = (performance.now() - rawStarted) / 1000;
  if (rows !== count) throw new Error(`expected ${count} rows, read ${rows}`);
  figures.export_json_vs_raw_scan_ratio = {
    value: round(jsonSeconds / rawScanSeconds, 1),
    unit: 'ratio',
    target: 'vs reading every row, same run',
  };
  const htmlFile = path.join(folder, 'out.html');
  await core.exports.exportChat({ ...base, format: 'html' }, htmlFile);
  figures.html_export_mb = { value: round(statSync(htmlFile).size / 1e6, 0), unit: 'MB' };
  await core.close();

  const { chromium } = await import('@playwright/test');
  const { chromiumExecutable } = (await import(new URL('../../tests/browser/support/startBrowserSession.ts', import.meta.url).href)) as {
    chromiumExecutable(): string | undefined;
  };
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
    figures.html_export_open_ms = {
      value: Math.round(median(openMs)),
      unit: 'ms',
      target: `≤ 3000 (${count.toLocaleString('en-US')} messages)`,
    };
    figures.html_export_js_heap_mb = { value: round(heapMb, 0), unit: 'MB', target: '≤ 600' };
  } finally {
    await browser.close();
  }
  return figures;
}
