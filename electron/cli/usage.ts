import { exportFormats } from '../core/export/exportFormats.ts';
import { importFormatInfos } from '../core/import/importFormats.ts';
import { backupUsage } from './commands/backupCommand.ts';
import { importUsage } from './commands/importCommand.ts';
import { mcpUsage } from './commands/mcpCommand.ts';
import { peopleUsage } from './commands/peopleCommand.ts';
import { sourceCommands } from './sourceCommands.ts';

const sourceCommandsUsage = sourceCommands.map((command) => command.usage).join('\n');

/**
 * `scrollback --help`. Its own module, loaded only to print it: the registries it lists (import and export
 * formats, each source kind's commands) cost more to load than a whole read.
 */
export const USAGE = `Usage: scrollback [--db PATH] <command> [options]

Commands:
  demo                          add the built-in demo archive (4 chats, one of 1,000,000 messages)
  chats [--json]                list chats with their ids
  history <chat> [--before ID | --after ID | --around DATE] [--limit N] [--json | --ndjson]
                                print a page of a chat, oldest first (default: the newest 50);
                                --ndjson streams any number (default: all), one JSON message a line,
                                newest first (with --after: oldest first)
  search <chat> | --all [--from DATE] [--to DATE] [--query TEXT] [--sender NAME] [--type KIND[,KIND]]
         [--limit N] [--oldest] [--earlier-versions] [--json | --ndjson]
                                messages matching all the given filters, newest first; --from and --to
                                days are whole local days, inclusive; KIND is text, photo, video, voice,
                                file, link, poll or service; --ndjson streams every match (or --limit N);
                                --earlier-versions: words also match edited messages' earlier text
${sourceCommandsUsage}
${importUsage(importFormatInfos())}
  export <chat> --out PATH [--format ${exportFormats.map((format) => format.id).join('|')}] [--from DATE] [--to DATE] [--query TEXT]
         [--no-service] [--bom]
                                write the chat (or those days, or what the query matches) to a file;
                                missing messages are downloaded first; the file appears only when complete
  export --all --out DIR [--format json|html] [--media all|local|thumbnails|none]
                                every chat of every source into one new folder in Telegram Desktop's
                                whole-account layout, with manifest.sha256; --media all fetches missing
                                files first, local (the default) copies what is on this computer
  sync <chat> [--from DATE] [--to DATE] [--json]
                                download the chat (or those days) into the cache, with progress on
                                stderr; Ctrl+C stops it, and running it again continues where it stopped
  sync [<chat>] --watch [--every MINUTES] [--json]
                                keep the chat (or every chat kept up to date) current until Ctrl+C: live
                                Telegram updates as they come, and a refresh now and every MINUTES (15):
                                the newest messages and a re-check of the last 7 days for edits and
                                deletions (kept, marked); one line per change
${backupUsage}
  changes [<chat>] [--since DATE] [--limit N] [--json]
                                what changed on this computer since DATE (default: the last 24 hours):
                                new messages, edits seen (earlier text kept), deletions found at the source
  recover [--json]              copy what can be read of a damaged cache into a fresh one (run with the app
                                closed); the damaged file is kept beside it
${mcpUsage}
${peopleUsage}

<chat> is an id from \`scrollback chats\` or a chat's exact name. DATE is YYYY-MM-DD (a local day) or an
ISO timestamp (2021-06-01T14:30, 2021-06-01T14:30:00Z).
The cache is SCROLLBACK_DB, or --db PATH, or the user-data folder (e.g. ~/.config/Scrollback/scrollback.db).`;
