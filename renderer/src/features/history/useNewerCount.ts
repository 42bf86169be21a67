import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { useDebounced } from '../search/useDebounced.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/**
 * Messages of the chat on this computer dated after `date` (the bottom message in view), counted up to
 * 10,000 by main (`more`: there are more), or null while unknown or not asked (`date` null). Asked once
 * scrolling pauses, not on every frame.
 */
export function useNewerCount(chatId: number, date: number | null): { count: number; more: boolean } | null {
  const settled = useDebounced(date, 250);
  const count = useQuery({
    queryKey: queryKeys.newerCount(chatId, settled),
    queryFn: ({ signal }) => scrollback.countNewerMessages({ chatId, date: settled! }, { signal }),
    enabled: settled !== null && date !== null,
    staleTime: 10_000,
  });
  return date === null ? null : (count.data ?? null);
}
