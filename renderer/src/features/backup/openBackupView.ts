import { useEffect, useState } from 'react';

type Listener = (sourceId: string) => void;
const listeners = new Set<Listener>();

/** Opens the Backup view of an account (from a chat's menu, or anywhere else that names the account). */
export function openBackupView(sourceId: string): void {
  for (const listener of listeners) listener(sourceId);
}

/** The account whose Backup view is open (null: closed), and how to close it; the window mounts the view once. */
export function useBackupViewRequest(): { sourceId: string | null; close(): void } {
  const [sourceId, setSourceId] = useState<string | null>(null);
  useEffect(() => {
    listeners.add(setSourceId);
    return () => void listeners.delete(setSourceId);
  }, []);
  return { sourceId, close: () => setSourceId(null) };
}
