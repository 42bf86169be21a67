import type { ChatMessage } from '../../../../shared/domain.ts';
import { mediaBox } from './mediaBox.ts';
import { mediaUrl } from './mediaUrls.ts';
import { PreviewedImage } from './PreviewedImage.tsx';
import { useT } from '../../i18n/translate.ts';

/**
 * A photo or sticker fitted to the viewer's stage (as large as the stage allows, its aspect kept: the stage
 * is a size container), then scaled and moved by the zoom and pan.
 */
export function ViewerPicture({
  chatId,
  shown,
  media,
  scale,
  pan,
}: {
  chatId: number;
  shown: ChatMessage;
  media: NonNullable<ChatMessage['media']>;
  scale: number;
  pan: { x: number; y: number };
}) {
  const t = useT();
  const box = mediaBox(media);
  const natural =
    'width' in media && media.width > 0 ? { width: media.width, height: media.height } : { width: box.width * 3, height: box.height * 3 };
  const aspect = natural.width / Math.max(1, natural.height);
  return (
    <div
      className="viewer-picture"
      style={{ transform: `translate(${pan.x}px, ${pan.y}px) scale(${scale})` }}
      data-testid="viewer-picture"
      data-message-id={shown.id}
    >
      <PreviewedImage
        key={shown.id}
        src={mediaUrl(chatId, shown.id, 'full')}
        preview={'preview' in media ? media.preview : undefined}
        alt={media.kind === 'sticker' ? t('media.label.sticker', { emoji: media.emoji ?? '' }) : t('common.messageKind', { kind: 'photo' })}
        width={natural.width}
        height={natural.height}
        className="viewer-image"
        fit="contain"
        // Stickers keep their own size at most (a 512 px sticker is not blown up); photos fill the stage.
        boxStyle={{
          width: media.kind === 'sticker' ? `min(${natural.width}px, 100cqw, 100cqh * ${aspect})` : `min(100cqw, 100cqh * ${aspect})`,
          aspectRatio: `${natural.width} / ${Math.max(1, natural.height)}`,
        }}
      />
    </div>
  );
}
