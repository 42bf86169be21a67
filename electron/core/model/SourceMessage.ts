import type { ChatMessage, Media } from '../../../shared/domain.ts';

/**
 * What a source needs to fetch a medium's files again (Telegram: ids, access hash, file reference, data
 * center, size types). Opaque to everything but that source; stored with the message, never sent to the window.
 */
export type MediaLocator = Record<string, unknown>;

/** A medium as a source delivers it: what the window shows, plus how to fetch its files. */
export type SourceMedia = Media & { locator?: MediaLocator };

/** Who wrote a message, as the source names them. `key` is unique within the source. */
export interface SourceSender {
  key: string;
  name: string;
  /** What the source needs to reach this peer again (e.g. Telegram access hash). Never a secret. */
  peer?: unknown;
  /**
   * What else the source knows proves who this is, as identity keys (model/senderIdentities.ts): a Telegram
   * contact's phone (`phone:+<digits>`), a username (`username:telegram:<name>`).
   */
  identities?: readonly string[];
}

/** A message as a source delivers it, before it has a local chat id. */
export interface SourceMessage extends Omit<ChatMessage, 'chatId' | 'senderId' | 'senderName' | 'media' | 'deletedAt' | 'earlierVersions'> {
  media: SourceMedia | null;
  /** An archive that kept a message its source deleted (an import of Scrollback's own export) says when. */
  deletedAt?: number | null;
  /** Tie-breaker after date; (date, sortKey) must be unique within the chat and follow history order. */
  sortKey: number;
  sender: SourceSender | null;
}

/** A message with every optional part empty, so each source states only what it has. */
export function sourceMessage(
  fields: Pick<SourceMessage, 'id' | 'sortKey' | 'date' | 'sender' | 'out' | 'text'> & Partial<SourceMessage>,
): SourceMessage {
  return {
    entities: [],
    media: null,
    replyToId: null,
    forward: null,
    editDate: null,
    service: null,
    groupedId: null,
    views: null,
    reactions: [],
    ...fields,
  };
}
