import { createContext, useContext } from 'react';

/** Opens the media viewer on a message of the chat shown (provided by the history view). */
export const MediaViewerContext = createContext<(messageId: string) => void>(() => undefined);

export function useOpenMediaViewer(): (messageId: string) => void {
  return useContext(MediaViewerContext);
}
