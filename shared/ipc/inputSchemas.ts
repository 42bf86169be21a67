import { z } from 'zod';
import { exportMediaModes, MAX_SELECTED_MESSAGES } from '../exporting.ts';
import { searchKinds, type SearchKind } from '../search.ts';
import { backupKinds, backupMediaTypes, type BackupSettings } from '../backup.ts';

// Input schemas used beyond the IPC contract (the cache validates stored export requests with the same
// one), kept apart so a process that needs only these does not build the whole contract.

export const epochMs = z.number().int().min(-62_135_596_800_000).max(253_402_300_799_999);

export const searchFilterShape = {
  chatId: z.number().int().positive().nullable(),
  from: epochMs.nullable(),
  to: epochMs.nullable(),
  query: z.string().max(500),
  sender: z.string().max(200),
  kinds: z.array(z.enum(searchKinds as [SearchKind, ...SearchKind[]])).max(searchKinds.length),
  earlierVersions: z.boolean().optional(),
};

/** What to export: one chat, optionally a date range and a search filter (the "current search result"). */
export const exportRequestSchema = z.strictObject({
  chatId: z.number().int().positive(),
  /** An id of core's export format registry (checked there: the list is core's, not the contract's). */
  format: z.string().regex(/^[a-z][a-z0-9]{0,15}$/),
  /** Inclusive start and exclusive end, epoch ms; null: from the first / to the last message. */
  from: epochMs.nullable(),
  to: epochMs.nullable(),
  /** Only messages matching this (text, sender, kinds); null: all. */
  filter: z
    .strictObject({
      query: searchFilterShape.query,
      sender: searchFilterShape.sender,
      kinds: searchFilterShape.kinds,
    })
    .nullable(),
  includeService: z.boolean(),
  /** Formats that offer it (CSV): start with a byte order mark so spreadsheet apps read UTF-8. */
  csvBom: z.boolean(),
  /** Only messages after this position (an incremental export: what is new since an earlier one). */
  after: z.strictObject({ date: epochMs, sortKey: z.number().int() }).nullable().optional(),
  /**
   * Formats that carry media (JSON, HTML): copy the media on this computer beside the file, in Telegram
   * Desktop's folders (`all`), only their thumbnails, or none (Telegram Desktop's "File not included"
   * placeholder). Default: none.
   */
  media: z.enum(exportMediaModes).optional(),
  /** Only these messages (a selection in the window), written oldest first; the dates and filter still apply. */
  messageIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_SELECTED_MESSAGES).nullable().optional(),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** A whole-account backup's settings (the cache validates stored ones with the same schema). */
export const backupSettingsSchema = z.strictObject({
  kinds: z.array(z.enum(backupKinds)).max(backupKinds.length),
  media: z
    .array(
      z.strictObject({
        type: z.enum(backupMediaTypes),
        maxBytes: z
          .number()
          .int()
          .positive()
          .max(2 ** 42)
          .nullable(),
      }),
    )
    .max(backupMediaTypes.length),
  excludedChatIds: z.array(z.number().int().positive()).max(100_000),
  everyMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 366),
  includeLeft: z.boolean(),
}) satisfies z.ZodType<BackupSettings>;
