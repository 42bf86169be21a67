import type { ChatMessage } from '../../../../shared/domain.ts';
import { mediaBox } from './mediaBox.ts';
import { mediaUrl } from './mediaUrls.ts';
import { PreviewedImage } from './PreviewedImage.tsx';

/** A photo or sticker at its zoom, as large as the window allows. */
export function ViewerPicture({
  chatId,
  shown,
  media,
  scale,
}: {
  chatId: number;
  shown: ChatMessage;
  media: NonNullable<ChatMessage['media']>;
  scale: number;
}) {
  const box = mediaBox(media);
  const natural =
    'width' in media && media.width > 0 ? { width: media.width, height: media.height } : { width: box.width * 3, height: box.height * 3 };
  return (
    <div className="viewer-picture" style={{ transform: `scale(${scale})` }} data-testid="viewer-picture" data-message-id={shown.id}>
      <PreviewedImage
        key={shown.id}
        src={mediaUrl(chatId, shown.id, 'full')}
        preview={'preview' in media ? media.preview : undefined}
        alt={media.kind === 'sticker' ? `Sticker ${media.emoji ?? ''}` : 'Photo'}
        width={natural.width}
        height={natural.height}
        className="viewer-image"
        fit="contain"
        boxStyle={{
          // As large as the window allows, never larger than the picture, its aspect kept.
          width: `min(${natural.width}px, 90vw, calc((100vh - 60px) * ${natural.width / Math.max(1, natural.height)}))`,
          aspectRatio: `${natural.width} / ${Math.max(1, natural.height)}`,
        }}
      />
    </div>
  );
}
