import type { ScrollbackBridge } from '../../../shared/ipc/contract.ts';
import type { ScrollbackEventBridge } from '../../../shared/ipc/events.ts';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the loopback harness (browser tests). */
    scrollback: ScrollbackBridge &
      ScrollbackEventBridge & {
        /** The path of a file dropped on the window (Electron); '' where the page cannot know it. */
        pathForFile(file: File): string;
        /**
         * The browser preview only (no native dialogs): uploads files (a folder's with their paths inside it)
         * and answers where they landed, one path per top-level file or folder, for importFiles.
         */
        uploadFiles?(files: { file: File; relativePath: string }[]): Promise<string[]>;
        /** The browser preview only: downloads a file an export wrote. */
        offerDownload?(path: string): Promise<void>;
      };
  }
}
