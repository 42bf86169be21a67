import { useEffect, useState } from 'react';
import { previewDataUrl } from './previewDataUrl.ts';
import { useT } from '../../i18n/translate.ts';

/** Waits before the second and third tries of a picture that failed. */
const RETRY_DELAYS_MS = [500, 2000];

/**
 * A picture drawn in two steps in the same box: Telegram's stripped preview at once (a data: URL, blurred:
 * no request, so it is in the first frame the row appears), then the real image over it when it arrives.
 * A failed image is tried twice more (after 0.5 s and 2 s, under a new URL: Chromium keeps a failed image's
 * answer for its URL, so the same URL would fail again without a request), then leaves the preview (or the
 * box) and says so in its title. A file the source could not send a moment ago often comes on a retry.
 */
export function PreviewedImage({
  src,
  preview,
  alt,
  width,
  height,
  className = '',
  fit = 'cover',
  boxStyle,
}: {
  src: string | null;
  preview: string | undefined;
  alt: string;
  width: number;
  height: number;
  className?: string;
  fit?: 'cover' | 'contain';
  /** Replaces the fixed box (the viewer sizes it to the window, keeping the aspect). */
  boxStyle?: React.CSSProperties;
}) {
  const t = useT();
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>('loading');
  const [attempt, setAttempt] = useState(0);
  const [waitingToRetry, setWaitingToRetry] = useState(false);
  useEffect(() => {
    if (!waitingToRetry) return;
    const timer = setTimeout(() => {
      setWaitingToRetry(false);
      setAttempt((current) => current + 1);
    }, RETRY_DELAYS_MS[attempt]);
    return () => clearTimeout(timer);
  }, [waitingToRetry, attempt]);
  const previewUrl = previewDataUrl(preview);
  return (
    <span
      className={`previewed-image ${className}`}
      style={boxStyle ?? { width, height }}
      data-state={state}
      title={state === 'failed' ? t('media.unavailable') : undefined}
    >
      {previewUrl && state !== 'loaded' && <img className="preview" src={previewUrl} alt="" aria-hidden="true" />}
      {src && state !== 'failed' && !waitingToRetry && (
        <img
          className="full"
          src={attempt === 0 ? src : `${src}${src.includes('?') ? '&' : '?'}retry=${attempt}`}
          alt={alt}
          decoding="async"
          style={{ objectFit: fit }}
          onLoad={() => setState('loaded')}
          onError={() => (attempt < RETRY_DELAYS_MS.length ? setWaitingToRetry(true) : setState('failed'))}
        />
      )}
    </span>
  );
}
