import { useEffect, useRef, type RefObject } from 'react';
import { emitAppCommand } from '../../app/appCommands.ts';
import { formatDay } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';

/** How long after the last scroll the chip stays before it fades. */
const IDLE_MS = 1200;

/**
 * The floating date, as in Telegram Desktop: the day of the topmost message in view, shown while scrolling,
 * faded when idle, hidden while any of that day's own separator is on screen (it would say the same twice). It sits in
 * a strip of its own above the list, so it never covers a message. Read from the painted rows on each scroll
 * frame (what the reader sees, not the list's estimates), without re-rendering the list. Click: jump to date.
 */
export function DateChip({ scrollRef }: { scrollRef: RefObject<HTMLDivElement | null> }) {
  const chipRef = useRef<HTMLButtonElement>(null);
  const t = useT();
  useEffect(() => {
    const scroller = scrollRef.current;
    const chip = chipRef.current;
    if (!scroller || !chip) return;
    let frame = 0;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      frame = 0;
      const top = scroller.getBoundingClientRect().top;
      let topRow: HTMLElement | null = null;
      let topRowTop = Infinity;
      for (const row of scroller.querySelectorAll<HTMLElement>('[data-index]')) {
        const rect = row.getBoundingClientRect();
        if (rect.bottom > top + 1 && rect.top < topRowTop) {
          topRow = row;
          topRowTop = rect.top;
        }
      }
      const dated = topRow?.querySelector<HTMLElement>('[data-date]');
      if (!dated) return;
      // Written only when the day changes: a write would lay the strip out again in every scroll frame.
      const day = formatDay(Date.parse(dated.dataset.date!));
      if (chip.textContent !== day) chip.textContent = day;
      if (chip.dataset.date !== dated.dataset.date) chip.dataset.date = dated.dataset.date;
      // Hidden while any of the day's separator shows, even a sliver under the strip: never the same date twice.
      const separator = topRow!.querySelector('.day-separator');
      chip.classList.toggle('at-separator', separator !== null && separator.getBoundingClientRect().bottom > top + 1);
    };
    const onScroll = () => {
      chip.classList.add('scrolling');
      clearTimeout(idle);
      idle = setTimeout(() => chip.classList.remove('scrolling'), IDLE_MS);
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      clearTimeout(idle);
    };
  }, [scrollRef]);
  return (
    <div className="date-strip">
      <button
        ref={chipRef}
        type="button"
        className="date-chip"
        title={t('history.dateChip.title')}
        onClick={() => emitAppCommand('jumpToDate')}
        // Not a Tab stop: it is invisible until the list scrolls, and Ctrl+G does the same.
        tabIndex={-1}
        data-testid="date-chip"
      />
    </div>
  );
}
