import type { CacheDatabase } from '../CacheDatabase.ts';

/** One schema step. Each runs inside a transaction together with its `user_version` bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: CacheDatabase): void;
}
