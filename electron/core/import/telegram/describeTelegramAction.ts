/** Readable lines for the service actions of a Telegram Desktop export ("Ana pinned a message"). */
const PHRASES: Record<string, (raw: Record<string, unknown>) => string> = {
  create_group: (raw) => `created the group “${str(raw.title)}”`,
  create_channel: (raw) => `created the channel “${str(raw.title)}”`,
  migrate_to_supergroup: () => 'upgraded the group to a supergroup',
  migrate_from_group: (raw) => `upgraded the group “${str(raw.title)}” to this supergroup`,
  invite_members: (raw) => `added ${list(raw.members)}`,
  remove_members: (raw) => `removed ${list(raw.members)}`,
  join_group_by_link: () => 'joined the group by invite link',
  join_group_by_request: () => 'was accepted into the group',
  edit_group_title: (raw) => `changed the title to “${str(raw.title)}”`,
  edit_group_photo: () => 'changed the group photo',
  delete_group_photo: () => 'removed the group photo',
  pin_message: () => 'pinned a message',
  clear_history: () => 'cleared the history',
  phone_call: (raw) => `${raw.discard_reason === 'missed' ? 'missed call' : 'call'}${typeof raw.duration_seconds === 'number' ? ` (${Math.round(raw.duration_seconds / 60)} min)` : ''}`,
  group_call: () => 'started a voice chat',
  take_screenshot: () => 'took a screenshot',
  joined_telegram: () => 'joined Telegram',
  set_messages_ttl: (raw) => (raw.period ? `set messages to auto-delete after ${formatPeriod(Number(raw.period))}` : 'turned off auto-delete'),
  edit_chat_theme: (raw) => `changed the chat theme to ${str(raw.emoticon)}`,
  score_in_game: (raw) => `scored ${str(raw.score)} in a game`,
  send_payment: (raw) => `paid ${str(raw.amount)} ${str(raw.currency)}`,
  custom_action: (raw) => str(raw.information_text),
};

export function describeTelegramAction(actor: string | null, action: string, raw: Record<string, unknown>): string {
  const phrase = PHRASES[action]?.(raw) ?? action.replace(/_/g, ' ');
  return actor ? `${actor} ${phrase}` : phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.map((member) => (member === null ? 'Deleted Account' : String(member))).join(', ') : '';
}

function formatPeriod(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hours`;
  return `${seconds} seconds`;
}
