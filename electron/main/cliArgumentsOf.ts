/**
 * The command-line arguments when the app binary is run as the `scrollback` command (`scrollback chats`,
 * `scrollback export …`), else null for the window. The packed app has RunAsNode off, so the installed
 * command is the app binary itself: a first argument that is a bare word is a sub-command; nothing, a
 * Chromium or OS switch (`--no-sandbox`, macOS's `-psn_…`) or a `scrollback://` link opens the window.
 */
export function cliArgumentsOf(argv: readonly string[], isPackaged: boolean): string[] | null {
  // Packed: [binary, ...arguments]; from a checkout: [electron, appFolder, ...arguments].
  const rest = argv.slice(isPackaged ? 1 : 2);
  const first = rest[0];
  if (first === undefined) return null;
  if (first === '--help' || first === '-h') return rest;
  return /^[a-z][a-z-]*$/.test(first) ? rest : null;
}
