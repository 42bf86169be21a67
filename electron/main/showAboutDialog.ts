import { clipboard, dialog, type BrowserWindow } from 'electron';
import { diagnosticsText, type Diagnostics } from './diagnostics.ts';

/** Help → About Scrollback: the versions and folders, with *Copy diagnostics* for a report. */
export async function showAboutDialog(window: BrowserWindow | null, diagnostics: Diagnostics): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'About Scrollback',
    message: `Scrollback ${diagnostics.version}`,
    detail: `${diagnosticsText(diagnostics)}\n\nBrowse, search, back up and export chat history. MIT licence; third-party notices in THIRD_PARTY_NOTICES.md.`,
    buttons: ['Copy diagnostics', 'OK'],
    defaultId: 1,
    cancelId: 1,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response === 0) await clipboard.writeText(diagnosticsText(diagnostics));
}
