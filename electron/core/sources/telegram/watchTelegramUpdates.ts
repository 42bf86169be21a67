import { Api, type TelegramClient } from 'telegram';
import { Raw } from 'telegram/events/Raw.js';
import type { LiveChange, LiveChatScope } from '../HistorySource.ts';
import type { SourceMessage } from '../../model/SourceMessage.ts';
import { mapTelegramMessage } from './mapTelegramMessage.ts';
import { peerKeyOf } from './TelegramPeer.ts';
import { TelegramDirectory } from './TelegramDirectory.ts';
import type { TelegramUpdateSequence } from './createTelegramUpdateSequence.ts';

/** Private chats and basic groups: their message ids (and deletions) are the account's, not the chat's. */
const COMMON_BOX: LiveChatScope = { chatKeyPrefixes: ['user', 'chat'] };

export interface TelegramUpdateDeps {
  client: TelegramClient;
  sequence: TelegramUpdateSequence;
  /** The account's pts now (updates.getState through the account's scheduler). */
  fetchState(signal: AbortSignal): Promise<number>;
  /** A message in full (a short update carries no names): messages.getMessages through the scheduler. */
  fetchMessage(id: number, signal: AbortSignal): Promise<SourceMessage | null>;
  onChange(change: LiveChange): void;
  onError(error: unknown): void;
}

/**
 * Listens to a GramJS client's updates (the Raw event: every update object as Telegram sent it) and says
 * them as the engine's changes: new, edited and deleted messages of private chats, groups and channels.
 * Each update's place in its sequence is checked first; a gap or a reconnect is said as `interrupted` before
 * the change, so the engine never takes a message after a gap as contiguous with what it had.
 */
export async function watchTelegramUpdates(deps: TelegramUpdateDeps, signal: AbortSignal): Promise<void> {
  const { sequence, onChange } = deps;
  deps.sequence.startCommon(await deps.fetchState(signal));

  // A repeat is still said: storing it again changes nothing, and it may be one that crossed updates.getState.
  const place = (channelKey: string | null, pts: number, ptsCount: number): true => {
    const outcome = sequence.accept(channelKey, pts, ptsCount);
    if (outcome === 'gap' || outcome === 'unknown')
      onChange({ kind: 'interrupted', where: channelKey ? { chatKey: channelKey } : COMMON_BOX });
    return true;
  };

  const messageChange = (message: Api.TypeMessage, entities: unknown, edited: boolean) => {
    if (message instanceof Api.MessageEmpty || !message.peerId) return;
    const mapped = mapTelegramMessage(message, directoryOf(entities));
    if (mapped) onChange({ kind: 'messages', chatKey: peerKeyOf(message.peerId), messages: [mapped], edited });
  };

  const handle = (update: unknown) => {
    if (isConnectionState(update)) {
      // Updates sent while the connection was down are lost to this listener: follow again from now.
      if (update.state !== 1) {
        sequence.reset();
        onChange({ kind: 'interrupted', where: 'all' });
      } else {
        deps.fetchState(signal).then((pts) => sequence.startCommon(pts), deps.onError);
      }
      return;
    }
    const entities = (update as { _entities?: unknown })._entities;
    if (update instanceof Api.UpdateNewMessage || update instanceof Api.UpdateEditMessage) {
      if (place(null, update.pts, update.ptsCount)) messageChange(update.message, entities, update instanceof Api.UpdateEditMessage);
    } else if (update instanceof Api.UpdateNewChannelMessage || update instanceof Api.UpdateEditChannelMessage) {
      const peer = update.message.peerId;
      if (!peer || place(peerKeyOf(peer), update.pts, update.ptsCount))
        messageChange(update.message, entities, update instanceof Api.UpdateEditChannelMessage);
    } else if (update instanceof Api.UpdateDeleteMessages) {
      if (place(null, update.pts, update.ptsCount)) onChange({ kind: 'deleted', ids: update.messages.map(String), where: COMMON_BOX });
    } else if (update instanceof Api.UpdateDeleteChannelMessages) {
      const chatKey = `channel${update.channelId.toString()}`;
      if (place(chatKey, update.pts, update.ptsCount)) onChange({ kind: 'deleted', ids: update.messages.map(String), where: { chatKey } });
    } else if (update instanceof Api.UpdateShortMessage || update instanceof Api.UpdateShortChatMessage) {
      // The short forms name nobody: the message is fetched whole (one request) before it is said.
      place(null, update.pts, update.ptsCount);
      const chatKey = update instanceof Api.UpdateShortMessage ? `user${update.userId.toString()}` : `chat${update.chatId.toString()}`;
      deps.fetchMessage(update.id, signal).then((message) => {
        if (message) onChange({ kind: 'messages', chatKey, messages: [message], edited: false });
      }, deps.onError);
    }
  };

  const listener = (update: unknown) => {
    try {
      handle(update);
    } catch (error) {
      deps.onError(error);
    }
  };
  const event = new Raw({});
  deps.client.addEventHandler(listener, event);
  signal.addEventListener('abort', () => deps.client.removeEventHandler(listener, event), { once: true });
}

function isConnectionState(update: unknown): update is { state: number } {
  return typeof update === 'object' && update !== null && update.constructor.name === 'UpdateConnectionState';
}

/** The users and chats an update came with (GramJS keeps them on the update as a map by id). */
function directoryOf(entities: unknown): TelegramDirectory {
  const values = entities instanceof Map ? [...(entities as Map<unknown, unknown>).values()] : [];
  return new TelegramDirectory(
    values.filter((value): value is Api.TypeUser => value instanceof Api.User || value instanceof Api.UserEmpty),
    values.filter(
      (value): value is Api.TypeChat =>
        value instanceof Api.Chat ||
        value instanceof Api.Channel ||
        value instanceof Api.ChatForbidden ||
        value instanceof Api.ChannelForbidden,
    ),
  );
}
