import { resolve } from 'node:path';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { FileImportResult, ImportProgress } from '../../../shared/importing.ts';
import { importFormatLabels, type ImportFormatInfo } from '../../../shared/importFormats.ts';
import type { CliContext } from '../CliContext.ts';
import { importFormatInfos } from '../../core/import/importFormats.ts';
import { CliUsageError } from '../CliUsageError.ts';

/** Usage text's description column, and the width it is wrapped to. */
const USAGE_INDENT = ' '.repeat(32);
const USAGE_WIDTH = 104;

function wrapped(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && USAGE_INDENT.length + line.length + 1 + word.length > USAGE_WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].map((one) => `${USAGE_INDENT}${one}`).join('\n');
}

/** `scrollback import`'s lines of the usage text: the formats it reads are the registry's. */
export function importUsage(formats: readonly ImportFormatInfo[]): string {
  return `  import <file-or-folder...> [--tz ZONE] [--json]
${wrapped(
  `import ${importFormatLabels(formats)}; prints, per chat, the messages added; --tz: the zone of the phone a WhatsApp export came from (e.g. Europe/Berlin; default: this computer's)`,
)}`;
}

function describe(progress: ImportProgress): string {
  const percent = progress.totalBytes > 0 ? Math.floor((progress.bytesRead / progress.totalBytes) * 100) : 100;
  return `importing ${progress.fileIndex}/${progress.fileCount} ${progress.path}: ${percent}%`;
}

/** Imports export files; prints, per chat, the messages added. Ctrl+C cancels (the current file is rolled back). */
export async function importCommand(context: CliContext, paths: readonly string[], options: { tz?: string } = {}): Promise<void> {
  if (paths.length === 0) throw new CliUsageError('import: name at least one file or folder.');
  const core = context.core();
  let last = 0;
  // Each file's newest progress, and whether its 100 % was said: every file read ends on 100 %, even one read
  // faster than the once-a-second lines (its last bytes land between two of them).
  const files = new Map<number, { progress: ImportProgress; done: boolean }>();
  const say = (progress: ImportProgress) => {
    const line = describe(progress);
    const file = files.get(progress.fileIndex);
    if (file) file.done = line.endsWith(': 100%');
    context.err(line);
  };
  const finishFilesBefore = (fileIndex: number) => {
    for (const [index, file] of files) if (index < fileIndex && !file.done) say({ ...file.progress, bytesRead: file.progress.totalBytes });
  };
  const stop = () => core.imports.cancel();
  process.once('SIGINT', stop);
  try {
    const results = await core.imports.importFiles(
      paths.map((path) => resolve(path)),
      (progress) => {
        if (progress.waiting) return context.err(progress.waiting);
        finishFilesBefore(progress.fileIndex);
        files.set(progress.fileIndex, { progress, done: files.get(progress.fileIndex)?.done ?? false });
        if (Date.now() - last < 1000) return;
        last = Date.now();
        say(progress);
      },
      { whatsAppTimeZone: options.tz ?? null },
    );
    finishFilesBefore(Number.POSITIVE_INFINITY);
    if (context.json) context.out(JSON.stringify(results, null, 2));
    else printResults(context, results);
    // Never done in silence: a selection of which nothing at all was imported fails, with each file's reason.
    if (results.every((file) => file.nothingImported))
      throw new ScrollbackError('INVALID_INPUT', results.map((file) => `${file.path}: ${file.nothingImported}`).join('\n'));
  } catch (error) {
    throw withEveryFormat(error);
  } finally {
    process.removeListener('SIGINT', stop);
  }
}

/**
 * A file one format took for its own and then could not read ("not a Telegram Desktop export", "not the start
 * of a WhatsApp message") names that format only: the error also says every format Scrollback reads, from the
 * registry, so the person learns what would work.
 */
function withEveryFormat(error: unknown): unknown {
  if (!(error instanceof ScrollbackError) || error.code !== 'INVALID_FILE') return error;
  const formats = importFormatInfos();
  const every = `Scrollback reads ${importFormatLabels(formats)}.`;
  const apps = [...new Set(formats.map((format) => format.app))];
  // Only an error that names some of the formats (not one about a line deep inside a file it did read).
  const named = apps.filter((app) => error.message.includes(app));
  if (error.message.includes(every) || named.length === 0 || named.length === apps.length) return error;
  return new ScrollbackError('INVALID_FILE', `${error.message.trimEnd()} ${every}`, { cause: error });
}

/** Per chat, the messages added; per file, how it was read, the zone of its times, or why nothing was imported. */
function printResults(context: CliContext, results: readonly FileImportResult[]): void {
  for (const file of results) {
    for (const chat of file.chats) {
      const skipped = chat.skipped > 0 ? `, ${chat.skipped} placeholder${chat.skipped === 1 ? '' : 's'} skipped` : '';
      context.out(
        `${chat.name} (chat ${chat.chatId}): ${chat.added} added, ${chat.inFile - chat.added} already there${skipped}  ← ${file.path}`,
      );
    }
    if (file.readAs) context.err(`${file.path}: ${file.readAs}`);
    if (file.nothingImported) context.err(`${file.path}: nothing imported: ${file.nothingImported}`);
    if (file.timeZone)
      context.err(
        `${file.path}: WhatsApp times read in ${file.timeZone.zone}${file.timeZone.computers ? " (this computer's zone; another with --tz)" : ''}`,
      );
  }
}
