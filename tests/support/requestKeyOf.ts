import { Api } from 'telegram';

/** A Telegram request as a line that is the same for the same question (to count requests asked again). */
export function requestKeyOf(request: unknown): string {
  const inner = request instanceof Api.InvokeWithTakeout ? request.query : request;
  if (inner instanceof Api.messages.GetHistory)
    return `GetHistory ${JSON.stringify(inner.peer, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))} ${inner.offsetId} ${inner.offsetDate} ${inner.addOffset} ${inner.limit}`;
  if (inner instanceof Api.messages.GetDialogs) return `GetDialogs ${inner.offsetDate} ${inner.offsetId} ${inner.excludePinned === true}`;
  if (inner instanceof Api.upload.GetFile)
    return `GetFile ${JSON.stringify(inner.location.toJSON())} ${inner.offset.toString()} ${inner.limit}`;
  if (inner instanceof Api.channels.GetLeftChannels) return `GetLeftChannels ${inner.offset}`;
  const name = inner && typeof inner === 'object' && 'className' in inner ? String(inner.className) : 'unknown';
  return `${name} ${JSON.stringify(inner, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}`;
}
