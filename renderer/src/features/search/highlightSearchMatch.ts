/** The CSS highlight (styled with ::highlight(search-match)) that marks a search's matches in the opened message. */
const HIGHLIGHT_NAME = 'search-match';

/**
 * Marks [start, end) UTF-16 ranges of a message's text inside its row, without re-rendering the row: the
 * CSS Custom Highlight API paints ranges over the text nodes as they are. Returns false while the row is not
 * drawn yet (the caller tries again on the next frames).
 */
function markRanges(messageId: string, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  const text = document.querySelector(`.chat-pane [data-message-id="${CSS.escape(messageId)}"] .text`);
  if (!text) return false;
  const nodes: Array<{ node: Text; start: number }> = [];
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push({ node, start: offset });
    offset += node.data.length;
  }
  const at = (position: number) => {
    const found = nodes.findLast((entry) => entry.start <= position);
    return found ? { node: found.node, offset: Math.min(position - found.start, found.node.data.length) } : null;
  };
  const marks: Range[] = [];
  for (const [start, end] of ranges) {
    if (start >= offset) continue;
    const from = at(start);
    const to = at(Math.min(end, offset));
    if (!from || !to) continue;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    marks.push(range);
  }
  CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...marks));
  return true;
}

/**
 * Highlights the matches in the opened message once its row is drawn (the list may still be scrolling
 * there), and again while the row is re-drawn, for two seconds. Returns a function that stops and clears.
 */
export function highlightSearchMatch(messageId: string, ranges: ReadonlyArray<readonly [number, number]>): () => void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return () => {};
  let frame = 0;
  let marked: Element | null = null;
  const began = performance.now();
  const tick = () => {
    const row = document.querySelector(`.chat-pane [data-message-id="${CSS.escape(messageId)}"] .text`);
    if (row && row !== marked && markRanges(messageId, ranges)) marked = row;
    if (performance.now() - began < 2000) frame = requestAnimationFrame(tick);
  };
  tick();
  return () => {
    cancelAnimationFrame(frame);
    CSS.highlights.delete(HIGHLIGHT_NAME);
  };
}
