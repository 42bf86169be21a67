import { z } from 'zod';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { RYZE_DEFAULT_BASE_URL } from './createRyzeApiClient.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** A RyzeAPI connection's stored settings (the token is a credential, kept in the secret store). */
export const ryzeSettingsSchema = z.object({
  instance: z.string().regex(/^[\w.-]{1,100}$/),
  baseUrl: z.string().default(RYZE_DEFAULT_BASE_URL),
});
export type RyzeSettings = z.infer<typeof ryzeSettingsSchema>;

export function ryzeSourceId(instance: string): string {
  return `ryze:${instance}`;
}

/** Where a connection's token is kept in the secret store. */
export function ryzeTokenKey(sourceId: string): string {
  return `ryze-token:${sourceId}`;
}

/** Checks what a person typed for a new connection, saying which part is wrong. */
export function checkRyzeConnection(input: { instance: string; baseUrl: string }): RyzeSettings {
  if (!/^[\w.-]{1,100}$/.test(input.instance)) {
    throw new ScrollbackError('INVALID_INPUT', translator()('error.ryze.badInstance', { name: input.instance.slice(0, 40) }));
  }
  const baseUrl = input.baseUrl.trim() === '' ? RYZE_DEFAULT_BASE_URL : input.baseUrl.trim();
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ScrollbackError('INVALID_INPUT', translator()('error.ryze.badUrl', { url: baseUrl.slice(0, 60) }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ScrollbackError('INVALID_INPUT', translator()('error.ryze.notHttp', { url: baseUrl.slice(0, 60) }));
  }
  if (url.username || url.password) throw new ScrollbackError('INVALID_INPUT', translator()('error.ryze.urlCredentials'));
  return { instance: input.instance, baseUrl: baseUrl.replace(/\/+$/, '') };
}
