import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * An installed app's downloaded update: "Scrollback 1.3.0 is ready — Restart to update". Asked once at start
 * (an update may have arrived before the window) and told by main when one arrives. Restarting is refused
 * while an import or export runs (main says so, and the reason is shown here); the update also installs at
 * the next quit.
 */
export function UpdateBanner() {
  const client = useQueryClient();
  const t = useT();
  const state = useQuery({ queryKey: queryKeys.updateState(), queryFn: () => scrollback.getUpdateState() });
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(
    () =>
      window.scrollback.onAppEvent((event) => {
        if (event.kind === 'updateReady') client.setQueryData(queryKeys.updateState(), { readyVersion: event.version });
      }),
    [client],
  );
  const version = state.data?.readyVersion;
  if (!version) return null;
  const restart = () => {
    setRefusal(null);
    scrollback.restartToUpdate().catch((error: unknown) => setRefusal(error instanceof Error ? error.message : String(error)));
  };
  return (
    <div className="import-panel update-banner" role="status" data-testid="update-banner">
      <span>{t('updates.ready', { version })}</span>
      <button type="button" onClick={restart}>
        {t('updates.restart')}
      </button>
      {refusal && <span className="update-banner-refusal">{refusal}</span>}
    </div>
  );
}
