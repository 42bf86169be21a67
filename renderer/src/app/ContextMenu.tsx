import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface ContextMenuItem {
  label: string;
  onSelect(): void;
  /** A check mark before the label (a setting the item toggles). */
  checked?: boolean;
  testId?: string;
}

/**
 * An in-page context menu at the pointer, kept inside the window: arrows move, Enter chooses, Esc, a click
 * elsewhere, scrolling or resizing close it. Focus returns to where it was.
 */
export function ContextMenu({ x, y, items, onClose }: { x: number; y: number; items: ContextMenuItem[]; onClose(): void }) {
  const menuRef = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: x, top: y });
  // Where focus was before the menu took it (captured before the first item is focused), to return it there.
  useLayoutEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, []);
  useLayoutEffect(() => {
    const box = menuRef.current!.getBoundingClientRect();
    setPlace({
      left: Math.max(0, Math.min(x, window.innerWidth - box.width - 4)),
      top: Math.max(0, Math.min(y, window.innerHeight - box.height - 4)),
    });
    menuRef.current!.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [x, y]);
  useEffect(() => {
    const closeOutside = (event: Event) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', closeOutside, true);
    window.addEventListener('wheel', onClose, { passive: true });
    window.addEventListener('resize', onClose);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', closeOutside, true);
      window.removeEventListener('wheel', onClose);
      window.removeEventListener('resize', onClose);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const buttons = [...menuRef.current!.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => buttons[(index + buttons.length) % buttons.length]?.focus();
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focus(at + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focus(at - 1);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focus(event.key === 'Home' ? 0 : -1);
    }
  };

  return (
    <div
      ref={menuRef}
      className="context-menu"
      role="menu"
      style={place}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={item.checked}
          tabIndex={-1}
          data-testid={item.testId}
          onClick={() => {
            onClose();
            item.onSelect();
          }}
        >
          {item.checked ? '✓ ' : ''}
          {item.label}
        </button>
      ))}
    </div>
  );
}
