import { Api } from 'telegram';
import { phoneIdentity } from '../../model/senderIdentities.ts';

/**
 * The users and chats a Telegram result carries, by peer key, to name senders and forwards. Telegram sends
 * them beside the messages; a referenced peer may be missing, and a deleted account has no name.
 */
export class TelegramDirectory {
  private readonly names = new Map<string, string>();
  /** What else proves who a user is: a contact's phone, a username (model/senderIdentities.ts). */
  private readonly identities = new Map<string, string[]>();

  constructor(users: readonly Api.TypeUser[], chats: readonly Api.TypeChat[]) {
    for (const user of users) {
      if (!(user instanceof Api.User)) continue;
      const name = user.deleted
        ? 'Deleted Account'
        : [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username || `User ${user.id.toString()}`;
      this.names.set(`user${user.id.toString()}`, name);
      const identities = [
        ...(user.phone ? [phoneIdentity(user.phone)] : []),
        ...(user.username ? [`username:telegram:${user.username.toLowerCase()}`] : []),
      ].filter((identity): identity is string => identity !== null);
      if (identities.length > 0) this.identities.set(`user${user.id.toString()}`, identities);
    }
    for (const chat of chats) {
      if (chat instanceof Api.Chat || chat instanceof Api.ChatForbidden) this.names.set(`chat${chat.id.toString()}`, chat.title);
      else if (chat instanceof Api.Channel || chat instanceof Api.ChannelForbidden)
        this.names.set(`channel${chat.id.toString()}`, chat.title);
    }
  }

  /** The name, or a stand-in naming the id when the result did not include the peer. */
  nameOf(key: string): string {
    return this.names.get(key) ?? `Unknown (${key})`;
  }

  /** The sender's name and, where the result told them, its phone and username as identity keys. */
  senderOf(key: string): { key: string; name: string; identities?: string[] } {
    const identities = this.identities.get(key);
    return identities ? { key, name: this.nameOf(key), identities } : { key, name: this.nameOf(key) };
  }
}
