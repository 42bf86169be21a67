import type { IpcHandlers } from '../../../shared/ipc/contract.ts';
import { personOfMessage } from '../people/personOfMessage.ts';
import { databaseOf } from './databaseOf.ts';
import type { ScrollbackCore } from './ScrollbackCore.ts';

/** The window's person view (one person across sources: link, unlink, rename) and a chat's "hide from AI assistants". */
export function createPeopleHandlers(
  core: ScrollbackCore,
): Pick<
  IpcHandlers,
  'listPeople' | 'getPerson' | 'findPersonOfMessage' | 'linkPeople' | 'unlinkSender' | 'renamePerson' | 'setChatHiddenFromAssistants'
> {
  return {
    listPeople: ({ text, limit }) => core.people.listPeople(text, limit),
    getPerson: ({ personId }) => core.people.getPerson(personId),
    findPersonOfMessage: ({ chatId, messageId }) => personOfMessage(databaseOf(core), chatId, messageId),
    linkPeople: ({ personId, otherPersonId }) => core.people.link(personId, otherPersonId),
    unlinkSender: ({ senderId }) => core.people.unlink(senderId),
    renamePerson: ({ personId, name }) => core.people.rename(personId, name),
    setChatHiddenFromAssistants: ({ chatId, hidden }) => core.setChatHiddenFromAssistants(chatId, hidden),
  };
}
