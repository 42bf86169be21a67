import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobStatus } from '../../../../shared/jobs.ts';

/**
 * A long job in main (an import, an export): its status, polled while it runs, and an action that
 * starts or cancels it and whose answer (the new status) replaces the polled one at once.
 */
export function useBackgroundJob<Progress, Result, Action>(key: string, getStatus: () => Promise<JobStatus<Progress, Result>>, perform: (action: Action) => Promise<JobStatus<Progress, Result>>) {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: [key],
    queryFn: getStatus,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 300 : false),
  });
  const act = useMutation({ mutationFn: perform, onSuccess: (next) => client.setQueryData([key], next) });
  return { status: status.data, act: act.mutate, actionError: act.error };
}
