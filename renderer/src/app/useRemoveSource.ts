import { useQueryClient } from '@tanstack/react-query';
import type { SourceKind } from '../../../shared/domain.ts';
import { queryKeys } from '../bridge/queryKeys.ts';
import { scrollback } from '../bridge/scrollbackClient.ts';

/** Removes a source once the user confirms: a Telegram account is logged out, its chats leave this computer. */
export function useRemoveSource() {
  const queryClient = useQueryClient();
  return async (sourceId: string, name: string, kind: SourceKind) => {
    const question =
      kind === 'telegram'
        ? `Log out of ${name}? The session ends on Telegram and its chats are removed from this computer.`
        : `Remove ${name}? Its chats and everything cached from them are removed from this computer.`;
    if (!window.confirm(question)) return;
    await scrollback.removeSource({ sourceId });
    await queryClient.invalidateQueries({ queryKey: queryKeys.chats() });
  };
}
