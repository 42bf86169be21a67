import { isServiceActionKind, serviceActionKindOf, type ServiceAction } from '../../../../shared/serviceActions.ts';

type Raw = Record<string, unknown>;

/**
 * A Telegram Desktop export's service message (`"action": "pin_message"` and its fields) in Scrollback's
 * vocabulary. Scrollback's own JSON export writes kinds Telegram Desktop has no name for as
 * `custom_action` with `scrollback_action`, which is read back here.
 */
export function toTelegramDesktopServiceAction(message: Raw): ServiceAction {
  const name = typeof message.action === 'string' ? message.action : 'unknown';
  const own =
    typeof message.scrollback_action === 'string' && isServiceActionKind(message.scrollback_action) ? message.scrollback_action : null;
  const kind = own ?? serviceActionKindOf(name);
  const service: ServiceAction = { action: kind };
  if (kind === 'other') service.sourceName = name;
  if (typeof message.title === 'string') service.title = message.title;
  // A topic's new name (topic_edit) is `new_title`.
  if (typeof message.new_title === 'string' && message.new_title !== '') service.title = message.new_title;
  if (Array.isArray(message.members))
    service.members = message.members.map((member) => (member === null ? 'Deleted Account' : String(member)));
  if (typeof message.duration_seconds === 'number') service.durationS = message.duration_seconds;
  if (typeof message.duration === 'number') service.durationS = message.duration;
  if (typeof message.period === 'number') service.periodS = message.period;
  if (message.discard_reason === 'missed') service.missed = true;
  const detail =
    kind === 'chatThemeChanged'
      ? message.emoticon
      : kind === 'gameScore'
        ? message.score
        : kind === 'paymentSent'
          ? [message.amount, message.currency].filter((part) => part !== undefined).join(' ')
          : message.information_text;
  if (detail !== undefined && detail !== null && detail !== '') service.detail = String(detail);
  return service;
}
