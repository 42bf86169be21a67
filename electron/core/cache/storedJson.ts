import { z } from 'zod';
import type { ChatAvatar, Forward, Media, MessageEntity, Reaction, ServiceAction } from '../../../shared/domain.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { normaliseServiceAction } from '../../../shared/serviceActions.ts';
import { translator } from '../i18n/createTranslator.ts';

// The JSON columns as this version writes them. Rows are parsed with these on the way out, never cast, so
// a damaged or foreign value is found where it is read. Objects keep unknown keys (a newer field survives).

const entityTypes = [
  'bold',
  'italic',
  'underline',
  'strike',
  'code',
  'pre',
  'spoiler',
  'link',
  'textLink',
  'mention',
  'mentionName',
  'hashtag',
  'cashtag',
  'botCommand',
  'email',
  'phone',
  'blockquote',
  'customEmoji',
] as const satisfies ReadonlyArray<MessageEntity['type']>;

export const storedEntitiesSchema = z.array(
  z.looseObject({
    type: z.enum(entityTypes),
    offset: z.number().int().nonnegative(),
    length: z.number().int().nonnegative(),
    url: z.string().optional(),
    language: z.string().optional(),
    userId: z.string().optional(),
  }),
) satisfies z.ZodType<MessageEntity[]>;

const dimensions = { width: z.number(), height: z.number() };
const localFile = {
  preview: z.string().optional(),
  thumb: z.boolean().optional(),
  size: z.number().optional(),
  mimeType: z.string().optional(),
  localFile: z.string().optional(),
};

export const storedMediaSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('photo'), ...dimensions, ...localFile }),
  z.looseObject({ kind: z.literal('video'), ...dimensions, durationS: z.number(), round: z.boolean().optional(), ...localFile }),
  z.looseObject({ kind: z.literal('gif'), ...dimensions, ...localFile }),
  z.looseObject({ kind: z.literal('sticker'), ...dimensions, emoji: z.string().optional(), ...localFile }),
  z.looseObject({ kind: z.literal('voice'), durationS: z.number(), waveform: z.string().optional(), ...localFile }),
  z.looseObject({
    kind: z.literal('audio'),
    durationS: z.number(),
    title: z.string().optional(),
    performer: z.string().optional(),
    ...localFile,
  }),
  z.looseObject({ kind: z.literal('file'), fileName: z.string(), ...localFile, size: z.number() }),
  z.looseObject({ kind: z.literal('poll'), question: z.string(), options: z.array(z.string()), closed: z.boolean() }),
  z.looseObject({ kind: z.literal('location'), latitude: z.number(), longitude: z.number(), title: z.string().optional() }),
  z.looseObject({ kind: z.literal('contact'), name: z.string(), phone: z.string() }),
  z.looseObject({
    kind: z.literal('webpage'),
    url: z.string(),
    title: z.string().optional(),
    siteName: z.string().optional(),
    description: z.string().optional(),
    ...localFile,
  }),
  z.looseObject({ kind: z.literal('other'), label: z.string() }),
]) satisfies z.ZodType<Media>;

/** A message's details column (signature, via bot). */
export const storedDetailsSchema = z.looseObject({
  signature: z.string().optional(),
  viaBot: z.string().optional(),
  dateApproximate: z.boolean().optional(),
});
export const storedForwardSchema = z.looseObject({ fromName: z.string(), date: z.number().nullable() }) satisfies z.ZodType<Forward>;
/** Any stored action; names from before the one vocabulary (pin_message, chatEditTitle…) are translated. */
export const storedServiceSchema = z
  .looseObject({
    action: z.string(),
    title: z.string().optional(),
    members: z.array(z.string()).optional(),
    durationS: z.number().optional(),
    periodS: z.number().optional(),
    missed: z.boolean().optional(),
    video: z.boolean().optional(),
    detail: z.string().optional(),
    sourceName: z.string().optional(),
  })
  .transform((stored): ServiceAction => normaliseServiceAction(stored));
export const storedReactionsSchema = z.array(z.looseObject({ emoji: z.string(), count: z.number() })) satisfies z.ZodType<Reaction[]>;
export const storedAvatarSchema = z.looseObject({ preview: z.string().optional() }) satisfies z.ZodType<ChatAvatar>;

/** A source's non-secret settings; each provider parses its own part with its own schema. */
export const storedSettingsSchema = z.record(z.string(), z.unknown());
/** What a source needs to reach a chat or sender again; its shape is the source's own. */
export const storedPeerSchema = z.unknown();

/** Parses a stored JSON column; a value that does not fit says which column of which row. */
export function parseStoredJson<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ScrollbackError('DB_CORRUPT', translator()('error.cache.storedNotJson', { where }));
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScrollbackError(
      'DB_CORRUPT',
      translator()('error.cache.storedShape', { where, field: issue?.path.join('.') || 'value', problem: issue?.message ?? 'invalid' }),
    );
  }
  return parsed.data;
}

/**
 * Parses a stored JSON column of a message, falling back to `fallback` when the value does not fit: one
 * damaged attachment record must not hide the rest of a page of history.
 */
export function parseStoredJsonOr<T>(schema: z.ZodType<T>, text: string | null, fallback: T): T {
  if (text === null) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fallback;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}
