import type { ScrollbackBridge } from '../../../shared/ipc/contract.ts';
import type { ScrollbackEventBridge } from '../../../shared/ipc/events.ts';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the loopback harness (browser tests). */
    scrollback: ScrollbackBridge &
      ScrollbackEventBridge & {
        /** The path of a file dropped on the window (Electron); '' where the page cannot know it. */
        pathForFile(file: File): string;
      };
  }
}
