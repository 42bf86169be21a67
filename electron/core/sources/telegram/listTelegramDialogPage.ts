import { Api } from 'telegram';
import bigInt from 'big-integer';
import { z } from 'zod';
import type { SourceChat } from '../../model/SourceChat.ts';
import type { SourceChatPage } from '../HistorySource.ts';
import { TelegramChats, type TelegramCall } from './TelegramChats.ts';
import { isTelegramPeer, peerKeyOf, toInputPeer, type TelegramPeer } from './TelegramPeer.ts';

/** Where a listing goes on: the dialogs' offsets (TelegramPeer as stored), then the left channels' offset. */
const cursorSchema = z.discriminatedUnion('phase', [
  z.strictObject({
    phase: z.literal('dialogs'),
    offsetDate: z.number().int(),
    offsetId: z.number().int(),
    offsetPeer: z.unknown().refine(isTelegramPeer).nullable(),
    page: z.number().int().min(0),
    seen: z.number().int().min(0),
  }),
  z.strictObject({ phase: z.literal('left'), offset: z.number().int().min(0) }),
]);
type Cursor = z.infer<typeof cursorSchema>;

const START: Cursor = { phase: 'dialogs', offsetDate: 0, offsetId: 0, offsetPeer: null, page: 0, seen: 0 };
const MAX_DIALOG_PAGES = 1000;

function parseCursor(text: string | null): Cursor {
  if (text === null) return START;
  try {
    return cursorSchema.parse(JSON.parse(text));
  } catch {
    // A cursor of an older version: the listing starts again (chats already stored stay).
    return START;
  }
}

/**
 * One page of the account's chat list, from an opaque cursor (null: the start), for a backup that stores
 * each page before asking the next, so a kill midway through a long list goes on where it was. Dialogs are
 * paged as listTelegramDialogs pages them (pinned first, then `exclude_pinned`, offsets of the last dialog;
 * the archive folder included: no folder_id). With `left` (a takeout session the user allowed), the
 * channels and groups one has left follow (channels.getLeftChannels, which only works inside a takeout).
 */
export async function listTelegramDialogPage(
  calls: { call: TelegramCall; callInTakeout: TelegramCall | null },
  cursorText: string | null,
  signal?: AbortSignal,
): Promise<SourceChatPage> {
  const cursor = parseCursor(cursorText);
  if (cursor.phase === 'left') return leftChannelsPage(calls.callInTakeout, cursor.offset, signal);
  const afterDialogs = calls.callInTakeout ? JSON.stringify({ phase: 'left', offset: 0 } satisfies Cursor) : null;
  const result = await calls.call<Api.messages.TypeDialogs>(
    new Api.messages.GetDialogs({
      offsetDate: cursor.offsetDate,
      offsetId: cursor.offsetId,
      offsetPeer: cursor.offsetPeer ? toInputPeer(cursor.offsetPeer) : new Api.InputPeerEmpty(),
      limit: 100,
      excludePinned: cursor.page > 0,
      hash: bigInt.zero,
    }),
    signal,
  );
  if (result instanceof Api.messages.DialogsNotModified) return { chats: [], next: afterDialogs };
  const known = new TelegramChats(result.users, result.chats);
  const topMessages = new Map(
    result.messages
      .filter((message) => !(message instanceof Api.MessageEmpty))
      .map((message) => [`${peerKeyOf(message.peerId)}:${message.id}`, message]),
  );
  const chats: SourceChat[] = [];
  let last: { peer: TelegramPeer; date: number; id: number } | null = null;
  for (const dialog of result.dialogs) {
    if (!(dialog instanceof Api.Dialog)) continue;
    const chat = known.chatOf(dialog.peer);
    const top = topMessages.get(`${peerKeyOf(dialog.peer)}:${dialog.topMessage}`);
    if (!chat) continue;
    last = { peer: chat.peer as TelegramPeer, date: top?.date ?? 0, id: dialog.topMessage };
    chats.push({
      ...chat,
      lastMessageDate: top ? top.date * 1000 : null,
      pinned: dialog.pinned === true,
      archived: dialog.folderId === 1,
      // A channel numbers its own messages from 1: its newest id is about how many it has had.
      ...(dialog.peer instanceof Api.PeerChannel ? { sizeHint: dialog.topMessage } : {}),
    });
  }
  const seen = cursor.seen + chats.length;
  const ended =
    result instanceof Api.messages.Dialogs ||
    result.dialogs.length === 0 ||
    !last ||
    (result instanceof Api.messages.DialogsSlice && seen >= result.count) ||
    // Telegram repeated the page's last dialog and nothing else: the list is done.
    (last.id === cursor.offsetId && chats.length <= 1) ||
    cursor.page + 1 >= MAX_DIALOG_PAGES;
  if (ended || !last) return { chats, next: afterDialogs };
  const next: Cursor = { phase: 'dialogs', offsetDate: last.date, offsetId: last.id, offsetPeer: last.peer, page: cursor.page + 1, seen };
  return { chats, next: JSON.stringify(next) };
}

/** A page of the channels and supergroups one has left, offset by how many came before. */
async function leftChannelsPage(callInTakeout: TelegramCall | null, offset: number, signal?: AbortSignal): Promise<SourceChatPage> {
  if (!callInTakeout) return { chats: [], next: null };
  const result = await callInTakeout<Api.messages.TypeChats>(new Api.channels.GetLeftChannels({ offset }), signal);
  const known = new TelegramChats([], result.chats);
  const chats = result.chats.flatMap((entity) => {
    const peer = new Api.PeerChannel({ channelId: entity.id });
    const chat = known.chatOf(peer);
    return chat ? [{ ...chat, left: true }] : [];
  });
  const total = result instanceof Api.messages.ChatsSlice ? result.count : null;
  const done = result.chats.length === 0 || total === null || offset + result.chats.length >= total;
  return { chats, next: done ? null : JSON.stringify({ phase: 'left', offset: offset + result.chats.length } satisfies Cursor) };
}
