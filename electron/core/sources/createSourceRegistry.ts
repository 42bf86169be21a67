import { ScrollbackError } from '../../../shared/errors.ts';
import type { CacheDatabase } from '../cache/CacheDatabase.ts';
import { listSourceRecords, type SourceRecord } from '../cache/sourceQueries.ts';
import type { HistorySource } from './HistorySource.ts';

/** Builds the live source for a stored source record (one factory per kind). */
export type SourceFactory = (record: SourceRecord) => HistorySource;

export interface SourceRegistry {
  sourceFor(sourceId: string): HistorySource;
  /** Drops a live source so the next use rebuilds it (after its settings change or it is removed). */
  forget(sourceId: string): void;
}

export function createSourceRegistry(db: CacheDatabase, factories: Partial<Record<SourceRecord['kind'], SourceFactory>>): SourceRegistry {
  const live = new Map<string, HistorySource>();
  return {
    sourceFor(sourceId) {
      const existing = live.get(sourceId);
      if (existing) return existing;
      const record = listSourceRecords(db).find((candidate) => candidate.id === sourceId);
      if (!record) throw new ScrollbackError('SOURCE_NOT_FOUND', `The source “${sourceId}” is not set up.`);
      const factory = factories[record.kind];
      if (!factory) throw new ScrollbackError('SOURCE_UNAVAILABLE', `Sources of kind “${record.kind}” are not available in this build.`);
      const source = factory(record);
      live.set(sourceId, source);
      return source;
    },
    forget(sourceId) {
      live.delete(sourceId);
    },
  };
}
