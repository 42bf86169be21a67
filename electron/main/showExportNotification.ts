import path from 'node:path';
import { Notification, shell } from 'electron';
import type { Logger } from '../core/base/Logger.ts';
import { mainT } from './mainTranslator.ts';

/** Shown notifications, held until clicked, closed or failed: one only held by a local is garbage-collected,
 * and its click is lost. */
const shown = new Set<Notification>();

/** How many export notifications are held now (shown, not yet clicked, closed or failed). */
export function heldExportNotifications(): number {
  return shown.size;
}

/** The system notification of a finished export, with *Show in folder*. */
export function showExportNotification(result: { written: number; path: string }, logger: Logger): void {
  if (!Notification.isSupported()) return;
  const t = mainT();
  const notification = new Notification({
    title: t('notification.export.title'),
    body: t('notification.export.body', { count: result.written, file: path.basename(result.path) }),
    actions: [{ type: 'button', text: t('common.showInFolder') }],
  });
  const release = () => shown.delete(notification);
  const reveal = () => {
    shell.showItemInFolder(result.path);
    release();
  };
  notification.on('click', reveal);
  notification.on('action', reveal);
  notification.on('close', release);
  // An unsigned macOS build, or notifications turned off: the export itself succeeded and the window says so.
  notification.on('failed', (_event, error) => {
    logger.warn(`the export notification could not be shown: ${error}`);
    release();
  });
  shown.add(notification);
  notification.show();
}
