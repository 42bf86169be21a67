import type { Migration } from './Migration.ts';

/**
 * What a message says about itself beyond its text: a channel post's signature, the bot it was sent via
 * (JSON; NULL when neither). A column with no default: instant at any size.
 */
export const migration0009MessageDetails: Migration = {
  version: 9,
  name: 'message details',
  up(db) {
    db.exec('ALTER TABLE messages ADD COLUMN details TEXT');
  },
};
