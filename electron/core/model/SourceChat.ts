import type { ChatAvatar, ChatKind } from '../../../shared/domain.ts';
import type { MediaLocator } from './SourceMessage.ts';

/** A chat as its source lists it. */
export interface SourceChat {
  /** The source's own key for the chat, unique within the source. */
  key: string;
  name: string;
  kind: ChatKind;
  /** What the source needs to reach the chat again after a restart; stored with the chat. Not a secret. */
  peer?: unknown;
  messageCount: number | null;
  lastMessageDate: number | null;
  /** The chat's photo, when it has one (fetched as media `''` of the chat). */
  avatar?: (ChatAvatar & { locator?: MediaLocator }) | null;
  /** Pinned to the top of the source's list, or in its archive (Telegram's folder 1); absent: neither. */
  pinned?: boolean;
  archived?: boolean;
  /** A forum (its messages are in topics; see HistorySource.listTopics). */
  forum?: boolean;
  /** A private chat with a bot (a whole-account backup chooses bots apart from people). */
  bot?: boolean;
  /** A channel or group one has left (Telegram's channels.getLeftChannels): kept, marked, backed up if it can be. */
  left?: boolean;
  /** About how many messages the chat has, where the listing can say (a channel's newest id); for estimates only. */
  sizeHint?: number;
  /** A basic group upgraded to a supergroup: the supergroup's key, whose history continues this one's. */
  migratedTo?: string;
}
