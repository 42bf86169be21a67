import { useState } from 'react';
import type { PickedFile } from './filesFromDrop.ts';

/**
 * The browser preview has no native open dialog and no paths for dropped files: it uploads them first,
 * then imports the paths the upload answers with. Null where files have paths (Electron).
 */
export function useUploadAndImport(start: (paths: string[]) => void) {
  const upload = window.scrollback.uploadFiles;
  const [uploading, setUploading] = useState<{ count: number; error: string | null } | null>(null);
  const uploadAndImport = async (files: PickedFile[]) => {
    if (!upload || files.length === 0) return;
    setUploading({ count: files.length, error: null });
    try {
      const paths = await upload(files);
      setUploading(null);
      start(paths);
    } catch (error) {
      setUploading({ count: files.length, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return { canUpload: upload !== undefined, uploading, uploadAndImport, dismiss: () => setUploading(null) };
}
