import type { RefreshSettings } from '../../../shared/ipc/contract.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { readAppSetting, writeAppSetting } from '../cache/mediaQueries.ts';
import type { KeepUpToDate } from '../sync/createKeepUpToDate.ts';

/** The user's choice of minutes between background refreshes, in app_settings. */
const REFRESH_EVERY_KEY = 'refreshEveryMinutes';

export interface RefreshSettingsStore {
  /** How often chats kept up to date are refreshed (the user's setting, else the default). */
  refreshSettings(): RefreshSettings;
  /** Changes it; a running schedule takes the new period at once. */
  setRefreshSettings(settings: RefreshSettings): RefreshSettings;
  /** Starts the schedule at the stored period, where the core keeps chats up to date (and the user did not turn it off). */
  startSchedule(): void;
}

/** `defaultEveryMs` null: the core refreshes only when asked (one-shot commands, tests); the setting is still kept. */
export function createRefreshSettings(deps: {
  db: WritableDB;
  keepUpToDate: Pick<KeepUpToDate, 'start' | 'stopPasses'>;
  defaultEveryMs: number | null;
}): RefreshSettingsStore {
  const store: RefreshSettingsStore = {
    refreshSettings() {
      const stored = readAppSetting(deps.db, REFRESH_EVERY_KEY);
      const fallback = Math.round((deps.defaultEveryMs ?? 15 * 60_000) / 60_000);
      return { everyMinutes: typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : fallback };
    },
    setRefreshSettings(settings) {
      writeAppSetting(deps.db, REFRESH_EVERY_KEY, settings.everyMinutes);
      if (deps.defaultEveryMs) {
        if (settings.everyMinutes > 0) deps.keepUpToDate.start(settings.everyMinutes * 60_000);
        else deps.keepUpToDate.stopPasses();
      }
      return store.refreshSettings();
    },
    startSchedule() {
      if (!deps.defaultEveryMs) return;
      const { everyMinutes } = store.refreshSettings();
      if (everyMinutes > 0) deps.keepUpToDate.start(everyMinutes * 60_000);
    },
  };
  return store;
}
