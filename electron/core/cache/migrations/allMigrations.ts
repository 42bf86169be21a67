import type { Migration } from './Migration.ts';
import { migration0001Initial } from './0001-initial.ts';
import { migration0002ExportRecords } from './0002-export-records.ts';

/** In order. A new schema step is a new numbered file appended here; released ones are never edited. */
export const allMigrations: readonly Migration[] = [migration0001Initial, migration0002ExportRecords];

export const latestSchemaVersion = allMigrations[allMigrations.length - 1]!.version;
