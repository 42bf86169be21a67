import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobStatus } from '../../../../shared/jobs.ts';
import { newerRevision } from '../../../../shared/newerRevision.ts';

/**
 * A long job in main (an import, an export): its status, read once and then kept current by main's pushed
 * events (see useAppEvents), and an action that starts or cancels it and whose answer replaces it at once.
 */
export function useBackgroundJob<Progress, Result, Action>(
  key: readonly unknown[],
  getStatus: () => Promise<JobStatus<Progress, Result>>,
  perform: (action: Action) => Promise<JobStatus<Progress, Result>>,
) {
  const client = useQueryClient();
  const status = useQuery({ queryKey: key, queryFn: getStatus });
  const act = useMutation({
    mutationFn: perform,
    onSuccess: (next) => client.setQueryData<JobStatus<Progress, Result>>(key, (current) => newerRevision(current, next)),
  });
  return { status: status.data, act: act.mutate, actionError: act.error };
}
