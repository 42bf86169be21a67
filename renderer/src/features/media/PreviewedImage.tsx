import { useState } from 'react';
import { previewDataUrl } from './previewDataUrl.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * A picture drawn in two steps in the same box: Telegram's stripped preview at once (a data: URL, blurred:
 * no request, so it is in the first frame the row appears), then the real image over it when it arrives.
 * A failed image leaves the preview (or the box) and says so in its title.
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
  const previewUrl = previewDataUrl(preview);
  return (
    <span
      className={`previewed-image ${className}`}
      style={boxStyle ?? { width, height }}
      data-state={state}
      title={state === 'failed' ? t('media.unavailable') : undefined}
    >
      {previewUrl && state !== 'loaded' && <img className="preview" src={previewUrl} alt="" aria-hidden="true" />}
      {src && state !== 'failed' && (
        <img
          className="full"
          src={src}
          alt={alt}
          decoding="async"
          style={{ objectFit: fit }}
          onLoad={() => setState('loaded')}
          onError={() => setState('failed')}
        />
      )}
    </span>
  );
}
