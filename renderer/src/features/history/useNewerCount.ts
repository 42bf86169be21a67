import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { useDebounced } from '../search/useDebounced.ts';

/** The last instant the IPC contract accepts (year 9999): "until the end". */
const END_OF_TIME = 253_402_300_799_999;

/**
 * Messages of the chat on this computer dated after `date` (the bottom message in view), or null while
 * unknown or not asked (`date` null). Asked once scrolling pauses, not on every frame.
 */
export function useNewerCount(chatId: number, date: number | null): number | null {
  const settled = useDebounced(date, 250);
  const count = useQuery({
    queryKey: ['newerCount', chatId, settled],
    queryFn: async ({ signal }) =>
      (await scrollback.getMessageDensity({ chatId, boundaries: [settled! + 1, END_OF_TIME] }, { signal })).counts[0] ?? 0,
    enabled: settled !== null && date !== null,
    staleTime: 10_000,
  });
  return date === null ? null : (count.data ?? null);
}
