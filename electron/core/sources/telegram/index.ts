// The Telegram source: built from a GramJS client the caller constructs (tests replace its `invoke`).
export { createTelegramSource, type TelegramSourceOptions } from './createTelegramSource.ts';
export type { TelegramPeer } from './TelegramPeer.ts';
export { createTelegramLogin, type TelegramLogin, type TelegramLoginResult } from './createTelegramLogin.ts';
export { createTelegramSessionVault, type TelegramSession, type TelegramSessionVault } from './createTelegramSessionVault.ts';
export { endTelegramSession, newTelegramClient, whoAmI } from './telegramAccount.ts';
