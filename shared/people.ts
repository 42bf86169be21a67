/** One sender identity of a person: a sender as one source knows it. */
export interface PersonSender {
  /** The local sender's id. */
  id: number;
  name: string;
  sourceName: string;
  /** The user linked or unlinked it by hand; automatic linking leaves it where it is. */
  placedByUser: boolean;
  /** What proves who it is (`telegram:user:123`, `phone:+4915…`, `whatsapp:jid:…`); empty: its name alone. */
  identities: string[];
}

/** One person across every source and chat: the senders proved (or linked by the user) to be them. */
export interface Person {
  id: number;
  name: string;
  /** The account owner: every source's own messages. */
  me: boolean;
  /** Renamed by the user (otherwise the name of the first sender met). */
  namedByUser: boolean;
  senders: PersonSender[];
}
