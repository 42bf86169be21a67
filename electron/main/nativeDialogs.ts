import { dialog, type BrowserWindow } from 'electron';
import { importDialogFilters } from '../../shared/importFormats.ts';
import { importFormatInfos } from '../core/import/importFormats.ts';
import type { ExportFormatInfo } from '../../shared/exporting.ts';
import { mainT } from './mainTranslator.ts';

/** File → Import…: the native open dialog, in main, so the window never chooses what main reads. */
export async function chooseFilesToImport(window: BrowserWindow | null): Promise<string[] | null> {
  const t = mainT();
  const options: Electron.OpenDialogOptions = {
    title: t('dialog.import.title'),
    buttonLabel: t('dialog.import.button'),
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
  const t = mainT();
  const options: Electron.SaveDialogOptions = {
    title: t('export.dialog.label'),
    defaultPath: suggestedName,
    buttonLabel: t('dialog.export.button'),
    filters: [{ name: format.label, extensions: [format.extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
