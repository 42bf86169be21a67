import os from 'node:os';

/** What About shows and *Copy diagnostics* copies: versions and folders, nothing personal. */
export interface Diagnostics {
  version: string;
  electron: string;
  chromium: string;
  node: string;
  os: string;
  dataFolder: string;
  logFolder: string;
}

/** The user's home folder written as `~`, so a pasted report does not carry their account name. */
export function withoutHome(folder: string, home = os.homedir()): string {
  return home && (folder === home || folder.startsWith(`${home}/`) || folder.startsWith(`${home}\\`))
    ? `~${folder.slice(home.length)}`
    : folder;
}

export function collectDiagnostics(version: string, dataFolder: string, logFolder: string): Diagnostics {
  return {
    version,
    electron: process.versions.electron ?? 'not Electron',
    chromium: process.versions.chrome ?? 'not Electron',
    node: process.versions.node,
    os: `${os.type()} ${os.release()} (${process.platform} ${process.arch})`,
    dataFolder: withoutHome(dataFolder),
    logFolder: withoutHome(logFolder),
  };
}

/** The lines of About and of a problem report, in one order. */
export function diagnosticsText(diagnostics: Diagnostics): string {
  return [
    `Scrollback ${diagnostics.version}`,
    `Electron ${diagnostics.electron}, Chromium ${diagnostics.chromium}, Node ${diagnostics.node}`,
    `System: ${diagnostics.os}`,
    `Data folder: ${diagnostics.dataFolder}`,
    `Logs: ${diagnostics.logFolder}`,
  ].join('\n');
}
