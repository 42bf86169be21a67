import { ScrollbackError } from '../../../../shared/errors.ts';
import type { ChatKind } from '../../../../shared/domain.ts';
import { translator } from '../../i18n/createTranslator.ts';

/**
 * A chat as the user names it: a phone number (digits, spaces, +, dashes) or a JID — private
 * (`@s.whatsapp.net`, `@lid`), group (`@g.us`) or newsletter (`@newsletter`).
 */
export function parseWhatsAppChat(input: string): { jid: string; kind: ChatKind; name: string } {
  const text = input.trim();
  const digits = text.replace(/[\s+()-]/g, '');
  if (/^\d{6,18}$/.test(digits)) return { jid: `${digits}@s.whatsapp.net`, kind: 'private', name: `+${digits}` };
  if (/^\d{6,18}@s\.whatsapp\.net$/.test(text)) return { jid: text, kind: 'private', name: `+${text.split('@')[0]}` };
  if (/^\d{6,20}@lid$/.test(text)) return { jid: text, kind: 'private', name: text };
  if (/^[\d-]{6,40}@g\.us$/.test(text)) return { jid: text, kind: 'group', name: `Group ${text.split('@')[0]}` };
  if (/^[\w.-]{3,60}@newsletter$/.test(text)) return { jid: text, kind: 'channel', name: `Channel ${text.split('@')[0]}` };
  throw new ScrollbackError('INVALID_INPUT', translator()('error.ryze.badChat', { text: text.slice(0, 60) }));
}
