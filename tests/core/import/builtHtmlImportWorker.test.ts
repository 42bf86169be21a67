import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../../support/tempFolder.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const worker = path.join(root, 'out/main/coreWorker.js');
const page = path.join(root, '../shared/fixtures/telegram-html/Construction-world__All-civil-updates__messages.html');
const tempFolder = useTempFolder();

/**
 * The built app (`npm run build`): main imports the import formats too (their names for the window and the
 * dialog), so the HTML reader lands in a shared chunk under chunks/, while its page-reading thread is an
 * entry at the bundle's root. An HTML import through the built core worker finds that thread.
 */
describe('built core worker', () => {
  it.skipIf(!existsSync(worker) || !existsSync(page))(
    'imports a Telegram Desktop HTML chat (its reader thread found from a shared chunk)',
    async () => {
      const folder = tempFolder();
      mkdirSync(path.join(folder, 'chat'));
      copyFileSync(page, path.join(folder, 'chat', 'messages.html'));
      const cancel = new Int32Array(new SharedArrayBuffer(4));
      const thread = new Worker(worker, {
        workerData: { job: { kind: 'import', databasePath: path.join(folder, 'cache.db'), paths: [path.join(folder, 'chat')] }, cancel },
      });
      const answer = await new Promise<{ type: string; result?: Array<{ chats: Array<{ added: number }> }>; error?: unknown }>(
        (resolve, reject) => {
          thread.on('message', (message: { type: string }) => {
            if (message.type !== 'progress') resolve(message);
          });
          thread.on('error', reject);
        },
      );
      await thread.terminate();
      expect(answer.error).toBeUndefined();
      expect(answer.type).toBe('done');
      expect(answer.result![0]!.chats[0]!.added).toBe(1000);
    },
  );
});
