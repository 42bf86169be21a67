// The Telegram source: built from a GramJS client the caller constructs (tests replace its `invoke`).
export { createTelegramSource, type TelegramSourceOptions } from './createTelegramSource.ts';
export type { TelegramPeer } from './TelegramPeer.ts';
