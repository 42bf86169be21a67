import { useQueryClient } from '@tanstack/react-query';
import type { SourceKind } from '../../../shared/domain.ts';
import { queryKeys } from '../bridge/queryKeys.ts';
import { scrollback } from '../bridge/scrollbackClient.ts';
import { translate } from '../i18n/translate.ts';

/** Removes a source once the user confirms: a Telegram account is logged out, its chats leave this computer. */
export function useRemoveSource() {
  const queryClient = useQueryClient();
  return async (sourceId: string, name: string, kind: SourceKind) => {
    const question =
      kind === 'telegram' ? translate('sources.remove.confirmTelegram', { name }) : translate('sources.remove.confirm', { name });
    if (!window.confirm(question)) return;
    await scrollback.removeSource({ sourceId });
    await queryClient.invalidateQueries({ queryKey: queryKeys.chats() });
  };
}
