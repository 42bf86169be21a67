import type { DateSpanOfChat, SearchTotal } from './search.ts';

function yearOf(epochMs: number): number {
  return new Date(epochMs).getFullYear();
}

/** "2016–2024", "March 2021", "before 2019": a span in the words a person reads a date range in. */
export function describeChatSpan(span: DateSpanOfChat): string {
  const to = yearOf(span.to);
  if (span.from === null) return `up to ${to}`;
  const from = yearOf(span.from);
  if (from !== to) return `${from}–${to}`;
  const month = (epochMs: number) => new Date(epochMs).toLocaleString('en-GB', { month: 'long' });
  const fromMonth = month(span.from);
  const toMonth = month(span.to);
  return fromMonth === toMonth ? `${fromMonth} ${to}` : `${fromMonth}–${toMonth} ${to}`;
}

/**
 * The total in words that say what they count: "37,980 on this computer · about 41,200 in the whole chat at
 * Telegram · not yet searched: 2016–2024 (not downloaded)".
 */
export function describeSearchTotal(total: SearchTotal): string {
  const parts = [`${total.onComputer.toLocaleString('en-US')} on this computer`];
  if (total.atSource) {
    const where = total.atSource.scope === 'chat' ? 'in the whole chat' : 'in all chats';
    parts.push(`about ${total.atSource.count.toLocaleString('en-US')} ${where} at ${total.atSource.sourceName}`);
  }
  if (total.notDownloaded.length > 0)
    parts.push(`not yet searched: ${total.notDownloaded.map(describeChatSpan).join(', ')} (not downloaded)`);
  return parts.join(' · ');
}
