import { useEffect, useState } from 'react';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { useNow } from '../../ui/useNow.ts';
import { useT } from '../../i18n/translate.ts';

/** An error where the history would be: its code, what happened, a countdown when the source asked to wait, and Retry. */
export function SourceErrorNotice({ error, onRetry, compact = false }: { error: Error; onRetry(): void; compact?: boolean }) {
  const t = useT();
  const code = error instanceof ScrollbackError ? error.code : 'INTERNAL';
  const retryAfterMs = error instanceof ScrollbackError ? error.retryAfterMs : undefined;
  const [retryAt] = useState(() => (retryAfterMs ? Date.now() + retryAfterMs : 0));
  const now = useNow(retryAt !== 0);
  const secondsLeft = retryAt ? Math.max(0, Math.ceil((retryAt - now) / 1000)) : 0;
  useEffect(() => {
    if (retryAt && secondsLeft === 0) onRetry();
    // Retry once when the wait is over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [retryAt, secondsLeft === 0]);
  return (
    <div className={`error-notice${compact ? ' compact' : ''}`} role="alert" data-error-code={code}>
      <span className="error-code">{code}</span>
      <span className="error-message">
        {secondsLeft > 0 ? `${t('history.error.waiting', { seconds: secondsLeft })} ` : ''}
        {error.message}
      </span>
      <button type="button" onClick={onRetry} disabled={secondsLeft > 0}>
        {t('common.retry')}
      </button>
    </div>
  );
}
