/** Commands the application menu sends to the window (the menu lives in main; the action in the renderer). */
export type MenuCommand = 'jumpToDate' | 'jumpToLatest' | 'focusChatFilter' | 'find' | 'findAll' | 'exportChat' | 'importFiles';

/** Everything main pushes to the renderer without being asked. */
export type AppEvent = { kind: 'menuCommand'; command: MenuCommand };

export interface ScrollbackEventBridge {
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onAppEvent(listener: (event: AppEvent) => void): () => void;
}
