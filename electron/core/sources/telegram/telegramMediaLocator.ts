import { Api } from 'telegram';
import bigInt from 'big-integer';
import type { MediaVariant } from '../../../../shared/domain.ts';
import type { MediaLocator } from '../../model/SourceMessage.ts';
import { toInputPeer, type TelegramPeer } from './TelegramPeer.ts';

/** What `upload.getFile` needs to fetch a photo's or document's files again (64-bit ids as strings). */
export type TelegramFileLocator =
  | {
      type: 'photo';
      id: string;
      accessHash: string;
      fileReference: string;
      dcId: number;
      /** The size type of the thumbnail (`m`, or the nearest) and of the whole photo (the largest). */
      thumbType: string | null;
      fullType: string;
    }
  | { type: 'document'; id: string; accessHash: string; fileReference: string; dcId: number; thumbType: string | null }
  /** A chat's or user's profile photo (fetched with the peer). */
  | { type: 'peerPhoto'; photoId: string; dcId: number };

export function isTelegramFileLocator(value: unknown): value is TelegramFileLocator {
  const locator = value as TelegramFileLocator | null;
  return !!locator && (locator.type === 'photo' || locator.type === 'document' || locator.type === 'peerPhoto');
}

type Size = Api.TypePhotoSize;

/** Bytes of a size, as Telegram states them (a progressive size's whole length is its last). */
function bytesOf(size: Size): number {
  if (size instanceof Api.PhotoSize) return size.size;
  if (size instanceof Api.PhotoCachedSize) return size.bytes.length;
  if (size instanceof Api.PhotoSizeProgressive) return size.sizes.at(-1) ?? 0;
  return 0;
}

function sideOf(size: Size): number {
  return size instanceof Api.PhotoSize || size instanceof Api.PhotoCachedSize || size instanceof Api.PhotoSizeProgressive
    ? Math.max(size.w, size.h)
    : 0;
}

/** Telegram's stripped preview among sizes (type `i`), base64, when present. */
export function strippedPreviewOf(sizes: readonly Size[] | undefined): string | undefined {
  const stripped = sizes?.find((size): size is Api.PhotoStrippedSize => size instanceof Api.PhotoStrippedSize);
  return stripped ? Buffer.from(stripped.bytes).toString('base64') : undefined;
}

/** The size to draw in the list: `m` (320 px), else the one nearest to it. */
export function thumbnailTypeOf(sizes: readonly Size[] | undefined): string | null {
  const drawable = (sizes ?? []).filter((size) => sideOf(size) > 0);
  if (drawable.length === 0) return null;
  const m = drawable.find((size) => 'type' in size && size.type === 'm');
  if (m && 'type' in m) return m.type;
  const nearest = drawable.reduce((best, size) => (Math.abs(sideOf(size) - 320) < Math.abs(sideOf(best) - 320) ? size : best));
  return 'type' in nearest ? nearest.type : null;
}

export function photoLocator(photo: Api.Photo): TelegramFileLocator & MediaLocator {
  const drawable = photo.sizes.filter((size) => sideOf(size) > 0);
  const largest = drawable.reduce<Size | null>((best, size) => (!best || bytesOf(size) > bytesOf(best) ? size : best), null);
  return {
    type: 'photo',
    id: photo.id.toString(),
    accessHash: photo.accessHash.toString(),
    fileReference: Buffer.from(photo.fileReference).toString('base64'),
    dcId: photo.dcId,
    thumbType: thumbnailTypeOf(photo.sizes),
    fullType: largest && 'type' in largest ? largest.type : 'x',
  };
}

export function documentLocator(document: Api.Document): TelegramFileLocator & MediaLocator {
  return {
    type: 'document',
    id: document.id.toString(),
    accessHash: document.accessHash.toString(),
    fileReference: Buffer.from(document.fileReference).toString('base64'),
    dcId: document.dcId,
    thumbType: thumbnailTypeOf(document.thumbs),
  };
}

/** The location `upload.getFile` reads for one file of a locator. */
export function inputLocationOf(locator: TelegramFileLocator, variant: MediaVariant, peer: TelegramPeer): Api.TypeInputFileLocation {
  switch (locator.type) {
    case 'photo':
      return new Api.InputPhotoFileLocation({
        id: bigInt(locator.id),
        accessHash: bigInt(locator.accessHash),
        fileReference: Buffer.from(locator.fileReference, 'base64'),
        thumbSize: variant === 'thumb' ? (locator.thumbType ?? locator.fullType) : locator.fullType,
      });
    case 'document':
      return new Api.InputDocumentFileLocation({
        id: bigInt(locator.id),
        accessHash: bigInt(locator.accessHash),
        fileReference: Buffer.from(locator.fileReference, 'base64'),
        thumbSize: variant === 'thumb' ? (locator.thumbType ?? '') : '',
      });
    case 'peerPhoto':
      return new Api.InputPeerPhotoFileLocation({ peer: toInputPeer(peer), photoId: bigInt(locator.photoId), big: variant === 'full' });
  }
}

/** The type Telegram's `storage.FileType` names, for files whose document says none. */
export function mimeTypeOfStorage(type: Api.storage.TypeFileType): string | null {
  if (type instanceof Api.storage.FileJpeg) return 'image/jpeg';
  if (type instanceof Api.storage.FilePng) return 'image/png';
  if (type instanceof Api.storage.FileGif) return 'image/gif';
  if (type instanceof Api.storage.FileWebp) return 'image/webp';
  if (type instanceof Api.storage.FileMp4) return 'video/mp4';
  if (type instanceof Api.storage.FileMp3) return 'audio/mpeg';
  if (type instanceof Api.storage.FileMov) return 'video/quicktime';
  return null;
}
