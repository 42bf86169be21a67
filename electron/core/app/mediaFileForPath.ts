import type { MediaService, ServedMediaFile } from '../media/createMediaService.ts';
import { servableMimeType } from '../media/servableMimeType.ts';

const MESSAGE_MEDIA = /^\/media\/(\d{1,12})\/([^/]{1,200})(?:\/(thumb|full))?$/;
const CHAT_AVATAR = /^\/media\/(\d{1,12})\/avatar$/;

/**
 * The file behind a window's media address: `media/<chatId>/<messageId>/<thumb|full>` (no variant: the whole
 * file, as earlier versions named it) or `media/<chatId>/avatar`. The window never names a path, only a
 * message; the answer is only ever a file the media store recorded for it (or an earlier import's).
 */
export async function mediaFileForPath(media: MediaService, pathname: string, signal?: AbortSignal): Promise<ServedMediaFile | null> {
  const file = await fileForPath(media, pathname, signal);
  // Only what the window may render (never a source's SVG or HTML); other files go through Show in folder.
  return file && servableMimeType(file.mimeType) ? file : null;
}

async function fileForPath(media: MediaService, pathname: string, signal?: AbortSignal): Promise<ServedMediaFile | null> {
  const avatar = CHAT_AVATAR.exec(pathname);
  if (avatar) return media.avatarFor(Number(avatar[1]), signal);
  const match = MESSAGE_MEDIA.exec(pathname);
  if (!match) return null;
  const [, chatId, encodedMessageId = '', variant] = match;
  let messageId: string;
  try {
    messageId = decodeURIComponent(encodedMessageId);
  } catch {
    return null;
  }
  return media.fileFor(Number(chatId), messageId, variant === 'thumb' ? 'thumb' : 'full', signal);
}
