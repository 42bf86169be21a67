import type { ChatMessage } from '../../../../shared/domain.ts';
import type { PreviousMessageSummary } from '../../../../shared/history.ts';
import { localDayKey } from '../../format/formatDates.ts';

/** Messages of one sender closer than this stay in one run of bubbles (one name, one tail, one avatar). */
export const GROUP_GAP_MS = 10 * 60_000;

/** What a row needs to know of the message before it. */
export type Neighbour = Pick<PreviousMessageSummary, 'date' | 'senderId' | 'service'>;

export function neighbourOf(message: ChatMessage): Neighbour {
  return { date: message.date, senderId: message.senderId, service: message.service !== null };
}

/**
 * Whether a row opens a new day (a separator above it) and a new sender group (the name shown), from the
 * message before it; `previous` null means nothing is known before it (the chat's first message).
 */
export function rowPlacement(
  message: Pick<ChatMessage, 'date' | 'senderId'>,
  previous: Neighbour | null,
): { startsDay: boolean; startsGroup: boolean } {
  const startsDay = !previous || localDayKey(previous.date) !== localDayKey(message.date);
  const startsGroup =
    startsDay || !previous || previous.service || previous.senderId !== message.senderId || message.date - previous.date > GROUP_GAP_MS;
  return { startsDay, startsGroup };
}

/**
 * Whether a message is the last bubble of its run (its tail, and in groups the sender's avatar beside it): the
 * message after it starts a new run, or nothing is loaded after it yet. A service line is never in a run.
 */
export function endsRun(message: ChatMessage, next: Pick<ChatMessage, 'date' | 'senderId' | 'service'> | null): boolean {
  if (!next || message.service !== null || next.service !== null) return true;
  return rowPlacement(next, neighbourOf(message)).startsGroup;
}
