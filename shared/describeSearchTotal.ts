import type { Translate } from './i18n/locales.ts';
import type { SearchTotal } from './search.ts';
import { describeSearchOutcome } from './searchCoverage.ts';

/**
 * The total in words that say what they count: "37,980 on this computer · about 41,200 in the whole chat at
 * Telegram". What was not on this computer is said by the where line of the same model (shared/searchCoverage.ts).
 */
export function describeSearchTotal(total: SearchTotal, t: Translate): string {
  return describeSearchOutcome(null, total, t).total ?? '';
}
