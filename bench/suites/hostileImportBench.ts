import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { round, type Figures } from '../benchResults.ts';
import {
  writeDeepTelegramJson,
  writeHugeDiscordMessage,
  writeHugeHtmlMessage,
  writeHugeTelegramMessage,
  writeHugeWhatsAppLine,
  writeManyLongTelegramMessages,
  writeNestedDivPage,
  writeZip64,
} from '../../tests/support/writeHostileExports.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/scrollback.js');
const MB = 1024 * 1024;

/**
 * Preloaded into each measured process: at exit it writes its peak resident memory (the kernel's maxRSS,
 * which counts every thread) and CPU time to the file named in SCROLLBACK_BENCH_USAGE.
 */
const USAGE_HOOK = `data:text/javascript,${encodeURIComponent(
  "import fs from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); fs.writeFileSync(process.env.SCROLLBACK_BENCH_USAGE, JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });",
)}`;

/** The floor: the same bytes read by a bare process in 1 MB pieces and decoded as UTF-8, nothing kept. */
const FLOOR_SCRIPT = `
  const fs = require('node:fs');
  const decoder = new TextDecoder();
  const buffer = Buffer.allocUnsafe(1 << 20);
  let chars = 0;
  for (const file of process.argv.slice(1)) {
    const fd = fs.openSync(file, 'r');
    for (let read; (read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) chars += decoder.decode(buffer.subarray(0, read), { stream: true }).length;
    fs.closeSync(fd);
  }
  process.stdout.write(String(chars));`;

interface Run {
  wallS: number;
  cpuS: number;
  peakMb: number;
  code: number | null;
  said: string;
}

function measured(args: string[], usageFile: string): Run {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', USAGE_HOOK, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SCROLLBACK_CLI_FROM_SOURCE: '1', SCROLLBACK_BENCH_USAGE: usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * MB,
  });
  const wallS = (performance.now() - started) / 1000;
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRssKb: number; cpuUs: number };
  // What a refusal said (its last line), without the temporary folder's path.
  const said = run.status === 0 ? '' : (run.stderr.trim().split('\n').at(-1) ?? '').replace(/\S*\/hostile\//g, '');
  return { wallS, cpuS: usage.cpuUs / 1e6, peakMb: usage.maxRssKb / 1024, code: run.status, said: said.slice(0, 200) };
}

/** Each hostile shape at the size it was reported at, written to `folder`: what to import, and the bytes a floor reads. */
function hostileFiles(folder: string, quick: boolean): Array<{ key: string; what: string; path: string; bytes: string[] }> {
  const scale = quick ? 0.25 : 1;
  const json = path.join(folder, 'huge-message', 'result.json');
  fs.mkdirSync(path.dirname(json), { recursive: true });
  writeHugeTelegramMessage(json, Math.round(200 * MB * scale));
  const line = path.join(folder, 'WhatsApp Chat with Huge.txt');
  writeHugeWhatsAppLine(line, Math.round(200 * MB * scale));
  const html = writeHugeHtmlMessage(path.join(folder, 'huge-html'), Math.round(200 * MB * scale));
  const deep = path.join(folder, 'deep', 'result.json');
  fs.mkdirSync(path.dirname(deep), { recursive: true });
  writeDeepTelegramJson(deep, Math.round(51 * MB * scale), 10);
  const discord = path.join(folder, 'discord.json');
  writeHugeDiscordMessage(discord, Math.round(200 * MB * scale));
  const long = path.join(folder, 'long', 'result.json');
  fs.mkdirSync(path.dirname(long), { recursive: true });
  writeManyLongTelegramMessages(long, Math.round(150 * scale), 999_000);
  const divs = writeNestedDivPage(path.join(folder, 'divs'), 1_000_000);
  const zip = path.join(folder, 'WhatsApp Chat - Zip64.zip');
  const lines: string[] = [];
  for (let i = 0; lines.length < (quick ? 50_000 : 200_000); i++)
    lines.push(
      `${String((i % 28) + 1).padStart(2, '0')}/02/2024, 10:${String(i % 60).padStart(2, '0')} - ${i % 3 ? 'Ana' : 'Bo'}: message ${i} of a chat in a zip64 archive`,
    );
  writeZip64(zip, [
    { name: 'video.mp4', data: Buffer.alloc(quick ? 8 * MB : 64 * MB, 1) },
    { name: '_chat.txt', data: Buffer.from(`${lines.join('\n')}\n`), deflate: true },
  ]);
  return [
    { key: 'json_200mb_message', what: 'Telegram JSON, one 200 MB message', path: json, bytes: [json] },
    { key: 'whatsapp_200mb_line', what: 'WhatsApp .txt, one 200 MB line', path: line, bytes: [line] },
    { key: 'html_200mb_message', what: 'Telegram HTML, one 200 MB message', path: html, bytes: [path.join(html, 'messages.html')] },
    { key: 'discord_200mb_message', what: 'DiscordChatExporter JSON, one 200 MB message', path: discord, bytes: [discord] },
    { key: 'json_150_long_messages', what: 'Telegram JSON, 150 messages of 999,000 Cyrillic characters', path: long, bytes: [long] },
    { key: 'json_51mb_nested_10', what: 'Telegram JSON, 51 MB nested 10 deep', path: deep, bytes: [deep] },
    { key: 'html_1m_nested_divs', what: 'Telegram HTML, 1,000,000 nested divs', path: divs, bytes: [path.join(divs, 'messages.html')] },
    { key: 'zip64', what: `WhatsApp zip64 archive (${lines.length.toLocaleString('en-US')} messages)`, path: zip, bytes: [zip] },
  ];
}

/**
 * Each hostile file imported by `scrollback import` in a process of its own (from source, so the code
 * measured is the checkout's), with its peak resident memory, CPU and wall time, beside a floor: a bare
 * process reading the same bytes. `import_peak_rss_mb_hostile` is the largest peak of them all.
 */
export function runHostileImportBench(folder: string, options: { quick: boolean }): Figures {
  const work = path.join(folder, 'hostile');
  fs.mkdirSync(work, { recursive: true });
  const files = hostileFiles(work, options.quick);
  const figures: Figures = {};
  let peak = 0;
  for (const file of files) {
    const db = path.join(work, `${file.key}.db`);
    const run = measured([bin, '--db', db, 'import', file.path], path.join(work, `${file.key}.usage.json`));
    const floor = measured(['-e', FLOOR_SCRIPT, ...file.bytes], path.join(work, `${file.key}.floor.json`));
    fs.rmSync(db, { force: true });
    peak = Math.max(peak, run.peakMb);
    const sizeMb = file.bytes.reduce((sum, one) => sum + fs.statSync(one).size, 0) / MB;
    const outcome = run.code === 0 ? 'imported' : `refused (exit ${run.code}): ${run.said}`;
    process.stderr.write(
      `  ${file.what} (${round(sizeMb, 1)} MB): ${outcome} in ${round(run.wallS, 2)} s wall, ${round(run.cpuS, 2)} s CPU, peak ${Math.round(run.peakMb)} MB; floor ${round(floor.wallS, 2)} s, ${Math.round(floor.peakMb)} MB \n`,
    );
    figures[`hostile_${file.key}_peak_rss_mb`] = {
      value: Math.round(run.peakMb),
      unit: 'MB',
      target: '<= 512',
      note: `${file.what}: ${outcome}`,
    };
    figures[`hostile_${file.key}_wall_s`] = {
      value: round(run.wallS, 2),
      unit: 's',
      target: `floor ${round(floor.wallS, 2)} s`,
      note: `${file.what}: ${outcome}`,
    };
    figures[`hostile_${file.key}_cpu_s`] = { value: round(run.cpuS, 2), unit: 's', target: `floor ${round(floor.cpuS, 2)} s` };
    figures[`hostile_${file.key}_floor_wall_s`] = {
      value: round(floor.wallS, 2),
      unit: 's',
      target: `baseline: a bare process reads the same ${round(sizeMb, 1)} MB`,
    };
  }
  figures.import_peak_rss_mb_hostile = {
    value: Math.round(peak),
    unit: 'MB',
    target: '<= 512',
    note: `largest peak resident memory of \`scrollback import\` over: ${files.map((file) => file.what).join('; ')}${options.quick ? ' (quick: a quarter of the sizes)' : ''}`,
  };
  fs.rmSync(work, { recursive: true, force: true });
  return figures;
}
