import { SourceErrorNotice } from './SourceErrorNotice.tsx';

/** Above or below the list: "Loading older/newer messages…", or why that page failed, with Retry. */
export function EdgeStatus({
  edge,
  loading,
  failed,
  error,
  errorUpdatedAt,
  onRetry,
}: {
  edge: 'top' | 'bottom';
  loading: boolean;
  failed: boolean;
  error: Error | null;
  errorUpdatedAt: number;
  onRetry(): void;
}) {
  return (
    <>
      {loading && (
        <div className={`edge-status ${edge}`} role="status">
          {edge === 'top' ? 'Loading older messages…' : 'Loading newer messages…'}
        </div>
      )}
      {failed && error && (
        <div className={`edge-status ${edge}`}>
          <SourceErrorNotice key={errorUpdatedAt} compact error={error} onRetry={onRetry} />
        </div>
      )}
    </>
  );
}
