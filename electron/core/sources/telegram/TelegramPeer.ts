import { Api } from 'telegram';
import bigInt from 'big-integer';

/**
 * What it takes to reach a peer again after a restart, without resolving it: GramJS's StringSession keeps
 * only the data center and auth key, so the ids and access hashes are ours to keep (with the chat, per
 * account). Kept as strings: they are 64-bit.
 */
export interface TelegramPeer {
  type: 'user' | 'chat' | 'channel';
  id: string;
  accessHash: string;
}

export function toInputPeer(peer: TelegramPeer): Api.TypeInputPeer {
  switch (peer.type) {
    case 'user':
      return new Api.InputPeerUser({ userId: bigInt(peer.id), accessHash: bigInt(peer.accessHash) });
    case 'chat':
      return new Api.InputPeerChat({ chatId: bigInt(peer.id) });
    case 'channel':
      return new Api.InputPeerChannel({ channelId: bigInt(peer.id), accessHash: bigInt(peer.accessHash) });
  }
}

/** Users, basic groups and channels have overlapping ids: a key says which. */
export function peerKeyOf(peer: Api.TypePeer): string {
  if (peer instanceof Api.PeerUser) return `user${peer.userId.toString()}`;
  if (peer instanceof Api.PeerChat) return `chat${peer.chatId.toString()}`;
  return `channel${peer.channelId.toString()}`;
}

export function isTelegramPeer(value: unknown): value is TelegramPeer {
  const peer = value as TelegramPeer | null;
  return (
    !!peer &&
    (peer.type === 'user' || peer.type === 'chat' || peer.type === 'channel') &&
    /^\d+$/.test(peer.id) &&
    /^-?\d+$/.test(peer.accessHash)
  );
}
