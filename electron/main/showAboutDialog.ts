import { clipboard, dialog, type BrowserWindow } from 'electron';
import { diagnosticsText, type Diagnostics } from './diagnostics.ts';
import { mainT } from './mainTranslator.ts';

/** Help → About Scrollback: the versions and folders, with *Copy diagnostics* for a report. */
export async function showAboutDialog(window: BrowserWindow | null, diagnostics: Diagnostics): Promise<void> {
  const t = mainT();
  const options = {
    type: 'info' as const,
    title: t('menu.about'),
    message: t('about.version', { version: diagnostics.version }),
    detail: `${diagnosticsText(diagnostics)}\n\n${t('about.description')}`,
    buttons: [t('about.copyDiagnostics'), t('common.ok')],
    defaultId: 1,
    cancelId: 1,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response === 0) await clipboard.writeText(diagnosticsText(diagnostics));
}
