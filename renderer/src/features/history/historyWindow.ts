/** Where a history window opens. Each jump is a new window (and a fresh virtualizer). */
export type WindowTarget = { kind: 'latest' } | { kind: 'aroundDate'; date: number } | { kind: 'aroundMessage'; messageId: string };

/** The oldest instant the contract accepts: a window around it opens at the chat's first message. */
export const BEGINNING_OF_TIME = -62_135_596_800_000;

export const HISTORY_PAGE_SIZE = 60;
/** Pages kept in memory; fetching one more in either direction drops one at the far end. */
export const MAX_PAGES = 8;

export function windowKeyOf(target: WindowTarget, nonce: number): string {
  switch (target.kind) {
    case 'latest':
      return `latest:${nonce}`;
    case 'aroundDate':
      return `date:${target.date}:${nonce}`;
    case 'aroundMessage':
      return `message:${target.messageId}:${nonce}`;
  }
}
