import { dialog, type BrowserWindow } from 'electron';
import { importDialogFilters } from '../../shared/importFormats.ts';
import { importFormatInfos } from '../core/import/importFormats.ts';
import type { ExportFormatInfo } from '../../shared/exporting.ts';

/** File → Import…: the native open dialog, in main, so the window never chooses what main reads. */
export async function chooseFilesToImport(window: BrowserWindow | null): Promise<string[] | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import chat exports',
    buttonLabel: 'Import',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    // Each registered import format's extensions (core's registry: main runs core, so it reads the list itself).
    filters: importDialogFilters(importFormatInfos()),
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : result.filePaths;
}

/** File → Export Chat…: the native save dialog, in main; the window never names the file to write. */
export async function chooseExportTarget(
  window: BrowserWindow | null,
  suggestedName: string,
  format: Pick<ExportFormatInfo, 'label' | 'extension'>,
): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Export chat',
    defaultPath: suggestedName,
    buttonLabel: 'Export',
    filters: [{ name: format.label, extensions: [format.extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
