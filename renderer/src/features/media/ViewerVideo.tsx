import { useState } from 'react';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { formatBytes, formatDuration } from '../../format/formatDates.ts';
import { mediaBox } from './mediaBox.ts';
import { MediaProgress } from './MediaProgress.tsx';
import { mediaUrl } from './mediaUrls.ts';
import { PreviewedImage } from './PreviewedImage.tsx';
import { useMediaDownload } from './useMediaDownload.ts';
import { useT } from '../../i18n/translate.ts';

/** A video or GIF: its thumbnail and Play until the whole file is here (downloaded with progress), then playing. */
export function ViewerVideo({ message }: { message: ChatMessage }) {
  const t = useT();
  const media = message.media!;
  const download = useMediaDownload(message.chatId, message.id, 'onComputer' in media && media.onComputer === true);
  const [asked, setAsked] = useState(false);
  const box = mediaBox(media);
  const size = 'size' in media ? media.size : undefined;
  if (download.onComputer && (asked || media.kind === 'gif' || download.status?.state === 'done'))
    return (
      <video
        className="viewer-video"
        src={mediaUrl(message.chatId, message.id, 'full')}
        controls={media.kind !== 'gif'}
        autoPlay
        loop={media.kind === 'gif'}
        muted={media.kind === 'gif'}
        data-testid="viewer-video"
      />
    );
  const running = download.status?.state === 'running' || download.status?.state === 'waiting';
  return (
    <div className="viewer-video-poster">
      <PreviewedImage
        src={mediaUrl(message.chatId, message.id, 'thumb')}
        preview={'preview' in media ? media.preview : undefined}
        alt=""
        width={box.width * 2}
        height={box.height * 2}
        fit="contain"
      />
      {running && download.status ? (
        <MediaProgress status={download.status} onCancel={download.cancel} />
      ) : (
        <button
          type="button"
          className="viewer-play"
          onClick={() => {
            setAsked(true);
            if (!download.onComputer) void download.start();
          }}
        >
          ▶ {t('media.play')}
          {media.kind === 'video' ? ` · ${formatDuration(media.durationS)}` : ''}
          {size && !download.onComputer ? ` · ${t('media.toDownload', { size: formatBytes(size) })}` : ''}
        </button>
      )}
      {download.status?.state === 'failed' && (
        <span className="media-error" role="alert">
          {download.status.detail}
        </span>
      )}
    </div>
  );
}
