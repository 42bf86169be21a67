import type { IpcHandlers } from '../../../shared/ipc/contract.ts';
import type { ScrollbackCore } from './openScrollbackCore.ts';

/**
 * The IPC handlers the core can answer by itself. The front end supplies what needs its platform
 * (opening a link in the system browser).
 */
export function createCoreHandlers(
  core: ScrollbackCore,
  platform: { version: string; openExternalLink(url: string): Promise<void> | void },
): IpcHandlers {
  return {
    getAppInfo: () => ({ version: platform.version, databasePath: core.databasePath, platform: process.platform }),
    listSources: () => core.listSources(),
    listChats: () => core.listChats(),
    getHistoryPage: (request) => core.history.getHistoryPage(request),
    openExternalLink: async ({ url }) => {
      await platform.openExternalLink(url);
    },
  };
}
