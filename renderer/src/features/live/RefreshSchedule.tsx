import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useT } from '../../i18n/translate.ts';

const CHOICES = [5, 15, 30, 60, 180, 720, 0];

/** How often chats kept up to date are refreshed in the background (the sidebar's foot, beside media). */
export function RefreshSchedule() {
  const t = useT();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: queryKeys.refreshSettings(),
    queryFn: ({ signal }) => scrollback.getRefreshSettings(undefined, { signal }),
  });
  const save = useMutation({
    mutationFn: (everyMinutes: number) => scrollback.setRefreshSettings({ everyMinutes }),
    onSuccess: (saved) => client.setQueryData(queryKeys.refreshSettings(), saved),
  });
  if (!settings.data) return null;
  const current = settings.data.everyMinutes;
  const choices = CHOICES.includes(current) ? CHOICES : [...CHOICES, current];
  return (
    <label className="refresh-schedule" title={t('live.refresh.explanation')}>
      {t('live.refresh.label')}{' '}
      <select
        value={current}
        disabled={save.isPending}
        onChange={(event) => save.mutate(Number(event.target.value))}
        data-testid="refresh-every"
      >
        {choices.map((minutes) => (
          <option key={minutes} value={minutes}>
            {minutes === 0
              ? t('live.refresh.onlyWhenAsked')
              : minutes < 60
                ? t('live.refresh.everyMinutes', { minutes })
                : t('live.refresh.everyHours', { hours: minutes / 60 })}
          </option>
        ))}
      </select>
      {save.isError && <span role="alert"> {t('live.refresh.notSaved', { reason: save.error.message })}</span>}
    </label>
  );
}
