import type { WritableDB } from '../CacheDatabase.ts';

/** One schema step. Each runs inside a transaction together with its `user_version` bump. */
export interface Migration {
  version: number;
  name: string;
  /**
   * The step rebuilds a table that other tables reference (SQLite's 12-step procedure; see rebuildTable).
   * Foreign keys are then switched off around the step's transaction (they cannot be switched inside one),
   * so dropping the old table cascades nothing, and `foreign_key_check` must pass before it commits.
   */
  rebuildsTables?: boolean;
  up(db: WritableDB): void;
}
