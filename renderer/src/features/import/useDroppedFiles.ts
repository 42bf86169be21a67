import { useLayoutEffect, useRef, useState } from 'react';
import { filesFromDrop, type PickedFile } from './filesFromDrop.ts';

/**
 * Files dragged over the window: whether a drag is over it now, and what a drop brings — paths (Electron
 * gives a dropped file's path) or, in the browser preview (which must upload them), the files themselves.
 */
export function useDroppedFiles(onPaths: (paths: string[]) => void, onFiles: (files: PickedFile[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const handlers = useRef({ onPaths, onFiles });
  handlers.current = { onPaths, onFiles };
  // A layout effect: the listener is in place in the same commit that shows the view, so a key pressed or a
  // file dropped the moment the window appears is not lost (a passive effect runs later, after paint).
  useLayoutEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      if (!event.dataTransfer) return;
      if (window.scrollback.uploadFiles) {
        void filesFromDrop(event.dataTransfer).then((files) => handlers.current.onFiles(files));
        return;
      }
      const paths = [...event.dataTransfer.files].map((file) => window.scrollback.pathForFile(file)).filter((path) => path !== '');
      if (paths.length > 0) handlers.current.onPaths(paths);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
