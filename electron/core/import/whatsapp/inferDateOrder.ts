import type { WhatsAppHeader } from './parseWhatsAppHeader.ts';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/**
 * Decides, for a whole file, which date part is the day. A part above 12 settles it; otherwise the order
 * under which the messages run forwards in time more often wins (an export is in sending order, with rare
 * exceptions), and a tie goes to day-first, the more common setting worldwide.
 */
export class DateOrderVote {
  private yearFirst = 0;
  private firstAbove12 = false;
  private secondAbove12 = false;
  private backwardsIfDayFirst = 0;
  private backwardsIfMonthFirst = 0;
  private previous: WhatsAppHeader | null = null;

  add(header: WhatsAppHeader): void {
    if (header.yearFirst) {
      this.yearFirst++;
      return;
    }
    const [a, b] = header.parts;
    if (a > 12) this.firstAbove12 = true;
    if (b > 12) this.secondAbove12 = true;
    const previous = this.previous;
    if (previous && !previous.yearFirst) {
      if (sortable(header, 'dmy') < sortable(previous, 'dmy')) this.backwardsIfDayFirst++;
      if (sortable(header, 'mdy') < sortable(previous, 'mdy')) this.backwardsIfMonthFirst++;
    }
    this.previous = header;
  }

  /** The order once a part above 12 has settled it (and nothing contradicts it yet), else null. */
  settled(): DateOrder | null {
    if (this.firstAbove12 && !this.secondAbove12) return 'dmy';
    if (this.secondAbove12 && !this.firstAbove12) return 'mdy';
    return null;
  }

  /** The order for the file's headers without a four-digit first part, with everything seen. */
  decide(): DateOrder {
    if (this.firstAbove12 && !this.secondAbove12) return 'dmy';
    if (this.secondAbove12 && !this.firstAbove12) return 'mdy';
    if (this.backwardsIfMonthFirst < this.backwardsIfDayFirst) return 'mdy';
    return 'dmy';
  }
}

/** Year, month, day of a header under an order. Two-digit years are this century's. */
export function dateParts(header: WhatsAppHeader, order: DateOrder): { year: number; month: number; day: number } {
  const [a, b, c] = header.parts;
  if (header.yearFirst) return { year: a, month: b, day: c };
  const year = c < 100 ? 2000 + c : c;
  return order === 'mdy' ? { year, month: a, day: b } : { year, month: b, day: a };
}

function sortable(header: WhatsAppHeader, order: DateOrder): number {
  const { year, month, day } = dateParts(header, order);
  return ((year * 13 + month) * 32 + day) * 1440 + header.hour * 60 + header.minute;
}
