/**
 * Of two statuses of the same thing (a download, a job) — a pushed event and an answer that crossed it —
 * the one with the larger `revision`, which grows with every change.
 */
export function newerRevision<T extends { revision: number }>(current: T | undefined, next: T): T {
  return current && current.revision > next.revision ? current : next;
}
