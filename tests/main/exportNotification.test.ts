import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../electron/core/base/Logger.ts';

/** Electron's Notification as documented: an emitter of click, action, close and failed, shown by show(). */
const electron = vi.hoisted(() => ({
  notifications: [] as Array<{ options: unknown; emit(event: string, ...args: unknown[]): void }>,
  revealed: [] as string[],
}));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class Notification extends EventEmitter {
    static isSupported = () => true;
    readonly options: unknown;
    constructor(options: unknown) {
      super();
      this.options = options;
      electron.notifications.push(this);
    }
    show() {}
  }
  return {
    Notification,
    shell: { showItemInFolder: (file: string) => void electron.revealed.push(file) },
    app: { isReady: () => true, getPreferredSystemLanguages: () => ['en-US'], getLocale: () => 'en-US' },
  };
});
const { heldExportNotifications, showExportNotification } = await import('../../electron/main/showExportNotification.ts');

describe('the export notification', () => {
  it('is held until clicked, closed or failed; a click shows the file; a failure is logged', () => {
    const warnings: string[] = [];
    const logger: Logger = { info: () => undefined, warn: (message) => void warnings.push(message), error: () => undefined };
    showExportNotification({ written: 1200, path: '/home/ana/Exports/Ana.html' }, logger);
    expect(electron.notifications[0]!.options).toMatchObject({ body: expect.stringContaining('Ana.html') });
    expect(heldExportNotifications()).toBe(1);
    electron.notifications[0]!.emit('click');
    expect(electron.revealed).toEqual(['/home/ana/Exports/Ana.html']);
    expect(heldExportNotifications()).toBe(0);

    showExportNotification({ written: 3, path: '/tmp/b.txt' }, logger);
    showExportNotification({ written: 4, path: '/tmp/c.txt' }, logger);
    expect(heldExportNotifications()).toBe(2);
    electron.notifications[1]!.emit('close');
    // An unsigned macOS build: Electron emits failed, with the reason.
    electron.notifications[2]!.emit('failed', {}, 'Notifications are not allowed for this application');
    expect(heldExportNotifications()).toBe(0);
    expect(warnings).toEqual([expect.stringContaining('Notifications are not allowed')]);
  });
});
