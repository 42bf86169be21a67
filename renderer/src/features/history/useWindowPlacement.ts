import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { HistoryPage } from '../../../../shared/history.ts';
import { messageElementAt } from './useHistoryKeyDown.ts';

/**
 * Places a window once its first page is in: at the end for the newest messages, else centred on the
 * target. Answers whether placement has settled: paging starts only then, so a prepend never races it.
 */
export function useWindowPlacement(options: {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  firstPage: HistoryPage | undefined;
  count: number;
  placeAtEnd: boolean;
  focusOnPlace: boolean;
}): boolean {
  const { virtualizer, scrollRef, firstPage, count, placeAtEnd, focusOnPlace } = options;
  const [ready, setReady] = useState(false);
  const positioned = useRef(false);
  useLayoutEffect(() => {
    if (positioned.current || !firstPage || count === 0) return;
    positioned.current = true;
    const place = () => {
      if (placeAtEnd) virtualizer.scrollToEnd();
      else virtualizer.scrollToIndex(Math.min(firstPage.anchorIndex ?? 0, count - 1), { align: 'center' });
    };
    place();
    if (focusOnPlace) scrollRef.current?.focus({ preventScroll: true });
    // Rows near the target are measured in the next frames; placing again once they are keeps the target
    // exactly centred, unless the reader has moved meanwhile (a wheel, a key, a click on a busy machine):
    // then the list stays where they took it.
    const scroller = scrollRef.current;
    let moved = false;
    const onInput = () => (moved = true);
    const inputs = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
    for (const type of inputs) scroller?.addEventListener(type, onInput, { capture: true, passive: true });
    let frames = 0;
    const settle = () => {
      frames++;
      if (!moved && (frames === 2 || frames === 4)) place();
      if (frames < 6) return requestAnimationFrame(settle);
      for (const type of inputs) scroller?.removeEventListener(type, onInput, { capture: true });
      setReady(true);
      // After a jump the keys go on from the message landed on (the newest one for the latest).
      const index = placeAtEnd ? count - 1 : Math.min(firstPage.anchorIndex ?? 0, count - 1);
      if (focusOnPlace && document.activeElement === scrollRef.current)
        messageElementAt(scrollRef.current, index)?.focus({ preventScroll: true });
    };
    requestAnimationFrame(settle);
  }, [firstPage, count, placeAtEnd, virtualizer, focusOnPlace, scrollRef]);
  return ready;
}
