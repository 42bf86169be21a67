import { useLayoutEffect } from 'react';

/** The window's regions in F6 order; a panel is whichever side panel is open (search, what changed, media). */
const REGIONS = ['[data-region="sidebar"]', '[data-region="chat"]', '.search-panel, [data-testid="what-changed"], .media-gallery'];
const TABBABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, a[href], [tabindex="0"]';

function visible(element: Element): element is HTMLElement {
  return element instanceof HTMLElement && element.getClientRects().length > 0;
}

/**
 * Where focus lands in a region: the chat list's current row, the message list's current message (its one
 * Tab stop), else the region's first control.
 */
export function focusRegion(region: HTMLElement): void {
  const entry =
    region.querySelector<HTMLElement>('[data-testid="chat-scroller"] [tabindex="0"]') ??
    region.querySelector<HTMLElement>('[data-testid="message-scroller"] [tabindex="0"]') ??
    region.querySelector<HTMLElement>('[data-testid="message-scroller"][tabindex="0"]') ??
    [...region.querySelectorAll<HTMLElement>(TABBABLE)].find(visible) ??
    null;
  if (entry) entry.focus();
  else {
    if (!region.hasAttribute('tabindex')) region.tabIndex = -1;
    region.focus();
  }
}

/** The shown regions, in order. */
function shownRegions(): HTMLElement[] {
  return REGIONS.map((selector) => [...document.querySelectorAll(selector)].find(visible) ?? null).filter(
    (region): region is HTMLElement => region !== null,
  );
}

/** F6 / Shift+F6 move focus between the chat list, the chat and an open side panel (as Slack and Outlook do). */
export function useRegionKeys(): void {
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.ctrlKey || event.metaKey || event.altKey) return;
      // A modal dialog keeps focus inside it.
      if (document.querySelector('dialog[open]:modal')) return;
      const regions = shownRegions();
      if (regions.length === 0) return;
      event.preventDefault();
      // The innermost: a panel inside the chat pane is its own region.
      const at = regions.findLastIndex((region) => region.contains(document.activeElement));
      const next =
        at === -1 ? (event.shiftKey ? regions.length - 1 : 0) : (at + (event.shiftKey ? -1 : 1) + regions.length) % regions.length;
      focusRegion(regions[next]!);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
