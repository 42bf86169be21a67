import type { ChatAvatar, Media, MediaVariant } from '../../../../shared/domain.ts';
import { encodeVoiceWaveform } from '../../../../shared/voiceWaveform.ts';
import { encodeStrippedPreview, renderSvg } from '../../files/imageCodec.ts';
import type { SourceMessage } from '../../model/SourceMessage.ts';
import type { DemoChatSpec } from './demoChats.ts';
import { DEMO_ROUND_VIDEO, DEMO_VIDEO, DEMO_VOICE } from './demoMediaClips.ts';
import { DEMO_SCENES, demoAvatarSvg, demoLandscapeSvg, demoStickerSvg } from './demoImageSvg.ts';
import { createRandom, hash2 } from './seededRandom.ts';

/** The aspect ratios the demo's pictures come in, each with one preview per scene. */
const ASPECTS = [
  { width: 4, height: 3 },
  { width: 3, height: 4 },
  { width: 16, height: 9 },
  { width: 1, height: 1 },
] as const;

function aspectOf(width: number, height: number): (typeof ASPECTS)[number] {
  const ratio = width / Math.max(1, height);
  return ASPECTS.reduce((best, aspect) =>
    Math.abs(aspect.width / aspect.height - ratio) < Math.abs(best.width / best.height - ratio) ? aspect : best,
  );
}

/** The scene a message's picture shows: fixed by chat and index, like everything else in the demo. */
export function demoSceneOf(chatSeed: number, index: number): number {
  return hash2(chatSeed * 7919, index) % DEMO_SCENES;
}

/** File facts of a demo medium (thumbnail, size, type, waveform), added where the message is made. */
export function withDemoFiles(media: Media, chatSeed: number, index: number): Media {
  switch (media.kind) {
    case 'photo':
    case 'gif':
      return { ...media, thumb: true };
    case 'sticker':
      return { ...media, thumb: true, mimeType: 'image/webp' };
    case 'video': {
      const clip = media.round ? DEMO_ROUND_VIDEO : DEMO_VIDEO;
      return { ...media, thumb: true, mimeType: clip.mimeType, size: media.round ? ROUND_VIDEO_BYTES : VIDEO_BYTES };
    }
    case 'voice': {
      const random = createRandom(hash2(chatSeed * 31, index));
      const samples = Array.from({ length: 63 }, (_, i) => 6 + 22 * Math.abs(Math.sin(i / 4 + random() * 3)) * random());
      return {
        ...media,
        mimeType: DEMO_VOICE.mimeType,
        size: VOICE_BYTES,
        waveform: Buffer.from(encodeVoiceWaveform(samples)).toString('base64'),
      };
    }
    case 'file':
      return { ...media, mimeType: 'application/octet-stream' };
    default:
      return media;
  }
}

// Decoded once: every demo page (and the 1,000,000-message ingest bench) states these sizes.
const VIDEO_BYTES = Buffer.from(DEMO_VIDEO.base64, 'base64').length;
const ROUND_VIDEO_BYTES = Buffer.from(DEMO_ROUND_VIDEO.base64, 'base64').length;
const VOICE_BYTES = Buffer.from(DEMO_VOICE.base64, 'base64').length;

let palette: Promise<Map<string, string>> | null = null;

/**
 * Stripped previews of every scene in every aspect, in Telegram's format, made once per process (48 tiny
 * JPEGs, a few milliseconds each on the image library's threads) and shared by every demo page.
 */
function previewPalette(): Promise<Map<string, string>> {
  palette ??= (async () => {
    const entries = await Promise.all(
      Array.from({ length: DEMO_SCENES }, (_, scene) => scene).flatMap((scene) =>
        ASPECTS.map(async (aspect) => {
          const svg = demoLandscapeSvg(scene, aspect.width * 40, aspect.height * 40);
          const stripped = await encodeStrippedPreview(svg);
          return [`${scene}:${aspect.width}x${aspect.height}`, Buffer.from(stripped).toString('base64')] as const;
        }),
      ),
    );
    return new Map(entries);
  })();
  return palette;
}

/** Gives the pictures of `messages` (ids are index + 1) their stripped previews, as Telegram's pages carry them. */
export async function attachDemoPreviews(chatSeed: number, messages: SourceMessage[]): Promise<SourceMessage[]> {
  if (!messages.some((message) => message.media && 'width' in message.media && message.media.kind !== 'sticker')) return messages;
  const previews = await previewPalette();
  return messages.map((message) => {
    const media = message.media;
    if (!media || !(media.kind === 'photo' || media.kind === 'video' || media.kind === 'gif')) return message;
    const aspect = aspectOf(media.width, media.height);
    const preview = previews.get(`${demoSceneOf(chatSeed, Number(message.id) - 1)}:${aspect.width}x${aspect.height}`);
    return preview ? { ...message, media: { ...media, preview } } : message;
  });
}

/** The demo's stripped preview of a chat's picture. */
export async function demoAvatar(spec: DemoChatSpec): Promise<ChatAvatar> {
  // Listing the chats comes first: the previews every page needs are made meanwhile, off its path.
  void previewPalette().catch(() => undefined);
  return { preview: Buffer.from(await encodeStrippedPreview(demoAvatarSvg(spec.seed, spec.name, 40))).toString('base64') };
}

export async function renderDemoAvatar(spec: DemoChatSpec): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const image = await renderSvg(demoAvatarSvg(spec.seed, spec.name, 160), 'jpeg', 85);
  return { bytes: image.bytes, mimeType: image.mimeType };
}

/** The box a thumbnail fits in, as Telegram's `m` size. */
const THUMB_BOX = 320;

function fit(width: number, height: number, box: number): { width: number; height: number } {
  const scale = Math.min(1, box / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The bytes of a demo medium's thumbnail or whole file: pictures rendered from their scene (whole photos at
 * their stated size, up to 1600 px), videos, round videos and voice messages from the tiny real clips, files
 * as deterministic text of their stated size. Null for media without such a file.
 */
export async function renderDemoMedia(
  spec: DemoChatSpec,
  index: number,
  media: Media,
  variant: MediaVariant,
): Promise<{ bytes: Uint8Array; mimeType: string } | null> {
  const scene = demoSceneOf(spec.seed, index);
  const caption = `${spec.name.split(' ')[0]} #${index + 1}`.replace(/[<>&"']/g, '');
  switch (media.kind) {
    case 'photo':
    case 'gif':
    case 'video': {
      if (variant === 'full' && media.kind !== 'photo') {
        const clip = media.kind === 'video' && media.round ? DEMO_ROUND_VIDEO : DEMO_VIDEO;
        return { bytes: Buffer.from(clip.base64, 'base64'), mimeType: clip.mimeType };
      }
      const size = fit(media.width, media.height, variant === 'thumb' ? THUMB_BOX : 1600);
      const image = await renderSvg(demoLandscapeSvg(scene, size.width, size.height, caption), 'jpeg', variant === 'thumb' ? 78 : 86);
      return { bytes: image.bytes, mimeType: image.mimeType };
    }
    case 'sticker': {
      const image = await renderSvg(demoStickerSvg(scene, variant === 'thumb' ? 128 : 512), 'webp', 80);
      return { bytes: image.bytes, mimeType: image.mimeType };
    }
    case 'voice':
      return variant === 'full' ? { bytes: Buffer.from(DEMO_VOICE.base64, 'base64'), mimeType: DEMO_VOICE.mimeType } : null;
    case 'file':
      return variant === 'full' ? { bytes: demoFileBytes(media.fileName, media.size), mimeType: 'application/octet-stream' } : null;
    default:
      return null;
  }
}

function demoFileBytes(name: string, size: number): Uint8Array {
  const line = Buffer.from(`Scrollback demo file “${name}”: stand-in bytes of the size the message states.\n`);
  const bytes = Buffer.alloc(size);
  for (let offset = 0; offset < size; offset += line.length) line.copy(bytes, offset, 0, Math.min(line.length, size - offset));
  return bytes;
}
