import type { SourceKind } from '../../../shared/domain.ts';
import type { Person, PersonSender } from '../../../shared/people.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { identitiesOfSender, phoneIdentity } from '../model/senderIdentities.ts';
import { foldForSearch } from '../text/foldForSearch.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';
import { assertWritable } from './cacheErrors.ts';
import { inWriteTransaction } from './transactions.ts';
import { translator } from '../i18n/createTranslator.ts';

function createPerson(db: WritableDB, name: string, me = false): number {
  return Number(cachedStatement(db, 'INSERT INTO people (name, me) VALUES (?, ?)').run(name, me ? 1 : 0).lastInsertRowid);
}

/** "You": the one person every source's own messages belong to, made on first need. */
function mePerson(db: WritableDB): number {
  const row = cachedStatement<[], { id: number }>(db, 'SELECT id FROM people WHERE me = 1 ORDER BY id LIMIT 1').get();
  return row?.id ?? createPerson(db, 'You', true);
}

function storeIdentities(db: WritableDB, senderId: number, identities: readonly string[]): void {
  const insert = cachedStatement(db, 'INSERT OR IGNORE INTO sender_identities (sender_id, identity) VALUES (?, ?)');
  for (const identity of identities) insert.run(senderId, identity);
}

/** The person another sender sharing one of these identities is in, if any. */
function personProvenBy(db: ReadableDB, senderId: number, identities: readonly string[]): number | null {
  if (identities.length === 0) return null;
  const row = cachedStatement<[string, number], { person_id: number }>(
    db,
    `SELECT ps.person_id FROM sender_identities si JOIN person_senders ps ON ps.sender_id = si.sender_id
     WHERE si.identity IN (SELECT value FROM json_each(?)) AND si.sender_id <> ? ORDER BY ps.person_id LIMIT 1`,
  ).get(JSON.stringify(identities), senderId);
  return row?.person_id ?? null;
}

/**
 * Places a sender met for the first time: in the person one of its identities proves it is (the same
 * Telegram user in a live chat and in an import, a contact's phone and a WhatsApp number), else in "you" when
 * it sent the account's own messages, else in a new person of its name.
 */
export function placeNewSender(
  db: WritableDB,
  sender: { id: number; name: string; sourceKind: SourceKind; key: string; fromSource?: readonly string[] | undefined },
  ownMessage: boolean,
): void {
  const identities = identitiesOfSender(sender.sourceKind, sender.key, sender.fromSource);
  storeIdentities(db, sender.id, identities);
  const proven = personProvenBy(db, sender.id, identities);
  let person = proven ?? (ownMessage ? mePerson(db) : createPerson(db, sender.name));
  if (ownMessage && proven !== null) {
    // The account's own sender met earlier where it was not known as the owner (an import of one chat): that
    // person is "you".
    person = mePerson(db);
    if (proven !== person) mergePeople(db, proven, person);
  }
  cachedStatement(db, 'INSERT OR IGNORE INTO person_senders (sender_id, person_id) VALUES (?, ?)').run(sender.id, person);
}

/**
 * Identities a source told later about a known sender (a phone learnt once it became a contact): stored; if one
 * proves the sender is in another person, the sender's whole person joins that one, unless the user placed it.
 */
export function addSenderIdentities(db: WritableDB, senderId: number, identities: readonly string[]): void {
  storeIdentities(db, senderId, identities);
  const own = cachedStatement<[number], { person_id: number; pinned: number }>(
    db,
    'SELECT person_id, pinned FROM person_senders WHERE sender_id = ?',
  ).get(senderId);
  const proven = personProvenBy(db, senderId, identities);
  if (!own || own.pinned === 1 || proven === null || proven === own.person_id) return;
  mergePeople(db, own.person_id, proven);
}

/** Moves every unpinned sender of `from` into `into`, and drops `from` if nothing is left in it. */
function mergePeople(db: WritableDB, from: number, into: number): void {
  cachedStatement(db, 'UPDATE person_senders SET person_id = ? WHERE person_id = ? AND pinned = 0').run(into, from);
  cachedStatement(db, 'DELETE FROM people WHERE id = ? AND NOT EXISTS (SELECT 1 FROM person_senders WHERE person_id = ?)').run(from, from);
}

/** Places every sender that has no person yet (an archive from before people, or senders written by an older version). */
export function placeUnplacedSenders(db: WritableDB): number {
  const own = new Set(
    cachedStatement<[], { sender_id: number }>(db, 'SELECT DISTINCT sender_id FROM messages WHERE out = 1 AND sender_id IS NOT NULL')
      .all()
      .map((row) => row.sender_id),
  );
  const unplaced = cachedStatement<[], { id: number; name: string; kind: SourceKind; source_key: string }>(
    db,
    `SELECT s.id, s.name, src.kind, s.source_key FROM senders s JOIN sources src ON src.id = s.source_id
     WHERE NOT EXISTS (SELECT 1 FROM person_senders ps WHERE ps.sender_id = s.id) ORDER BY s.id`,
  ).all();
  for (const sender of unplaced) {
    const fromSource = cachedStatement<[number], { identity: string }>(db, 'SELECT identity FROM sender_identities WHERE sender_id = ?')
      .all(sender.id)
      .map((row) => row.identity);
    placeNewSender(
      db,
      { id: sender.id, name: sender.name, sourceKind: sender.kind, key: sender.source_key, fromSource },
      own.has(sender.id),
    );
  }
  return unplaced.length;
}

interface PersonRow {
  id: number;
  name: string;
  me: number;
  named_by_user: number;
}

function sendersOf(db: ReadableDB, personId: number): PersonSender[] {
  return cachedStatement<
    [number],
    { id: number; name: string; source_name: string; source_key: string; pinned: number; identities: string }
  >(
    db,
    `SELECT s.id, s.name, src.name AS source_name, s.source_key, ps.pinned,
       (SELECT json_group_array(identity) FROM sender_identities si WHERE si.sender_id = s.id) AS identities
     FROM person_senders ps JOIN senders s ON s.id = ps.sender_id JOIN sources src ON src.id = s.source_id
     WHERE ps.person_id = ? ORDER BY s.id`,
  )
    .all(personId)
    .map((row) => ({
      id: row.id,
      name: row.name,
      sourceName: row.source_name,
      placedByUser: row.pinned === 1,
      identities: (JSON.parse(row.identities) as string[]).sort(),
    }));
}

function toPerson(db: ReadableDB, row: PersonRow): Person {
  return { id: row.id, name: row.name, me: row.me === 1, namedByUser: row.named_by_user === 1, senders: sendersOf(db, row.id) };
}

export function getPerson(db: ReadableDB, personId: number): Person {
  const row = cachedStatement<[number], PersonRow>(db, 'SELECT id, name, me, named_by_user FROM people WHERE id = ?').get(personId);
  if (!row) throw new ScrollbackError('NOT_FOUND', translator()('error.people.noPerson', { id: String(personId) }));
  return toPerson(db, row);
}

/** People whose name or a sender's name contains `text` (folded), "you" first, then by name; at most `limit`. */
export function listPeople(db: ReadableDB, text: string, limit: number): Person[] {
  const wanted = foldForSearch(text.trim());
  const rows = cachedStatement<[], PersonRow & { sender_names: string }>(
    db,
    `SELECT p.id, p.name, p.me, p.named_by_user,
       (SELECT group_concat(s.name, char(31)) FROM person_senders ps JOIN senders s ON s.id = ps.sender_id WHERE ps.person_id = p.id) AS sender_names
     FROM people p ORDER BY p.me DESC, p.name COLLATE NOCASE, p.id`,
  ).all();
  return rows
    .filter(
      (row) =>
        wanted === '' || [row.name, ...(row.sender_names ?? '').split('\u001f')].some((name) => foldForSearch(name).includes(wanted)),
    )
    .slice(0, limit)
    .map((row) => toPerson(db, row));
}

/** The person a sender is in. */
export function personOfSender(db: ReadableDB, senderId: number): number | null {
  return (
    cachedStatement<[number], { person_id: number }>(db, 'SELECT person_id FROM person_senders WHERE sender_id = ?').get(senderId)
      ?.person_id ?? null
  );
}

/**
 * The people a typed name means exactly: `person:<id>`, a person's name or one of its senders' names (folded,
 * whole), a @username or a phone number one of its senders is known by. Empty when it names nobody exactly.
 */
export function peopleNamedExactly(db: ReadableDB, text: string): number[] {
  const trimmed = text.trim();
  // `person:12`: the person the window's picker chose, whatever their name.
  const chosen = /^person:(\d+)$/.exec(trimmed);
  if (chosen)
    return cachedStatement<[number], { id: number }>(db, 'SELECT id FROM people WHERE id = ?')
      .all(Number(chosen[1]))
      .map((row) => row.id);
  const identities = [
    phoneIdentity(trimmed),
    /^@\w{3,}$/.test(trimmed) ? `username:telegram:${trimmed.slice(1).toLowerCase()}` : null,
  ].filter((identity): identity is string => identity !== null);
  const byIdentity = identities.length
    ? cachedStatement<[string], { person_id: number }>(
        db,
        `SELECT DISTINCT ps.person_id FROM sender_identities si JOIN person_senders ps ON ps.sender_id = si.sender_id
         WHERE si.identity IN (SELECT value FROM json_each(?))`,
      )
        .all(JSON.stringify(identities))
        .map((row) => row.person_id)
    : [];
  if (byIdentity.length > 0) return byIdentity;
  const wanted = foldForSearch(trimmed.replace(/^"|"$/g, ''));
  if (wanted === '') return [];
  const named = new Set<number>();
  for (const row of cachedStatement<[], { id: number; name: string }>(db, 'SELECT id, name FROM people').all())
    if (foldForSearch(row.name) === wanted) named.add(row.id);
  for (const row of cachedStatement<[], { person_id: number; name: string }>(
    db,
    'SELECT ps.person_id, s.name FROM person_senders ps JOIN senders s ON s.id = ps.sender_id',
  ).all())
    if (foldForSearch(row.name) === wanted) named.add(row.person_id);
  return [...named].sort((a, b) => a - b);
}

/** The local senders of these people, and whether "you" is among them (whose own messages count too). */
export function sendersOfPeople(db: ReadableDB, personIds: readonly number[]): { senderIds: number[]; includesMe: boolean } {
  const json = JSON.stringify(personIds);
  const senderIds = cachedStatement<[string], { sender_id: number }>(
    db,
    'SELECT sender_id FROM person_senders WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY sender_id',
  )
    .all(json)
    .map((row) => row.sender_id);
  const includesMe =
    cachedStatement<[string], { n: number }>(
      db,
      'SELECT count(*) AS n FROM people WHERE me = 1 AND id IN (SELECT value FROM json_each(?))',
    ).get(json)!.n > 0;
  return { senderIds, includesMe };
}

/**
 * People with the same name (folded) as this one but not linked to it: suggestions to link, never links.
 */
export function suggestedMatches(db: ReadableDB, personId: number): Person[] {
  const person = getPerson(db, personId);
  const names = new Set([person.name, ...person.senders.map((sender) => sender.name)].map(foldForSearch));
  return cachedStatement<[number], PersonRow>(db, 'SELECT id, name, me, named_by_user FROM people WHERE id <> ? ORDER BY id')
    .all(personId)
    .map((row) => toPerson(db, row))
    .filter((candidate) =>
      [candidate.name, ...candidate.senders.map((sender) => sender.name)].some((name) => names.has(foldForSearch(name))),
    );
}

/** The user links two people: every sender of `other` joins `personId`, placed by the user (kept by automatic linking). */
export function linkPeople(db: WritableDB, personId: number, other: number): void {
  assertWritable(db);
  getPerson(db, personId);
  getPerson(db, other);
  if (personId === other) return;
  inWriteTransaction(db, () => {
    cachedStatement(db, 'UPDATE person_senders SET person_id = ?, pinned = 1 WHERE person_id IN (?, ?)').run(personId, personId, other);
    cachedStatement(db, 'UPDATE people SET me = max(me, (SELECT me FROM people WHERE id = ?)) WHERE id = ?').run(other, personId);
    cachedStatement(db, 'DELETE FROM people WHERE id = ?').run(other);
  });
}

/** The user takes one sender out of its person: it becomes a person of its own, which automatic linking keeps apart. */
export function unlinkSender(db: WritableDB, senderId: number): number {
  assertWritable(db);
  const row = cachedStatement<[number], { person_id: number; name: string }>(
    db,
    'SELECT ps.person_id, s.name FROM person_senders ps JOIN senders s ON s.id = ps.sender_id WHERE ps.sender_id = ?',
  ).get(senderId);
  if (!row) throw new ScrollbackError('NOT_FOUND', translator()('error.people.noSender', { id: String(senderId) }));
  return inWriteTransaction(db, () => {
    const alone = createPerson(db, row.name);
    cachedStatement(db, 'UPDATE person_senders SET person_id = ?, pinned = 1 WHERE sender_id = ?').run(alone, senderId);
    // What stays behind is the user's placement too: a later identity must not pull the sender back in.
    cachedStatement(db, 'UPDATE person_senders SET pinned = 1 WHERE person_id = ?').run(row.person_id);
    return alone;
  });
}

export function renamePerson(db: WritableDB, personId: number, name: string): void {
  assertWritable(db);
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw new ScrollbackError('INVALID_INPUT', translator()('error.people.nameLength'));
  getPerson(db, personId);
  cachedStatement(db, 'UPDATE people SET name = ?, named_by_user = 1 WHERE id = ?').run(trimmed, personId);
}

/** A person's chats: each chat they wrote in, with their messages there, the first and the last. */
export function chatsOfPerson(
  db: ReadableDB,
  personId: number,
): Array<{ chatId: number; chatName: string; messages: number; first: number; last: number }> {
  const { senderIds, includesMe } = sendersOfPeople(db, [personId]);
  return cachedStatement<[string, number], { chat_id: number; chat_name: string; messages: number; first: number; last: number }>(
    db,
    `SELECT m.chat_id, c.name AS chat_name, count(*) AS messages, min(m.date) AS first, max(m.date) AS last
     FROM messages m JOIN chats c ON c.id = m.chat_id
     WHERE m.sender_id IN (SELECT value FROM json_each(?)) OR (? = 1 AND m.out = 1)
     GROUP BY m.chat_id ORDER BY last DESC`,
  )
    .all(JSON.stringify(senderIds), includesMe ? 1 : 0)
    .map((row) => ({ chatId: row.chat_id, chatName: row.chat_name, messages: row.messages, first: row.first, last: row.last }));
}

/** Senders whose every message is in these chats (so known only there): what a chat hidden from assistants would reveal. */
export function senderIdsOnlyInChats(db: ReadableDB, chatIds: readonly number[]): Set<number> {
  if (chatIds.length === 0) return new Set();
  const rows = cachedStatement<[string, string], { sender_id: number }>(
    db,
    `SELECT DISTINCT m.sender_id FROM messages m
     WHERE m.chat_id IN (SELECT value FROM json_each(?)) AND m.sender_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM messages o WHERE o.sender_id = m.sender_id AND o.chat_id NOT IN (SELECT value FROM json_each(?)))`,
  ).all(JSON.stringify(chatIds), JSON.stringify(chatIds));
  return new Set(rows.map((row) => row.sender_id));
}
