/** A link to one message in this archive: `scrollback://message?chat=12&id=345`. */

export interface MessageLinkTarget {
  chatId: number;
  messageId: string;
}

export function messageLinkOf(target: MessageLinkTarget): string {
  return `scrollback://message?chat=${target.chatId}&id=${encodeURIComponent(target.messageId)}`;
}

/** The message a `scrollback://message` link names, or null for any other text. */
export function parseMessageLink(text: string): MessageLinkTarget | null {
  // Parsed by hand: shared code runs where neither the DOM's nor Node's URL is declared.
  const match = /^scrollback:\/\/message\/?\?([^#\s]*)$/i.exec(text.trim());
  if (!match) return null;
  const params = new Map<string, string>();
  const [, query = ''] = match;
  for (const pair of query.split('&')) {
    const [key = '', value = ''] = pair.split('=', 2);
    try {
      params.set(key, decodeURIComponent(value));
    } catch {
      return null;
    }
  }
  const chatId = Number(params.get('chat'));
  const messageId = params.get('id');
  if (!Number.isSafeInteger(chatId) || chatId <= 0 || !messageId || messageId.length > 200) return null;
  return { chatId, messageId };
}
