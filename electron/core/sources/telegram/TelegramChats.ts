import { Api } from 'telegram';
import type { ChatKind } from '../../../../shared/domain.ts';
import type { SourceChat } from '../../model/SourceChat.ts';
import { TelegramDirectory } from './TelegramDirectory.ts';
import { peerKeyOf, type TelegramPeer } from './TelegramPeer.ts';
import { strippedPreviewOf } from './telegramMediaLocator.ts';

/** One Telegram request as the source sends it (scheduled, paced, flood waits respected). */
export type TelegramCall = <R>(request: Api.AnyRequest, signal?: AbortSignal) => Promise<R>;

/**
 * The users and chats a result carries (dialogs, a global search), by peer key: to turn a peer into a chat
 * as the source lists it, with what it takes to reach it again.
 */
export class TelegramChats {
  private readonly entities = new Map<string, Api.TypeUser | Api.TypeChat>();
  /** Names of the same users and chats, for senders and forwards. */
  readonly directory: TelegramDirectory;

  constructor(users: readonly Api.TypeUser[], chats: readonly Api.TypeChat[]) {
    this.directory = new TelegramDirectory(users, chats);
    for (const user of users) this.entities.set(`user${user.id.toString()}`, user);
    for (const chat of chats)
      this.entities.set(
        chat instanceof Api.Channel || chat instanceof Api.ChannelForbidden ? `channel${chat.id.toString()}` : `chat${chat.id.toString()}`,
        chat,
      );
  }

  /** The peer as stored with a chat; null when the result lacks the access hash it needs. */
  peerOf(peer: Api.TypePeer): TelegramPeer | null {
    const entity = this.entities.get(peerKeyOf(peer));
    if (peer instanceof Api.PeerUser)
      return entity instanceof Api.User && entity.accessHash
        ? { type: 'user', id: peer.userId.toString(), accessHash: entity.accessHash.toString() }
        : null;
    if (peer instanceof Api.PeerChat) return { type: 'chat', id: peer.chatId.toString(), accessHash: '0' };
    const channel = entity as Api.Channel | undefined;
    return channel?.accessHash ? { type: 'channel', id: peer.channelId.toString(), accessHash: channel.accessHash.toString() } : null;
  }

  /** The chat of a peer as the source lists it (without what only a dialog says: pinned, archived, last date). */
  chatOf(peer: Api.TypePeer): SourceChat | null {
    const stored = this.peerOf(peer);
    if (!stored) return null;
    const key = peerKeyOf(peer);
    const entity = this.entities.get(key);
    return {
      key,
      name: this.directory.nameOf(key),
      kind: chatKindOf(entity),
      peer: stored,
      messageCount: null,
      lastMessageDate: null,
      avatar: avatarOf(entity),
      ...(entity instanceof Api.Channel && entity.forum ? { forum: true } : {}),
      ...(entity instanceof Api.User && entity.bot ? { bot: true } : {}),
      ...(entity instanceof Api.Chat && entity.migratedTo instanceof Api.InputChannel
        ? { migratedTo: `channel${entity.migratedTo.channelId.toString()}` }
        : {}),
    };
  }
}

function chatKindOf(entity: Api.TypeUser | Api.TypeChat | undefined): ChatKind {
  if (entity instanceof Api.Channel) return entity.megagroup || entity.gigagroup ? 'group' : 'channel';
  if (entity instanceof Api.Chat || entity instanceof Api.ChatForbidden) return 'group';
  return 'private';
}

/** A user's or chat's photo: its stripped thumbnail (inline) and how to fetch the small photo; null: none. */
function avatarOf(entity: Api.TypeUser | Api.TypeChat | undefined): SourceChat['avatar'] {
  const photo = entity && 'photo' in entity ? entity.photo : undefined;
  if (!(photo instanceof Api.UserProfilePhoto || photo instanceof Api.ChatPhoto)) return null;
  const preview = photo.strippedThumb
    ? strippedPreviewOf([new Api.PhotoStrippedSize({ type: 'i', bytes: photo.strippedThumb })])
    : undefined;
  return { ...(preview ? { preview } : {}), locator: { type: 'peerPhoto', photoId: photo.photoId.toString(), dcId: photo.dcId } };
}
