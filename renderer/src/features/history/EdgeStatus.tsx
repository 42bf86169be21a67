import { SourceErrorNotice } from './SourceErrorNotice.tsx';
import { useT } from '../../i18n/translate.ts';

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
  const t = useT();
  return (
    <>
      {loading && (
        <div className={`edge-status ${edge}`} role="status">
          {edge === 'top' ? t('history.loadingOlder') : t('history.loadingNewer')}
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
