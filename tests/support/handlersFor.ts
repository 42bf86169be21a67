import { createCoreHandlers } from '../../electron/core/app/createCoreHandlers.ts';
import type { Logger } from '../../electron/core/base/Logger.ts';
import type { ScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { silentLogger } from './openTestCore.ts';

/** The IPC handlers of a core, with a platform whose dialogs are cancelled and whose links go nowhere. */
export function handlersFor(core: ScrollbackCore, logger: Logger = silentLogger) {
  return createCoreHandlers(core, {
    version: 't',
    logger,
    openExternalLink: () => undefined,
    chooseFilesToImport: async () => null,
    chooseExportTarget: async () => null,
    showInFolder: () => undefined,
  });
}
