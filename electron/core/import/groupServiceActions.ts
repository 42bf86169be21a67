import type { ServiceActionKind } from '../../../shared/serviceActions.ts';

/**
 * System lines only a group has (someone added, removed, joining or leaving, a group made, renamed or
 * converted): an export that names no chat kind (WhatsApp, Telegram Desktop HTML) with one of them is a group.
 */
export const GROUP_SERVICE_ACTIONS: ReadonlySet<ServiceActionKind> = new Set<ServiceActionKind>([
  'chatCreate',
  'migrateFromGroup',
  'membersAdded',
  'membersRemoved',
  'memberJoined',
  'memberLeft',
  'joinedByLink',
  'titleChanged',
]);
