import { z } from 'zod';
import { exportFormats, MAX_SELECTED_MESSAGES, type ExportFormat } from '../exporting.ts';
import { searchKinds, type SearchKind } from '../search.ts';

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

export const exportRequestSchema = z.strictObject({
  chatId: z.number().int().positive(),
  format: z.enum(exportFormats as [ExportFormat, ...ExportFormat[]]),
  from: epochMs.nullable(),
  to: epochMs.nullable(),
  filter: z
    .strictObject({
      query: searchFilterShape.query,
      sender: searchFilterShape.sender,
      kinds: searchFilterShape.kinds,
    })
    .nullable(),
  includeService: z.boolean(),
  csvBom: z.boolean(),
  after: z.strictObject({ date: epochMs, sortKey: z.number().int() }).nullable().optional(),
  media: z.enum(['all', 'thumbnails', 'none']).optional(),
  messageIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_SELECTED_MESSAGES).nullable().optional(),
});
