import { Api } from 'telegram';
import type { TelegramDirectory } from './TelegramDirectory.ts';

/** Readable lines for service messages ("Ana pinned a message"), by action, with a fallback for the rest. */
export function describeTelegramServiceAction(actor: string | null, action: Api.TypeMessageAction, directory: TelegramDirectory): { action: string; text: string } {
  const who = actor ?? 'Someone';
  const users = (ids: readonly { toString(): string }[]) => ids.map((id) => directory.nameOf(`user${id.toString()}`)).join(', ');
  const name = action.className.replace(/^MessageAction/, '');
  const key = name.charAt(0).toLowerCase() + name.slice(1);
  let text: string;
  if (action instanceof Api.MessageActionChatCreate) text = `${who} created the group “${action.title}”`;
  else if (action instanceof Api.MessageActionChannelCreate) text = `Channel “${action.title}” created`;
  else if (action instanceof Api.MessageActionChatEditTitle) text = `${who} changed the title to “${action.title}”`;
  else if (action instanceof Api.MessageActionChatEditPhoto) text = `${who} changed the group photo`;
  else if (action instanceof Api.MessageActionChatDeletePhoto) text = `${who} removed the group photo`;
  else if (action instanceof Api.MessageActionChatAddUser) text = `${who} added ${users(action.users)}`;
  else if (action instanceof Api.MessageActionChatDeleteUser) text = `${who} removed ${users([action.userId])}`;
  else if (action instanceof Api.MessageActionChatJoinedByLink || action instanceof Api.MessageActionChatJoinedByRequest) text = `${who} joined the group`;
  else if (action instanceof Api.MessageActionChatMigrateTo) text = `${who} upgraded the group to a supergroup`;
  else if (action instanceof Api.MessageActionChannelMigrateFrom) text = `Upgraded from the group “${action.title}”`;
  else if (action instanceof Api.MessageActionPinMessage) text = `${who} pinned a message`;
  else if (action instanceof Api.MessageActionHistoryClear) text = 'History cleared';
  else if (action instanceof Api.MessageActionPhoneCall) {
    const missed = action.reason instanceof Api.PhoneCallDiscardReasonMissed;
    text = `${missed ? 'Missed ' : ''}${action.video ? 'video call' : 'call'}${action.duration ? ` (${Math.round(action.duration / 60)} min)` : ''}`;
    text = text.charAt(0).toUpperCase() + text.slice(1);
  } else if (action instanceof Api.MessageActionScreenshotTaken) text = `${who} took a screenshot`;
  else if (action instanceof Api.MessageActionGroupCall) text = `${who} ${action.duration ? 'ended' : 'started'} a voice chat`;
  else if (action instanceof Api.MessageActionSetMessagesTTL) text = action.period ? `${who} set messages to auto-delete after ${Math.round(action.period / 86400)} days` : `${who} turned off auto-delete`;
  else if (action instanceof Api.MessageActionContactSignUp) text = `${who} joined Telegram`;
  else if (action instanceof Api.MessageActionCustomAction) text = action.message;
  else text = `${who}: ${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
  return { action: key, text };
}
