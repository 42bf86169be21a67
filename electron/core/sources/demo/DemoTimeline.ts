import { ScrollbackError } from '../../../../shared/errors.ts';
import { createRandom } from './seededRandom.ts';
import { translator } from '../../i18n/createTranslator.ts';

const DAY_MS = 86_400_000;

/** One day's entry of a per-day array; every day asked is one of the timeline's (0 to days − 1). */
function dayValue(perDay: Float64Array | Int32Array, day: number): number {
  const value = perDay[day];
  if (value === undefined) throw new ScrollbackError('INTERNAL', translator()('error.demo.dayOutside', { day: String(day) }));
  return value;
}

export interface DemoTimelineSpec {
  seed: number;
  count: number;
  /** Epoch ms of the first day (UTC midnight). */
  start: number;
  /** Epoch ms after the last day. */
  end: number;
  /** Silent stretches (holidays, a lost phone): how many, each 5 to 60 days. */
  gaps: number;
}

/**
 * When each of `count` messages was sent, computable for any index without generating the others:
 * messages are spread over days by a seeded activity curve (weekly rhythm, slow seasons, silent gaps,
 * burst days where a day's messages fall within an hour), and evenly within a day's active window.
 */
export class DemoTimeline {
  readonly count: number;
  private readonly start: number;
  /** endIndex[d]: messages sent before the end of day d (a prefix sum). */
  private readonly endIndex: Float64Array;
  private readonly windowStartMs: Int32Array;
  private readonly windowLengthMs: Int32Array;

  constructor(spec: DemoTimelineSpec) {
    this.count = spec.count;
    this.start = spec.start;
    const days = Math.max(1, Math.ceil((spec.end - spec.start) / DAY_MS));
    const random = createRandom(spec.seed * 7919 + 13);
    const weights = new Float64Array(days);
    for (let d = 0; d < days; d++) {
      const season = 0.55 + 0.45 * Math.sin((d / 365) * 2 * Math.PI + spec.seed) ** 2;
      const weekday = new Date(spec.start + d * DAY_MS).getUTCDay();
      const weekly = weekday === 0 || weekday === 6 ? 0.6 : 1;
      const burst = random() < 0.015 ? 8 + random() * 10 : 1;
      const quiet = random() < 0.08 ? 0 : 1;
      weights[d] = season * weekly * burst * quiet * (0.4 + random());
    }
    for (let g = 0; g < spec.gaps; g++) {
      const length = 5 + Math.floor(random() * 56);
      const first = Math.floor(random() * Math.max(1, days - length - 2)) + 1;
      for (let d = first; d < Math.min(days - 1, first + length); d++) weights[d] = 0;
    }
    // The first and last days always have messages, so the archive spans the whole period.
    weights[0] = Math.max(dayValue(weights, 0), 0.5);
    weights[days - 1] = Math.max(dayValue(weights, days - 1), 0.5);

    let total = 0;
    for (let d = 0; d < days; d++) total += dayValue(weights, d);
    this.endIndex = new Float64Array(days);
    this.windowStartMs = new Int32Array(days);
    this.windowLengthMs = new Int32Array(days);
    let cumulative = 0;
    for (let d = 0; d < days; d++) {
      cumulative += dayValue(weights, d);
      this.endIndex[d] = d === days - 1 ? spec.count : Math.round((spec.count * cumulative) / total);
      const isBurst = dayValue(weights, d) > 6;
      if (isBurst) {
        this.windowStartMs[d] = Math.floor((9 + random() * 12) * 3_600_000);
        this.windowLengthMs[d] = Math.floor((20 + random() * 60) * 60_000);
      } else {
        this.windowStartMs[d] = Math.floor((6 + random() * 3) * 3_600_000);
        this.windowLengthMs[d] = Math.floor((12 + random() * 5) * 3_600_000);
      }
    }
  }

  /** Send time of message `index` (0-based, oldest first). Non-decreasing in `index`. */
  dateOf(index: number): number {
    const day = this.dayOf(index);
    const first = day === 0 ? 0 : dayValue(this.endIndex, day - 1);
    const inDay = dayValue(this.endIndex, day) - first;
    const offset = Math.floor(((index - first + 0.5) * dayValue(this.windowLengthMs, day)) / inDay);
    return this.start + day * DAY_MS + dayValue(this.windowStartMs, day) + offset;
  }

  /** Index of the first message sent at or after `date`; `count` when every message is older. */
  firstIndexAtOrAfter(date: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.dateOf(mid) >= date) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  private dayOf(index: number): number {
    let low = 0;
    let high = this.endIndex.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (dayValue(this.endIndex, mid) > index) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
