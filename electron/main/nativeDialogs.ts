import { dialog, type BrowserWindow } from 'electron';

/** File → Import…: the native open dialog, in main, so the window never chooses what main reads. */
export async function chooseFilesToImport(window: BrowserWindow | null): Promise<string[] | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import chat exports',
    buttonLabel: 'Import',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: [
      { name: 'Chat exports', extensions: ['json', 'txt', 'zip'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : result.filePaths;
}
