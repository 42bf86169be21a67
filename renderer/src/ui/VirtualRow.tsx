import type { CSSProperties, ReactNode } from 'react';
import type { VirtualItem } from '@tanstack/react-virtual';

/**
 * One row of a virtualized list: measured by the virtualizer (its `data-index` tells the virtualizer which
 * row the element is) and placed at the row's start with translateY. The row's class positions it
 * absolutely in app.css; `style` adds to the placement (for rows without such a class).
 */
export function VirtualRow({
  item,
  measureElement,
  className,
  role,
  style,
  children,
}: {
  item: VirtualItem;
  measureElement: (element: Element | null) => void;
  className?: string;
  role?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <div
      ref={measureElement}
      data-index={item.index}
      className={className}
      style={{ ...style, transform: `translateY(${item.start}px)` }}
      role={role}
    >
      {children}
    </div>
  );
}
