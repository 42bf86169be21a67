/** Who the app is to the operating system and where it is published: one place for the packer and main. */

/** The id the OS knows the app by: macOS bundle id, Windows AppUserModelID (notifications, taskbar). */
export const APP_ID = 'app.scrollback.desktop';

export const PRODUCT_NAME = 'Scrollback';

/** The GitHub repository whose Releases carry the installers and update metadata, and whose issues take reports. */
export const RELEASES_REPOSITORY = { owner: 'scrollback-app', repo: 'scrollback' } as const;

/** The "new issue" page of the repository, with a title and body filled in (Help → Report a problem). */
export function newIssueUrl(title: string, body: string): string {
  const { owner, repo } = RELEASES_REPOSITORY;
  // shared/ has no URLSearchParams (no DOM or Node types); encodeURIComponent is the language's own.
  return `https://github.com/${owner}/${repo}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
}
