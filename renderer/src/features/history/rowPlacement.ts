import type { ChatMessage } from '../../../../shared/domain.ts';
import type { PreviousMessageSummary } from '../../../../shared/history.ts';
import { localDayKey } from '../../format/formatDates.ts';

/** Messages of one sender closer than this stay in one group (no repeated name). */
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
