import { Api } from 'telegram';
import bigInt from 'big-integer';
import type { SourceChat } from '../../model/SourceChat.ts';
import { TelegramChats, type TelegramCall } from './TelegramChats.ts';
import { peerKeyOf, toInputPeer, type TelegramPeer } from './TelegramPeer.ts';

/**
 * Every dialog of the account, paged completely: pinned dialogs come first, later pages set
 * `exclude_pinned`, the next offsets are the last dialog's top message and peer, and a dialog seen twice
 * (Telegram may repeat one across pages) is listed once.
 */
export async function listTelegramDialogs(call: TelegramCall, signal?: AbortSignal): Promise<SourceChat[]> {
  const chats = new Map<string, SourceChat>();
  let offsetDate = 0;
  let offsetId = 0;
  let offsetPeer: Api.TypeInputPeer = new Api.InputPeerEmpty();
  for (let pageIndex = 0; pageIndex < 1000; pageIndex++) {
    const result = await call<Api.messages.TypeDialogs>(
      new Api.messages.GetDialogs({ offsetDate, offsetId, offsetPeer, limit: 100, excludePinned: pageIndex > 0, hash: bigInt.zero }),
      signal,
    );
    if (result instanceof Api.messages.DialogsNotModified) break;
    const known = new TelegramChats(result.users, result.chats);
    const topMessages = new Map(
      result.messages
        .filter((message) => !(message instanceof Api.MessageEmpty))
        .map((message) => [`${peerKeyOf(message.peerId)}:${message.id}`, message]),
    );
    let added = 0;
    let last: { peer: TelegramPeer; date: number; id: number } | null = null;
    for (const dialog of result.dialogs) {
      if (!(dialog instanceof Api.Dialog)) continue;
      const key = peerKeyOf(dialog.peer);
      const chat = known.chatOf(dialog.peer);
      const top = topMessages.get(`${key}:${dialog.topMessage}`);
      if (chat) last = { peer: chat.peer as TelegramPeer, date: top?.date ?? 0, id: dialog.topMessage };
      if (chats.has(key) || !chat) continue;
      chats.set(key, {
        ...chat,
        lastMessageDate: top ? top.date * 1000 : null,
        pinned: dialog.pinned === true,
        // Telegram's archive is peer folder 1.
        archived: dialog.folderId === 1,
      });
      added++;
    }
    if (result instanceof Api.messages.Dialogs || result.dialogs.length === 0 || !last) break;
    if (result instanceof Api.messages.DialogsSlice && chats.size >= result.count) break;
    if (added === 0 && last.id === offsetId) break;
    offsetDate = last.date;
    offsetId = last.id;
    offsetPeer = toInputPeer(last.peer);
  }
  return [...chats.values()];
}
