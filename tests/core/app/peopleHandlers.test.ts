import { afterEach, describe, expect, it } from 'vitest';
import type { ScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { dispatchIpcCall } from '../../../shared/ipc/dispatchIpcCall.ts';
import type { PersonDetails } from '../../../shared/ipc/contract.ts';
import type { Person } from '../../../shared/people.ts';
import { handlersFor } from '../../support/handlersFor.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
let core: ScrollbackCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** Calls a method as the window does: through the contract's validation, errors as data. */
async function call(method: string, input: unknown) {
  const unexpected: unknown[] = [];
  const result = await dispatchIpcCall(handlersFor(core!), method, input, (error) => unexpected.push(error), new AbortController().signal);
  expect(unexpected).toEqual([]);
  return result;
}

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('the window’s people calls', () => {
  it('finds the person behind a message, shows their chats, renames them; hides a chat from assistants; errors are data', async () => {
    core = await openTestCoreWithDemo(tempFolder());
    const family = core.listChats().find((chat) => chat.name.startsWith('Family'))!;
    const page = await value<{ messages: Array<{ id: string; out: boolean; senderId: string | null; senderName: string | null }> }>(
      'getHistoryPage',
      { chatId: family.id, anchor: { kind: 'latest' }, limit: 50 },
    );
    const message = page.messages.find((m) => !m.out && m.senderId !== null)!;
    const personId = await value<number | null>('findPersonOfMessage', { chatId: family.id, messageId: message.id });
    expect(personId).not.toBeNull();
    const person = await value<PersonDetails>('getPerson', { personId });
    expect(person.chats.map((chat) => chat.chatId)).toContain(family.id);
    expect(person.senders.map((sender) => sender.name)).toContain(message.senderName);

    const renamed = await value<Person>('renamePerson', { personId, name: 'Aunt Maria' });
    expect(renamed.name).toBe('Aunt Maria');
    expect((await value<Person[]>('listPeople', { text: 'aunt maria', limit: 10 })).map((p) => p.id)).toEqual([personId]);

    await value('setChatHiddenFromAssistants', { chatId: family.id, hidden: true });
    expect(core.chatIdsHiddenFromAssistants().has(family.id)).toBe(true);
    expect(core.listChats().find((chat) => chat.id === family.id)!.hiddenFromAssistants).toBe(true);
    await value('setChatHiddenFromAssistants', { chatId: family.id, hidden: false });
    expect(core.chatIdsHiddenFromAssistants().has(family.id)).toBe(false);

    expect(await call('findPersonOfMessage', { chatId: family.id, messageId: 'no-such-message' })).toEqual({ ok: true, value: null });
    expect(await call('getPerson', { personId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('getPerson', { personId: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('renamePerson', { personId, name: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('unlinkSender', { senderId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
