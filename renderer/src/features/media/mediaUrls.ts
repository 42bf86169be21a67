import type { MediaVariant } from '../../../../shared/domain.ts';

/** Where main serves a message's thumbnail or whole file (only files its media store recorded). */
export function mediaUrl(chatId: number, messageId: string, variant: MediaVariant): string {
  return `media/${chatId}/${encodeURIComponent(messageId)}/${variant}`;
}

/** Where main serves a chat's small photo (fetched from the source once, then kept). */
export function avatarUrl(chatId: number): string {
  return `media/${chatId}/avatar`;
}
