import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatSummary } from '../../shared/domain.ts';
import {
  describeServiceAction,
  normaliseServiceAction,
  serviceActionKinds,
  serviceActionKindOf,
  telegramDesktopActionNames,
  type ServiceAction,
} from '../../shared/serviceActions.ts';
import { parseStoredJsonOr, storedServiceSchema } from '../../electron/core/cache/storedJson.ts';
import { createJsonExportWriter } from '../../electron/core/export/formats/createJsonExportWriter.ts';
import { toTelegramSourceMessage } from '../../electron/core/import/telegram/toTelegramSourceMessage.ts';

const chat: ChatSummary = {
  id: 1,
  sourceId: 'demo',
  sourceKind: 'demo',
  sourceName: 'Demo',
  name: 'Group',
  kind: 'group',
  messageCount: null,
  cachedCount: 0,
  lastMessageDate: null,
  oldestReached: true,
  avatar: null,
  keepMedia: false,
  keepCurrent: false,
  refreshedAt: null,
  changesSinceLook: null,
  lastMessage: null,
  pinned: false,
  archived: false,
  forum: false,
  hiddenFromAssistants: false,
};

function serviceMessage(id: number, service: ServiceAction): ChatMessage {
  return {
    id: String(id),
    chatId: 1,
    date: 1_700_000_000_000 + id * 1000,
    senderId: 'user1',
    senderName: 'Ana',
    out: false,
    text: describeServiceAction('Ana', service),
    entities: [],
    media: null,
    replyToId: null,
    forward: null,
    editDate: null,
    service,
    groupedId: null,
    views: null,
    reactions: [],
    deletedAt: null,
    earlierVersions: 0,
  };
}

describe('one vocabulary for service messages', () => {
  it('reads every Telegram Desktop name, every earlier stored name and our own kinds as one kind', () => {
    for (const [kind, name] of Object.entries(telegramDesktopActionNames)) expect(serviceActionKindOf(name)).toBe(kind);
    for (const kind of serviceActionKinds) expect(serviceActionKindOf(kind)).toBe(kind);
    expect(serviceActionKindOf('pin_message')).toBe('pinMessage');
    expect(serviceActionKindOf('chatEditTitle')).toBe('titleChanged');
    expect(serviceActionKindOf('memberAdded')).toBe('membersAdded');
    expect(normaliseServiceAction({ action: 'conference_call' })).toEqual({ action: 'other', sourceName: 'conference_call' });
  });

  it('translates what earlier versions stored when it is read from the cache', () => {
    expect(parseStoredJsonOr(storedServiceSchema, '{"action":"pin_message"}', null)).toEqual({ action: 'pinMessage' });
    expect(parseStoredJsonOr(storedServiceSchema, '{"action":"groupCreate"}', null)).toEqual({ action: 'chatCreate' });
    expect(parseStoredJsonOr(storedServiceSchema, '{"action":"pinMessage"}', null)).toEqual({ action: 'pinMessage' });
  });

  it('has a readable line for every kind, in one table', () => {
    for (const kind of serviceActionKinds)
      expect(describeServiceAction('Ana', { action: kind, title: 'T', members: ['Ben'], detail: 'x' }).length).toBeGreaterThan(0);
    expect(describeServiceAction('Ana', { action: 'membersAdded', members: ['Ana'] })).toBe('Ana joined the group');
    expect(describeServiceAction('Ana', { action: 'membersRemoved', members: ['Ben', 'Chen'] })).toBe('Ana removed Ben, Chen');
    expect(describeServiceAction(null, { action: 'phoneCall', missed: true, durationS: 0 })).toBe('Missed call');
  });

  it('the JSON export writes Telegram Desktop’s own action names, and reading it back gives the same kinds', () => {
    const services: ServiceAction[] = [
      { action: 'chatCreate', title: 'Group' },
      { action: 'pinMessage' },
      { action: 'titleChanged', title: 'Weekend' },
      { action: 'membersAdded', members: ['Ben'] },
      { action: 'phoneCall', durationS: 120, missed: true },
      { action: 'memberLeft' },
      { action: 'encryptionNotice' },
      { action: 'paymentSent', detail: '12.5 EUR' },
      { action: 'other', sourceName: 'conference_call' },
    ];
    let json = '';
    const writer = createJsonExportWriter((text) => (json += text));
    writer.begin(chat);
    services.forEach((service, index) => writer.message(serviceMessage(index + 1, service)));
    writer.end();
    const written = (JSON.parse(json) as { messages: Array<Record<string, unknown>> }).messages;
    expect(written.map((message) => message.action)).toEqual([
      'create_group',
      'pin_message',
      'edit_group_title',
      'invite_members',
      'phone_call',
      'custom_action',
      'custom_action',
      'send_payment',
      'conference_call',
    ]);
    const readBack = written.map((message, index) => toTelegramSourceMessage(message, index, () => `message ${index}`)?.service);
    expect(readBack).toEqual(services);
  });
});
