import { resolve } from 'node:path';
import type { ImportProgress } from '../../../shared/importing.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';

function describe(progress: ImportProgress): string {
  const percent = progress.totalBytes > 0 ? Math.floor((progress.bytesRead / progress.totalBytes) * 100) : 100;
  return `importing ${progress.fileIndex}/${progress.fileCount} ${progress.path}: ${percent}%`;
}

/** Imports export files; prints, per chat, the messages added. Ctrl+C cancels (the current file is rolled back). */
export async function importCommand(context: CliContext, paths: readonly string[], options: { tz?: string } = {}): Promise<void> {
  if (paths.length === 0) throw new CliUsageError('import: name at least one file or folder.');
  const core = context.core();
  let last = 0;
  const stop = () => core.imports.cancel();
  process.once('SIGINT', stop);
  try {
    const results = await core.imports.importFiles(
      paths.map((path) => resolve(path)),
      (progress) => {
        if (progress.waiting) return context.err(progress.waiting);
        if (Date.now() - last < 1000) return;
        last = Date.now();
        context.err(describe(progress));
      },
      { whatsAppTimeZone: options.tz ?? null },
    );
    if (context.json) {
      context.out(JSON.stringify(results, null, 2));
      return;
    }
    for (const file of results) {
      for (const chat of file.chats) {
        const skipped = chat.skipped > 0 ? `, ${chat.skipped} placeholder${chat.skipped === 1 ? '' : 's'} skipped` : '';
        context.out(
          `${chat.name} (chat ${chat.chatId}): ${chat.added} added, ${chat.inFile - chat.added} already there${skipped}  ← ${file.path}`,
        );
      }
      if (file.timeZone)
        context.err(
          `${file.path}: WhatsApp times read in ${file.timeZone.zone}${file.timeZone.computers ? " (this computer's zone; another with --tz)" : ''}`,
        );
    }
  } finally {
    process.removeListener('SIGINT', stop);
  }
}
