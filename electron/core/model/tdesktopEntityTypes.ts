import type { EntityType } from '../../../shared/domain.ts';

/**
 * Telegram Desktop's name for each of our entity types: the vocabulary its JSON export writes and reads, shared
 * by the importer and the JSON export writer so neither depends on the other. Typed by EntityType, so a new
 * entity type does not compile until it is named here.
 */
export const TDESKTOP_ENTITY_TYPES: Readonly<Record<EntityType, string>> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strike: 'strikethrough',
  code: 'code',
  pre: 'pre',
  spoiler: 'spoiler',
  link: 'link',
  textLink: 'text_link',
  mention: 'mention',
  mentionName: 'mention_name',
  hashtag: 'hashtag',
  cashtag: 'cashtag',
  botCommand: 'bot_command',
  email: 'email',
  phone: 'phone',
  blockquote: 'blockquote',
  customEmoji: 'custom_emoji',
};

const entityTypesByTdesktopName: ReadonlyMap<string, EntityType> = new Map(
  // Object.entries widens the keys to string; they are the EntityType keys of the record above.
  Object.entries(TDESKTOP_ENTITY_TYPES).map(([ours, tdesktop]) => [tdesktop, ours as EntityType]),
);

/** Our entity type for a Telegram Desktop type name; undefined for those we do not draw ("plain", bank cards). */
export function entityTypeOfTdesktop(name: string): EntityType | undefined {
  return entityTypesByTdesktopName.get(name);
}
