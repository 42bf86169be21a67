import { ScrollbackError } from '../../../shared/errors.ts';
import { endOfDateInput, parseDateInput } from '../../../shared/parseDateInput.ts';

/**
 * A date an assistant gave (a local day YYYY-MM-DD or an ISO timestamp) as epoch ms: a day's start, or with
 * `end` the end of that day (exclusive). Undefined stays null; anything else is a tool error naming the argument.
 */
export function readDateArgument(name: string, value: string | undefined, end = false): number | null {
  if (value === undefined) return null;
  const parsed = parseDateInput(value);
  if (!parsed.ok) throw new ScrollbackError('INVALID_INPUT', `${name}: ${parsed.message} Use YYYY-MM-DD or an ISO 8601 timestamp.`);
  return end ? endOfDateInput(parsed) : parsed.date;
}
