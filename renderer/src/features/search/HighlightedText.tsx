/** A message's text with the matched ranges marked, cut to a window around the first match. */
export function HighlightedText({ text, highlights, max = 220 }: { text: string; highlights: Array<[number, number]>; max?: number }) {
  const first = highlights[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - 40, text.length - max));
  const end = Math.min(text.length, start + max);
  const pieces: React.ReactNode[] = [];
  let at = start;
  for (const [s, e] of highlights) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) pieces.push(text.slice(at, from));
    pieces.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < end) pieces.push(text.slice(at, end));
  return (
    <span dir="auto">
      {start > 0 ? '…' : ''}
      {pieces}
      {end < text.length ? '…' : ''}
    </span>
  );
}
