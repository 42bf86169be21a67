/**
 * One vocabulary for service messages ("Ana pinned a message"), whatever the source called them: every
 * mapper (Telegram, Telegram Desktop exports, WhatsApp exports, the demo) translates into these kinds, one
 * phrasing table turns them into text, and the JSON export writes Telegram Desktop's own names.
 */
export const serviceActionKinds = [
  'chatCreate',
  'channelCreate',
  'migrateToSupergroup',
  'migrateFromGroup',
  'membersAdded',
  'membersRemoved',
  'memberJoined',
  'memberLeft',
  'joinedByLink',
  'joinedByRequest',
  'titleChanged',
  'photoChanged',
  'photoRemoved',
  'pinMessage',
  'topicCreated',
  'topicEdited',
  'historyCleared',
  'phoneCall',
  'groupCall',
  'screenshotTaken',
  'joinedTelegram',
  'messagesTtlChanged',
  'chatThemeChanged',
  'gameScore',
  'paymentSent',
  'encryptionNotice',
  'securityCodeChanged',
  'numberChanged',
  'messageDeleted',
  'custom',
  'other',
] as const;

export type ServiceActionKind = (typeof serviceActionKinds)[number];

export interface ServiceAction {
  action: ServiceActionKind;
  /** A group's or channel's title (created, renamed, migrated). */
  title?: string;
  /** Who was added or removed, by name. */
  members?: string[];
  durationS?: number;
  /** Auto-delete period; 0 turns it off. */
  periodS?: number;
  missed?: boolean;
  video?: boolean;
  /** A theme's emoji, a game's score, a payment's "12.50 EUR", a custom action's own text. */
  detail?: string;
  /** The source's own name for an action with no kind here (`other`), kept so nothing is lost. */
  sourceName?: string;
}

const kindSet = new Set<string>(serviceActionKinds);

export function isServiceActionKind(name: string): name is ServiceActionKind {
  return kindSet.has(name);
}

/** Telegram Desktop's JSON export names, both ways. Kinds it has no name for are written as custom_action. */
export const telegramDesktopActionNames: Partial<Record<ServiceActionKind, string>> = {
  chatCreate: 'create_group',
  channelCreate: 'create_channel',
  migrateToSupergroup: 'migrate_to_supergroup',
  migrateFromGroup: 'migrate_from_group',
  membersAdded: 'invite_members',
  membersRemoved: 'remove_members',
  joinedByLink: 'join_group_by_link',
  joinedByRequest: 'join_group_by_request',
  titleChanged: 'edit_group_title',
  photoChanged: 'edit_group_photo',
  photoRemoved: 'delete_group_photo',
  pinMessage: 'pin_message',
  topicCreated: 'topic_created',
  topicEdited: 'topic_edit',
  historyCleared: 'clear_history',
  phoneCall: 'phone_call',
  groupCall: 'group_call',
  screenshotTaken: 'take_screenshot',
  joinedTelegram: 'joined_telegram',
  messagesTtlChanged: 'set_messages_ttl',
  chatThemeChanged: 'edit_chat_theme',
  gameScore: 'score_in_game',
  paymentSent: 'send_payment',
  custom: 'custom_action',
};

const fromTelegramDesktop = new Map(
  serviceActionKinds.flatMap((kind) => {
    const name = telegramDesktopActionNames[kind];
    return name === undefined ? [] : [[name, kind] as const];
  }),
);

/** Names earlier versions stored, before there was one vocabulary. */
const legacyNames: Record<string, ServiceActionKind> = {
  chatEditTitle: 'titleChanged',
  chatEditPhoto: 'photoChanged',
  chatDeletePhoto: 'photoRemoved',
  chatAddUser: 'membersAdded',
  chatDeleteUser: 'membersRemoved',
  chatJoinedByLink: 'joinedByLink',
  chatJoinedByRequest: 'joinedByRequest',
  chatMigrateTo: 'migrateToSupergroup',
  channelMigrateFrom: 'migrateFromGroup',
  historyClear: 'historyCleared',
  screenshotTaken: 'screenshotTaken',
  setMessagesTTL: 'messagesTtlChanged',
  contactSignUp: 'joinedTelegram',
  customAction: 'custom',
  chatJoined: 'memberJoined',
  chatLeft: 'memberLeft',
  groupCreate: 'chatCreate',
  titleChange: 'titleChanged',
  photoChange: 'photoChanged',
  memberAdded: 'membersAdded',
  memberRemoved: 'membersRemoved',
  securityCodeChange: 'securityCodeChanged',
  numberChange: 'numberChanged',
};

/** The kind for any name a source or an earlier version used: ours, Telegram Desktop's, or a legacy one. */
export function serviceActionKindOf(name: string): ServiceActionKind {
  if (isServiceActionKind(name)) return name;
  return fromTelegramDesktop.get(name) ?? legacyNames[name] ?? 'other';
}

/** A stored or imported action in this vocabulary; a name it has no kind for is kept as `sourceName`. */
export function normaliseServiceAction(stored: { action: string } & Omit<Partial<ServiceAction>, 'action'>): ServiceAction {
  const kind = serviceActionKindOf(stored.action);
  return kind === 'other' && stored.action !== 'other'
    ? { ...stored, action: 'other', sourceName: stored.sourceName ?? stored.action }
    : { ...stored, action: kind };
}

/** The one phrasing table: the readable line of a service message ("Ana pinned a message"). */
export function describeServiceAction(actor: string | null, service: ServiceAction): string {
  const who = actor ?? 'Someone';
  const members = service.members ?? [];
  const self = members.length === 1 && actor !== null && members[0] === actor;
  const title = service.title ?? '';
  switch (service.action) {
    case 'chatCreate':
      return `${who} created the group “${title}”`;
    case 'channelCreate':
      return `Channel “${title}” created`;
    case 'migrateToSupergroup':
      return `${who} upgraded the group to a supergroup`;
    case 'migrateFromGroup':
      return `Upgraded from the group “${title}”`;
    case 'membersAdded':
      return self ? `${who} joined the group` : `${who} added ${members.join(', ') || 'members'}`;
    case 'membersRemoved':
      return self ? `${who} left the group` : `${who} removed ${members.join(', ') || 'members'}`;
    case 'memberJoined':
      return `${who} joined the group`;
    case 'memberLeft':
      return `${who} left the group`;
    case 'joinedByLink':
      return `${who} joined the group by invite link`;
    case 'joinedByRequest':
      return `${who} was accepted into the group`;
    case 'titleChanged':
      return `${who} changed the title to “${title}”`;
    case 'photoChanged':
      return `${who} changed the group photo`;
    case 'photoRemoved':
      return `${who} removed the group photo`;
    case 'pinMessage':
      return `${who} pinned a message`;
    case 'topicCreated':
      return `${who} created the topic «${title}»`;
    case 'topicEdited':
      return title ? `${who} renamed the topic to «${title}»` : `${who} changed the topic`;
    case 'historyCleared':
      return 'History cleared';
    case 'phoneCall': {
      const call = `${service.missed ? 'Missed ' : ''}${service.video ? 'video call' : 'call'}${service.durationS ? ` (${Math.max(1, Math.round(service.durationS / 60))} min)` : ''}`;
      return call.charAt(0).toUpperCase() + call.slice(1);
    }
    case 'groupCall':
      return `${who} ${service.durationS ? 'ended' : 'started'} a voice chat`;
    case 'screenshotTaken':
      return `${who} took a screenshot`;
    case 'joinedTelegram':
      return `${who} joined Telegram`;
    case 'messagesTtlChanged':
      return service.periodS
        ? `${who} set messages to auto-delete after ${formatPeriod(service.periodS)}`
        : `${who} turned off auto-delete`;
    case 'chatThemeChanged':
      return `${who} changed the chat theme to ${service.detail ?? ''}`.trimEnd();
    case 'gameScore':
      return `${who} scored ${service.detail ?? ''} in a game`;
    case 'paymentSent':
      return `${who} paid ${service.detail ?? ''}`.trimEnd();
    case 'encryptionNotice':
      return 'Messages are end-to-end encrypted';
    case 'securityCodeChanged':
      return `${who}'s security code changed`;
    case 'numberChanged':
      return `${who} changed their phone number`;
    case 'messageDeleted':
      return 'This message was deleted';
    case 'custom':
      return service.detail ?? '';
    case 'other':
      return `${who}: ${(service.sourceName ?? 'service message')
        .replace(/_/g, ' ')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()}`;
  }
}

function formatPeriod(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hours`;
  return `${seconds} seconds`;
}
