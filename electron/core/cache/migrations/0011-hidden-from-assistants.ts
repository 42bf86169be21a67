import type { Migration } from './Migration.ts';

/**
 * Chats the user keeps away from AI assistants (`scrollback mcp` never lists, searches or reads them). A column
 * with a constant default: instant at any size.
 */
export const migration0011HiddenFromAssistants: Migration = {
  version: 11,
  name: 'chats hidden from assistants',
  up(db) {
    db.exec(`ALTER TABLE chats ADD COLUMN hidden_from_assistants INTEGER NOT NULL DEFAULT 0 CHECK (hidden_from_assistants IN (0, 1));`);
  },
};
