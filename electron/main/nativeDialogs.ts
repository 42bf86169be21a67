import { dialog, type BrowserWindow } from 'electron';

/** File → Import…: the native open dialog, in main, so the window never chooses what main reads. */
export async function chooseFilesToImport(window: BrowserWindow | null): Promise<string[] | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import chat exports',
    buttonLabel: 'Import',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: [
      { name: 'Chat exports', extensions: ['json', 'html', 'txt', 'zip'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : result.filePaths;
}

const FORMAT_NAMES = {
  json: 'JSON (Telegram Desktop format)',
  html: 'HTML page',
  csv: 'CSV spreadsheet',
  txt: 'Plain text',
  md: 'Markdown',
} as const;

/** File → Export Chat…: the native save dialog, in main; the window never names the file to write. */
export async function chooseExportTarget(
  window: BrowserWindow | null,
  suggestedName: string,
  format: keyof typeof FORMAT_NAMES,
): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Export chat',
    defaultPath: suggestedName,
    buttonLabel: 'Export',
    filters: [{ name: FORMAT_NAMES[format], extensions: [format] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
