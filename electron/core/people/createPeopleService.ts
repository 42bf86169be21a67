import type { Person } from '../../../shared/people.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import {
  chatsOfPerson,
  getPerson,
  linkPeople,
  listPeople,
  peopleNamedExactly,
  renamePerson,
  senderIdsOnlyInChats,
  suggestedMatches,
  unlinkSender,
} from '../cache/peopleQueries.ts';

/** A person with where they wrote and who else might be them. */
export interface PersonDetails extends Person {
  /** Each chat they wrote in (their own messages there, the first and the last), most recent first. */
  chats: Array<{ chatId: number; chatName: string; messages: number; first: number; last: number }>;
  /** People of the same name not linked to them: suggestions for the user, never links. */
  suggestions: Person[];
}

/**
 * People across sources: senders proved to be the same (a Telegram user id, a phone, a WhatsApp JID) are one
 * person as they are stored (cache/peopleQueries.ts); here the user reads, links, unlinks and renames them.
 */
export interface PeopleService {
  listPeople(text: string, limit: number): Person[];
  getPerson(personId: number): PersonDetails;
  /** The people a typed name, @username or phone means exactly (empty: none). */
  peopleNamed(text: string): Person[];
  link(personId: number, otherPersonId: number): Person;
  /** Takes a sender out of its person into a person of its own; returns the new person. */
  unlink(senderId: number): Person;
  rename(personId: number, name: string): Person;
  /** Senders met only in these chats: what would tell of a chat hidden from assistants. */
  sendersOnlyInChats(chatIds: readonly number[]): ReadonlySet<number>;
}

export function createPeopleService(db: WritableDB): PeopleService {
  return {
    listPeople: (text, limit) => listPeople(db, text, limit),
    getPerson: (personId) => ({
      ...getPerson(db, personId),
      chats: chatsOfPerson(db, personId),
      suggestions: suggestedMatches(db, personId),
    }),
    peopleNamed: (text) => peopleNamedExactly(db, text).map((personId) => getPerson(db, personId)),
    link(personId, otherPersonId) {
      linkPeople(db, personId, otherPersonId);
      return getPerson(db, personId);
    },
    unlink: (senderId) => getPerson(db, unlinkSender(db, senderId)),
    rename(personId, name) {
      renamePerson(db, personId, name);
      return getPerson(db, personId);
    },
    sendersOnlyInChats: (chatIds) => senderIdsOnlyInChats(db, chatIds),
  };
}
