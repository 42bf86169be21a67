import { Api } from 'telegram';

/**
 * The users and chats a Telegram result carries, by peer key, to name senders and forwards. Telegram sends
 * them beside the messages; a referenced peer may be missing, and a deleted account has no name.
 */
export class TelegramDirectory {
  private readonly names = new Map<string, string>();

  constructor(users: readonly Api.TypeUser[], chats: readonly Api.TypeChat[]) {
    for (const user of users) {
      if (!(user instanceof Api.User)) continue;
      const name = user.deleted
        ? 'Deleted Account'
        : [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username || `User ${user.id.toString()}`;
      this.names.set(`user${user.id.toString()}`, name);
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
}
