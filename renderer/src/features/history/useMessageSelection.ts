import { useCallback, useMemo, useRef, useState } from 'react';

export interface MessageSelection {
  /** Selected ids; empty when not in selection mode. */
  ids: ReadonlySet<string>;
  active: boolean;
  /** Click: adds or removes one message (and makes it the anchor of the next range). */
  toggle(id: string): void;
  /** Shift+click: every loaded message from the anchor to this one. */
  extendTo(id: string): void;
  /** Ctrl+A: every loaded message. */
  selectAll(): void;
  clear(): void;
  /** The selected ids in the window's order, oldest first. */
  ordered(): string[];
}

/**
 * Selection mode over one history window: a Set of ids (rows re-render only when their own state flips)
 * and an anchor for Shift+click ranges, in the order of the loaded messages.
 */
export function useMessageSelection(loadedIds: readonly string[]): MessageSelection {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(null);
  const order = useRef(loadedIds);
  order.current = loadedIds;

  const toggle = useCallback((id: string) => {
    anchor.current = id;
    setIds((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const extendTo = useCallback((id: string) => {
    const from = anchor.current === null ? -1 : order.current.indexOf(anchor.current);
    const to = order.current.indexOf(id);
    if (to < 0) return;
    if (from < 0) {
      anchor.current = id;
      setIds((current) => new Set([...current, id]));
      return;
    }
    const range = order.current.slice(Math.min(from, to), Math.max(from, to) + 1);
    setIds((current) => new Set([...current, ...range]));
  }, []);
  const selectAll = useCallback(() => setIds(new Set(order.current)), []);
  const clear = useCallback(() => {
    anchor.current = null;
    setIds(new Set());
  }, []);
  const ordered = useCallback(() => order.current.filter((id) => ids.has(id)), [ids]);
  return useMemo(
    () => ({ ids, active: ids.size > 0, toggle, extendTo, selectAll, clear, ordered }),
    [ids, toggle, extendTo, selectAll, clear, ordered],
  );
}
