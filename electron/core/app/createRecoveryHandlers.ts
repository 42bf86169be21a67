import { ScrollbackError } from '../../../shared/errors.ts';
import type { RecoveryProgress, RecoveryResult } from '../../../shared/archiveHealth.ts';
import type { IpcHandlers, RecoveryStatus } from '../../../shared/ipc/contract.ts';
import { archiveHealthOf } from '../cache/cacheErrors.ts';
import { replaceWithRecovered } from '../cache/recoverCacheDatabase.ts';
import { runCoreWorker } from '../workers/runCoreWorker.ts';
import type { Logger } from '../base/Logger.ts';
import { createBackgroundJob } from './createBackgroundJob.ts';
import { databaseOf } from './databaseOf.ts';
import type { ScrollbackCore } from './ScrollbackCore.ts';
import { translator } from '../i18n/createTranslator.ts';

/**
 * The window's way out of a damaged archive, as `scrollback recover` is the command line's: what reads is
 * copied into a fresh database on a worker (the window keeps showing the damaged one meanwhile), then the
 * core closes, the damaged file moves aside and the copy takes its place. The front end reopens it
 * (`reopenArchive`: the app restarts); without one, the next start uses it.
 */
export function createRecoveryHandlers(
  core: ScrollbackCore,
  platform: { logger: Logger; reopenArchive?(): void },
): Pick<IpcHandlers, 'getArchiveHealth' | 'recoverArchive' | 'getRecoveryStatus'> {
  const job = createBackgroundJob<RecoveryProgress, RecoveryResult>('A recovery', {
    onError: (error) => platform.logger.error('recovery failed', error),
    onChange: (status: RecoveryStatus) => core.events.emit({ kind: 'recoveryStatus', status }),
  });
  return {
    getArchiveHealth: () => {
      if (job.status().state === 'done')
        return { damaged: false, message: 'The archive was recovered; Scrollback opens the recovered copy when it starts again.' };
      return archiveHealthOf(databaseOf(core));
    },
    recoverArchive: () => {
      if (job.status().state === 'running' || job.status().state === 'done') return job.status();
      if (!archiveHealthOf(databaseOf(core)).damaged) throw new ScrollbackError('INVALID_INPUT', translator()('error.recovery.notDamaged'));
      return job.start(
        async (onProgress) => {
          const copied = await runCoreWorker({ kind: 'recover', databasePath: core.databasePath }, onProgress).result;
          // Nothing may hold the damaged file open while it moves aside: SQLite deletes a WAL file by its name
          // when its last connection closes, which would be the recovered copy's by then.
          await core.close();
          const { damagedCopy } = replaceWithRecovered(core.databasePath, copied.freshPath);
          platform.logger.info(`recovered ${copied.report.messages} messages of ${copied.report.chats} chats`);
          const reopens = platform.reopenArchive !== undefined;
          // After the result has reached the window.
          if (reopens) setTimeout(() => platform.reopenArchive?.(), 1500);
          return { ...copied.report, damagedCopy, reopens };
        },
        () => undefined,
      );
    },
    getRecoveryStatus: () => job.status(),
  };
}
