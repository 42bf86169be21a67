import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../../electron/core/app/createCoreHandlers.ts';
import { openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { dispatchIpcCall } from '../../../shared/ipc/dispatchIpcCall.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

describe('Restart to update', () => {
  it('says which version waits, refuses while an import runs (saying why), and restarts once nothing runs', async () => {
    const folder = tempFolder();
    const chat = path.join(folder, 'WhatsApp Chat with Ana.txt');
    fs.writeFileSync(
      chat,
      Array.from({ length: 2000 }, (_, i) => `12/03/2021, 14:${String(i % 60).padStart(2, '0')} - Ana: message ${i}`).join('\n'),
    );
    const core = openScrollbackCore({ databasePath: path.join(folder, 'archive.db'), logger: silentLogger });
    let ready: string | null = null;
    let restarts = 0;
    const handlers = createCoreHandlers(core, {
      version: '1.0.0',
      logger: silentLogger,
      openExternalLink: () => undefined,
      chooseFilesToImport: async () => [chat],
      chooseExportTarget: async () => null,
      showInFolder: () => undefined,
      updates: { readyVersion: () => ready, restart: () => void restarts++ },
    });
    const call = (method: 'getUpdateState' | 'restartToUpdate') =>
      dispatchIpcCall(handlers, method, undefined, () => {}, new AbortController().signal);

    expect(await call('getUpdateState')).toEqual({ ok: true, value: { readyVersion: null } });
    expect(await call('restartToUpdate')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    ready = '1.1.0';
    expect(await call('getUpdateState')).toEqual({ ok: true, value: { readyVersion: '1.1.0' } });

    // The import is running from the moment importFiles answers until its worker reports back, which
    // cannot happen before this turn of the event loop yields.
    expect((await handlers.importFiles({ paths: [chat] }, new AbortController().signal)).state).toBe('running');
    const refused = handlers.restartToUpdate(undefined, new AbortController().signal);
    await expect(refused).rejects.toMatchObject({ code: 'BUSY', message: expect.stringContaining('An import is running') });
    expect(restarts).toBe(0);

    await expect
      .poll(
        async () => {
          const status = await handlers.getImportStatus(undefined, new AbortController().signal);
          return status.state === 'running' ? 'running' : { state: status.state, error: status.error };
        },
        { timeout: 120_000 },
      )
      .toEqual({ state: 'done', error: null }); // (the bound is a deadlock guard, not a speed test)
    expect(await call('restartToUpdate')).toEqual({ ok: true, value: undefined });
    expect(restarts).toBe(1);
    await core.close();
  });
});
