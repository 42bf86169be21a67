import { Api } from 'telegram';
import type { SourceMedia } from '../../model/SourceMessage.ts';
import { documentLocator, photoLocator, strippedPreviewOf } from './telegramMediaLocator.ts';

function textOf(value: Api.TypeTextWithEntities | string | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.text;
}

function largestPhotoSize(photo: Api.TypePhoto | undefined): { width: number; height: number } {
  if (!(photo instanceof Api.Photo)) return { width: 0, height: 0 };
  let best = { width: 0, height: 0 };
  for (const size of photo.sizes) {
    if ((size instanceof Api.PhotoSize || size instanceof Api.PhotoSizeProgressive) && size.w * size.h > best.width * best.height)
      best = { width: size.w, height: size.h };
  }
  return best;
}

/** A photo's preview (inline, no request), whether it has a thumbnail, and how to fetch its files. */
function photoFiles(photo: Api.Photo): { preview?: string; thumb?: boolean; locator: ReturnType<typeof photoLocator> } {
  const preview = strippedPreviewOf(photo.sizes);
  const locator = photoLocator(photo);
  return { ...(preview ? { preview } : {}), ...(locator.thumbType ? { thumb: true } : {}), locator };
}

function documentMedia(document: Api.TypeDocument | undefined): SourceMedia {
  if (!(document instanceof Api.Document)) return { kind: 'other', label: 'File no longer available' };
  const preview = strippedPreviewOf(document.thumbs);
  const files = {
    ...(preview ? { preview } : {}),
    ...(document.thumbs?.some((size) => !(size instanceof Api.PhotoStrippedSize || size instanceof Api.PhotoPathSize))
      ? { thumb: true }
      : {}),
    size: Number(document.size.toString()),
    ...(document.mimeType ? { mimeType: document.mimeType } : {}),
    locator: documentLocator(document),
  };
  let fileName = '';
  let video: Api.DocumentAttributeVideo | null = null;
  let audio: Api.DocumentAttributeAudio | null = null;
  let sticker: Api.DocumentAttributeSticker | null = null;
  let animated = false;
  let image: Api.DocumentAttributeImageSize | null = null;
  for (const attribute of document.attributes) {
    if (attribute instanceof Api.DocumentAttributeFilename) fileName = attribute.fileName;
    else if (attribute instanceof Api.DocumentAttributeVideo) video = attribute;
    else if (attribute instanceof Api.DocumentAttributeAudio) audio = attribute;
    else if (attribute instanceof Api.DocumentAttributeSticker) sticker = attribute;
    else if (attribute instanceof Api.DocumentAttributeAnimated) animated = true;
    else if (attribute instanceof Api.DocumentAttributeImageSize) image = attribute;
  }
  if (sticker)
    return {
      ...files,
      kind: 'sticker',
      width: image?.w ?? video?.w ?? 512,
      height: image?.h ?? video?.h ?? 512,
      ...(sticker.alt ? { emoji: sticker.alt } : {}),
    };
  if (animated) return { ...files, kind: 'gif', width: video?.w ?? image?.w ?? 0, height: video?.h ?? image?.h ?? 0 };
  if (video)
    return {
      ...files,
      kind: 'video',
      width: video.w,
      height: video.h,
      durationS: Math.round(video.duration),
      ...(video.roundMessage ? { round: true } : {}),
    };
  if (audio?.voice)
    return {
      ...files,
      kind: 'voice',
      durationS: audio.duration,
      ...(audio.waveform ? { waveform: Buffer.from(audio.waveform).toString('base64') } : {}),
    };
  if (audio)
    return {
      ...files,
      kind: 'audio',
      durationS: audio.duration,
      ...(audio.title ? { title: audio.title } : {}),
      ...(audio.performer ? { performer: audio.performer } : {}),
    };
  return { ...files, kind: 'file', fileName: fileName || 'file' };
}

/** Every media kind of a message with its metadata; kinds without a place of their own get a label. */
export function mapTelegramMedia(media: Api.TypeMessageMedia | undefined): SourceMedia | null {
  if (!media || media instanceof Api.MessageMediaEmpty) return null;
  if (media instanceof Api.MessageMediaPhoto)
    return media.photo instanceof Api.Photo
      ? { kind: 'photo', ...largestPhotoSize(media.photo), ...photoFiles(media.photo) }
      : { kind: 'other', label: 'Photo no longer available' };
  if (media instanceof Api.MessageMediaDocument) return documentMedia(media.document);
  if (media instanceof Api.MessageMediaWebPage) {
    const page = media.webpage;
    if (!(page instanceof Api.WebPage)) return null;
    return {
      kind: 'webpage',
      url: page.url,
      ...(page.title ? { title: page.title } : {}),
      ...(page.siteName ? { siteName: page.siteName } : {}),
      ...(page.description ? { description: page.description } : {}),
      ...(page.photo instanceof Api.Photo ? photoFiles(page.photo) : {}),
    };
  }
  if (media instanceof Api.MessageMediaPoll) {
    const poll = media.poll;
    return {
      kind: 'poll',
      question: textOf(poll.question),
      options: poll.answers.map((answer) => textOf(answer.text)),
      closed: poll.closed === true,
    };
  }
  if (media instanceof Api.MessageMediaVenue) {
    const geo = media.geo;
    return geo instanceof Api.GeoPoint ? { kind: 'location', latitude: geo.lat, longitude: geo.long, title: media.title } : null;
  }
  if (media instanceof Api.MessageMediaGeo || media instanceof Api.MessageMediaGeoLive) {
    const geo = media.geo;
    return geo instanceof Api.GeoPoint ? { kind: 'location', latitude: geo.lat, longitude: geo.long } : null;
  }
  if (media instanceof Api.MessageMediaContact)
    return { kind: 'contact', name: [media.firstName, media.lastName].filter(Boolean).join(' '), phone: media.phoneNumber };
  if (media instanceof Api.MessageMediaDice) return { kind: 'other', label: `${media.emoticon} ${media.value}` };
  if (media instanceof Api.MessageMediaGame) return { kind: 'other', label: `Game: ${media.game.title}` };
  if (media instanceof Api.MessageMediaInvoice) return { kind: 'other', label: `Invoice: ${media.title}` };
  if (media instanceof Api.MessageMediaStory) return { kind: 'other', label: 'Story' };
  if (media instanceof Api.MessageMediaGiveaway) return { kind: 'other', label: 'Giveaway' };
  return { kind: 'other', label: 'Unsupported media' };
}
