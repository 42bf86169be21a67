import { ScrollbackError } from '../../../shared/errors.ts';
import type { SourceRecord } from '../cache/sourceQueries.ts';
import type { HistorySource } from './HistorySource.ts';
import { translator } from '../i18n/createTranslator.ts';

export interface SourceRegistry {
  sourceFor(sourceId: string): HistorySource;
  /** Drops a live source so the next use rebuilds it (after its settings change or it is removed). */
  forget(sourceId: string): void;
}

/** The live source of each stored source record, built on first use by its kind's provider. */
export function createSourceRegistry(deps: {
  recordOf(sourceId: string): SourceRecord | null;
  create(record: SourceRecord): HistorySource;
}): SourceRegistry {
  const live = new Map<string, HistorySource>();
  return {
    sourceFor(sourceId) {
      const existing = live.get(sourceId);
      if (existing) return existing;
      const record = deps.recordOf(sourceId);
      if (!record) throw new ScrollbackError('SOURCE_NOT_FOUND', translator()('error.source.notSetUp', { id: sourceId }));
      const source = deps.create(record);
      live.set(sourceId, source);
      return source;
    },
    forget(sourceId) {
      live.delete(sourceId);
    },
  };
}
