import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Scrollback';
export const DATABASE_FILE_NAME = 'scrollback.db';

/** The OS user-data folder, matching what Electron's app.getPath('userData') gives for "Scrollback". */
export function defaultDataFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

/** `--db PATH` wins, then SCROLLBACK_DB, then the user-data folder. */
export function resolveDatabasePath(options: { flag?: string; env?: NodeJS.ProcessEnv; dataFolder?: string } = {}): string {
  const env = options.env ?? process.env;
  if (options.flag) return path.resolve(options.flag);
  if (env.SCROLLBACK_DB) return path.resolve(env.SCROLLBACK_DB);
  return path.join(options.dataFolder ?? defaultDataFolder(process.platform, env), DATABASE_FILE_NAME);
}
