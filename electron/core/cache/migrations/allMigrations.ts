import type { Migration } from './Migration.ts';
import { migration0001Initial } from './0001-initial.ts';

/** In order. A new schema step is a new numbered file appended here; released ones are never edited. */
export const allMigrations: readonly Migration[] = [migration0001Initial];

export const latestSchemaVersion = allMigrations[allMigrations.length - 1]!.version;
