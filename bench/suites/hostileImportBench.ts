import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { countFigure, finish, round, type Figures } from '../benchResults.ts';
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
 * Preloaded into each measured process: at exit it writes its peak resident memory (VmHWM, every thread) and
 * CPU time to the file named in SCROLLBACK_BENCH_USAGE. Not resourceUsage().maxRSS: Linux carries a parent's
 * peak over to a child it spawns, so every import read as at least the bench process's own size (345 MB for
 * every shape and its floor alike in a quick run).
 */
const USAGE_HOOK = `data:text/javascript,${encodeURIComponent(
  "import fs from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); const hwm = /VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8')); fs.writeFileSync(process.env.SCROLLBACK_BENCH_USAGE, JSON.stringify({ maxRssKb: Number(hwm?.[1] ?? Number.NaN), cpuUs: u.userCPUTime + u.systemCPUTime })); });",
)}`;

/** A normal WhatsApp export of about `bytes` bytes: short messages from three people, one a line. */
function writeNormalWhatsApp(file: string, bytes: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    let written = 0;
    for (let i = 0; written < bytes;) {
      const lines: string[] = [];
      for (const end = i + 10_000; i < end; i++) {
        const day = String((Math.floor(i / 500) % 28) + 1).padStart(2, '0');
        const month = String((Math.floor(i / 14_000) % 12) + 1).padStart(2, '0');
        lines.push(
          `${day}/${month}/20${10 + (Math.floor(i / 168_000) % 15)}, ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} - ${['Ana', 'Bo', 'Chen'][i % 3]}: message ${i} of an ordinary chat, a line or so of words`,
        );
      }
      const chunk = `${lines.join('\n')}\n`;
      fs.writeSync(fd, chunk);
      written += Buffer.byteLength(chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
}

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

interface HostileFile {
  key: string;
  what: string;
  path: string;
  /** The files a floor reads (their sizes summed). */
  bytes: string[];
}

/**
 * Each hostile shape at the size it was reported at (quick: the large ones at a twentieth), written to
 * `folder` only if `wanted` names it: what to import, and the bytes a floor reads.
 */
function hostileFiles(folder: string, quick: boolean, wanted: (key: string) => boolean): HostileFile[] {
  const scale = quick ? 0.05 : 1;
  const inFolder = (name: string) => {
    const file = path.join(folder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return file;
  };
  const zipLines = quick ? 50_000 : 200_000;
  const shapes: Array<{ key: string; what: string; write: () => { path: string; bytes: string[] } }> = [
    {
      key: 'json_200mb_message',
      what: 'Telegram JSON, one 200 MB message',
      write: () => {
        const json = inFolder('huge-message/result.json');
        writeHugeTelegramMessage(json, Math.round(200 * MB * scale));
        return { path: json, bytes: [json] };
      },
    },
    {
      key: 'whatsapp_200mb_line',
      what: 'WhatsApp .txt, one 200 MB line',
      write: () => {
        const line = inFolder('WhatsApp Chat with Huge.txt');
        writeHugeWhatsAppLine(line, Math.round(200 * MB * scale));
        return { path: line, bytes: [line] };
      },
    },
    {
      key: 'html_200mb_message',
      what: 'Telegram HTML, one 200 MB message',
      write: () => {
        const html = writeHugeHtmlMessage(path.join(folder, 'huge-html'), Math.round(200 * MB * scale));
        return { path: html, bytes: [path.join(html, 'messages.html')] };
      },
    },
    {
      key: 'discord_200mb_message',
      what: 'DiscordChatExporter JSON, one 200 MB message',
      write: () => {
        const discord = inFolder('discord.json');
        writeHugeDiscordMessage(discord, Math.round(200 * MB * scale));
        return { path: discord, bytes: [discord] };
      },
    },
    {
      key: 'json_150_long_messages',
      what: 'Telegram JSON, 150 messages of 999,000 Cyrillic characters',
      write: () => {
        const long = inFolder('long/result.json');
        writeManyLongTelegramMessages(long, Math.round(150 * scale), 999_000);
        return { path: long, bytes: [long] };
      },
    },
    {
      key: 'json_51mb_nested_10',
      what: 'Telegram JSON, 51 MB nested 10 deep',
      write: () => {
        const deep = inFolder('deep/result.json');
        writeDeepTelegramJson(deep, Math.round(51 * MB * scale), 10);
        return { path: deep, bytes: [deep] };
      },
    },
    {
      key: 'html_1m_nested_divs',
      what: 'Telegram HTML, 1,000,000 nested divs',
      write: () => {
        const divs = writeNestedDivPage(path.join(folder, 'divs'), 1_000_000);
        return { path: divs, bytes: [path.join(divs, 'messages.html')] };
      },
    },
    {
      key: 'zip64',
      what: `WhatsApp zip64 archive (${zipLines.toLocaleString('en-US')} messages)`,
      write: () => {
        const zip = inFolder('WhatsApp Chat - Zip64.zip');
        const lines: string[] = [];
        for (let i = 0; lines.length < zipLines; i++)
          lines.push(
            `${String((i % 28) + 1).padStart(2, '0')}/02/2024, 10:${String(i % 60).padStart(2, '0')} - ${i % 3 ? 'Ana' : 'Bo'}: message ${i} of a chat in a zip64 archive`,
          );
        writeZip64(zip, [
          { name: 'video.mp4', data: Buffer.alloc(quick ? 8 * MB : 64 * MB, 1) },
          { name: '_chat.txt', data: Buffer.from(`${lines.join('\n')}\n`), deflate: true },
        ]);
        return { path: zip, bytes: [zip] };
      },
    },
  ];
  return shapes.filter((shape) => wanted(shape.key)).map(({ key, what, write }) => ({ key, what, ...write() }));
}

/**
 * Each hostile file imported by `scrollback import` in a process of its own (from source, so the code
 * measured is the checkout's), its peak resident memory beside the floor: the peak of importing a normal
 * WhatsApp export of the same size (same run), what an import of that many bytes takes when nothing in it is
 * hostile. Files within a tenth of each other's size share one normal import.
 */
export function runHostileImportBench(folder: string, options: { quick: boolean }): Figures {
  const work = path.join(folder, 'hostile');
  fs.mkdirSync(work, { recursive: true });
  // Quick: three shapes (a giant message, a giant line, a page nested a million deep) as a smoke run.
  const quickShapes = new Set(['json_200mb_message', 'whatsapp_200mb_line', 'html_1m_nested_divs']);
  const files = hostileFiles(work, options.quick, (key) => !options.quick || quickShapes.has(key));
  const figures: Figures = {};
  const normals: Array<{ bytes: number; run: Run }> = [];
  const normalOfSize = (bytes: number): Run => {
    const near = normals.find((normal) => Math.abs(normal.bytes - bytes) <= bytes / 10);
    if (near) return near.run;
    const file = path.join(work, `WhatsApp Chat with Normal ${normals.length}.txt`);
    writeNormalWhatsApp(file, bytes);
    const db = path.join(work, `normal-${normals.length}.db`);
    const run = measured([bin, '--db', db, 'import', file, '--tz', 'UTC'], path.join(work, `normal-${normals.length}.usage.json`));
    if (run.code !== 0) throw new Error(`the normal ${Math.round(bytes / MB)} MB WhatsApp export was not imported: ${run.said}`);
    fs.rmSync(db, { force: true });
    fs.rmSync(file, { force: true });
    normals.push({ bytes, run });
    return run;
  };
  for (const file of files) {
    const db = path.join(work, `${file.key}.db`);
    const run = measured([bin, '--db', db, 'import', file.path], path.join(work, `${file.key}.usage.json`));
    fs.rmSync(db, { force: true });
    const bytes = file.bytes.reduce((sum, one) => sum + fs.statSync(one).size, 0);
    const normal = normalOfSize(bytes);
    const outcome = run.code === 0 ? 'imported' : `refused (exit ${run.code}): ${run.said}`;
    process.stderr.write(
      `  ${file.what} (${round(bytes / MB, 1)} MB): ${outcome}, peak ${Math.round(run.peakMb)} MB, ${round(run.cpuS, 2)} s CPU; a normal export of that size: peak ${Math.round(normal.peakMb)} MB\n`,
    );
    figures[`hostile_${file.key}_peak_rss`] = finish(
      countFigure({
        what: `peak resident memory of \`scrollback import\` of ${file.what} (${round(bytes / MB, 1)} MB)${options.quick ? ' (quick: the large shapes at a twentieth of their size)' : ''}`,
        unit: 'MB',
        value: Math.round(run.peakMb),
        floor: { what: `importing a normal WhatsApp export of the same size, same run`, value: Math.round(normal.peakMb) },
        target: { max: 512, on: 'value', text: 'at most 512 MB whatever the file' },
        note: `${outcome}; ${round(run.cpuS, 2)} s CPU, ${round(run.wallS, 2)} s wall`,
      }),
    );
  }
  fs.rmSync(work, { recursive: true, force: true });
  return figures;
}
