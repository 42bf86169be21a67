import type { SourceKind } from '../../../shared/domain.ts';

/**
 * What proves who a sender is, as identity keys: two senders with a key in common are the same person,
 * whatever source or chat they were met in. Only keys a network assigns count — a Telegram user id, a phone
 * number, a WhatsApp JID or LID, a Discord user id; a display name is never one (two people share names).
 *
 * - `telegram:user:<id>`: live Telegram senders and Telegram Desktop JSON exports (`from_id` "user123") alike;
 * - `phone:+<digits>`: a Telegram contact's phone (from the source), a WhatsApp JID's number, an export's
 *   author written as a number;
 * - `whatsapp:jid:<jid>`, `whatsapp:lid:<id>`, `discord:user:<id>`.
 */
export function identitiesOfSender(sourceKind: SourceKind, key: string, fromSource: readonly string[] = []): string[] {
  const keys = new Set(fromSource);
  const telegram = /^(user|channel|chat)(\d+)$/.exec(key);
  if (telegram && (sourceKind === 'telegram' || sourceKind === 'import'))
    keys.add(`telegram:${telegram[1] === 'user' ? 'user' : 'channel'}:${telegram[2]}`);
  if (sourceKind === 'ryze') {
    const jid = /^(\d+)@s\.whatsapp\.net$/.exec(key);
    if (jid) {
      keys.add(`whatsapp:jid:${key}`);
      keys.add(`phone:+${jid[1]}`);
    }
    const lid = /^(\d+)@lid$/.exec(key);
    if (lid) keys.add(`whatsapp:lid:${lid[1]}`);
  }
  if (sourceKind === 'import') {
    const discord = /^discord:(\d+)$/.exec(key);
    if (discord) keys.add(`discord:user:${discord[1]}`);
    // A WhatsApp export names a sender not in the phone's contacts by number.
    const author = /^whatsapp:(.*)$/.exec(key);
    const phone = author ? phoneIdentity(author[1] ?? '') : null;
    if (phone) keys.add(phone);
  }
  return [...keys];
}

/** `phone:+<digits>` for text that is a phone number (a + or digits, spaces, dashes, dots, brackets; 7–15 digits). */
export function phoneIdentity(text: string): string | null {
  const trimmed = text.replace(/[\u200e\u200f\u202a-\u202e]/g, '').trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? `phone:+${digits}` : null;
}
