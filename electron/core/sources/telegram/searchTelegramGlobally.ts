import { Api } from 'telegram';
import type { SourceGlobalSearchPage, SourceGlobalSearchRequest } from '../HistorySource.ts';
import { mapTelegramMessage } from './mapTelegramMessage.ts';
import { TelegramChats, type TelegramCall } from './TelegramChats.ts';
import { toInputPeer } from './TelegramPeer.ts';

/** Telegram's page size for a global search. */
const PAGE_SIZE = 100;
/** A search of all chats reads at most this many pages before answering (the next page asks again). */
const MAX_PAGES = 5;

function searchGlobal(request: SourceGlobalSearchRequest, offset: { rate: number; peer: Api.TypeInputPeer; id: number }) {
  const maxDate = request.to === null ? 0 : Math.ceil(request.to / 1000);
  return new Api.messages.SearchGlobal({
    q: request.words,
    filter: new Api.InputMessagesFilterEmpty(),
    minDate: request.from === null ? 0 : Math.max(0, Math.floor(request.from / 1000)),
    maxDate: Math.max(0, maxDate),
    offsetRate: offset.rate,
    offsetPeer: offset.peer,
    offsetId: offset.id,
    limit: PAGE_SIZE,
  });
}

/**
 * messages.searchGlobal, newest first, paged with Telegram's three offsets (the previous page's
 * `next_rate`, and its last message's peer and id) until `limit` messages match the engine's rules, the
 * search runs out, or MAX_PAGES pages are read. Telegram matches whole words; the engine checks again.
 */
export async function searchTelegramGlobally(
  call: TelegramCall,
  request: SourceGlobalSearchRequest,
  signal?: AbortSignal,
): Promise<SourceGlobalSearchPage> {
  const found: SourceGlobalSearchPage['found'] = [];
  let offset: { rate: number; peer: Api.TypeInputPeer; id: number } = { rate: 0, peer: new Api.InputPeerEmpty(), id: 0 };
  let oldest = Number.POSITIVE_INFINITY;
  let count: number | null = null;
  let returned = 0;
  for (let pageIndex = 0; pageIndex < MAX_PAGES; pageIndex++) {
    const result = await call<Api.messages.TypeMessages>(searchGlobal(request, offset), signal);
    if (result instanceof Api.messages.MessagesNotModified) return { found, exhausted: true, oldestDate: null, count };
    count ??= result instanceof Api.messages.Messages ? result.messages.length : result.count;
    const chats = new TelegramChats(result.users, result.chats);
    returned += result.messages.length;
    for (const raw of result.messages) {
      if (raw instanceof Api.MessageEmpty || !raw.peerId) continue;
      oldest = Math.min(oldest, raw.date * 1000);
      const chat = chats.chatOf(raw.peerId);
      const message = mapTelegramMessage(raw, chats.directory);
      if (chat && message && request.matches(message, chat.name)) found.push({ chat, message });
    }
    const last = result.messages.at(-1);
    // The end is the result's type, an empty page or the count reached; never a short page.
    const exhausted = !(result instanceof Api.messages.MessagesSlice) || last === undefined || returned >= result.count;
    if (exhausted) return { found, exhausted: true, oldestDate: Number.isFinite(oldest) ? oldest : null, count };
    if (found.length >= request.limit) break;
    const lastPeer = last instanceof Api.MessageEmpty || !last.peerId ? null : chats.peerOf(last.peerId);
    if (!lastPeer) break;
    offset = { rate: result.nextRate ?? (last as Api.Message).date, peer: toInputPeer(lastPeer), id: last.id };
  }
  return { found, exhausted: false, oldestDate: Number.isFinite(oldest) ? oldest : null, count };
}
