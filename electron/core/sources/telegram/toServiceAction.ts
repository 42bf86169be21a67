import { Api } from 'telegram';
import type { ServiceAction } from '../../../../shared/serviceActions.ts';
import type { TelegramDirectory } from './TelegramDirectory.ts';

/** A Telegram service action in Scrollback's vocabulary (shared/serviceActions.ts), with what its line needs. */
export function toServiceAction(action: Api.TypeMessageAction, directory: TelegramDirectory): ServiceAction {
  const users = (ids: readonly { toString(): string }[]) => ids.map((id) => directory.nameOf(`user${id.toString()}`));
  if (action instanceof Api.MessageActionChatCreate) return { action: 'chatCreate', title: action.title };
  if (action instanceof Api.MessageActionChannelCreate) return { action: 'channelCreate', title: action.title };
  if (action instanceof Api.MessageActionChatEditTitle) return { action: 'titleChanged', title: action.title };
  if (action instanceof Api.MessageActionChatEditPhoto) return { action: 'photoChanged' };
  if (action instanceof Api.MessageActionChatDeletePhoto) return { action: 'photoRemoved' };
  if (action instanceof Api.MessageActionChatAddUser) return { action: 'membersAdded', members: users(action.users) };
  if (action instanceof Api.MessageActionChatDeleteUser) return { action: 'membersRemoved', members: users([action.userId]) };
  if (action instanceof Api.MessageActionChatJoinedByLink) return { action: 'joinedByLink' };
  if (action instanceof Api.MessageActionChatJoinedByRequest) return { action: 'joinedByRequest' };
  if (action instanceof Api.MessageActionChatMigrateTo) return { action: 'migrateToSupergroup' };
  if (action instanceof Api.MessageActionChannelMigrateFrom) return { action: 'migrateFromGroup', title: action.title };
  if (action instanceof Api.MessageActionPinMessage) return { action: 'pinMessage' };
  if (action instanceof Api.MessageActionTopicCreate) return { action: 'topicCreated', title: action.title };
  if (action instanceof Api.MessageActionTopicEdit) return { action: 'topicEdited', ...(action.title ? { title: action.title } : {}) };
  if (action instanceof Api.MessageActionHistoryClear) return { action: 'historyCleared' };
  if (action instanceof Api.MessageActionPhoneCall) {
    return {
      action: 'phoneCall',
      missed: action.reason instanceof Api.PhoneCallDiscardReasonMissed,
      video: action.video === true,
      ...(action.duration ? { durationS: action.duration } : {}),
    };
  }
  if (action instanceof Api.MessageActionScreenshotTaken) return { action: 'screenshotTaken' };
  if (action instanceof Api.MessageActionGroupCall)
    return { action: 'groupCall', ...(action.duration ? { durationS: action.duration } : {}) };
  if (action instanceof Api.MessageActionSetMessagesTTL) return { action: 'messagesTtlChanged', periodS: action.period };
  if (action instanceof Api.MessageActionContactSignUp) return { action: 'joinedTelegram' };
  if (action instanceof Api.MessageActionSetChatTheme) return { action: 'chatThemeChanged', detail: action.emoticon };
  if (action instanceof Api.MessageActionCustomAction) return { action: 'custom', detail: action.message };
  const name = action.className.replace(/^MessageAction/, '');
  return { action: 'other', sourceName: name.charAt(0).toLowerCase() + name.slice(1) };
}
