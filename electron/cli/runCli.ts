import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ScrollbackError } from '../../shared/errors.ts';
import { createCliLogger, type CliLogger } from './createCliLogger.ts';
import { nameThisProgram } from '../core/cache/writerNotes.ts';
import { openScrollbackCore, type ScrollbackCore } from '../core/app/openScrollbackCore.ts';
import { resolveDatabasePath } from '../core/app/resolveDatabasePath.ts';
import type { CliContext } from './CliContext.ts';
import { CliUsageError } from './CliUsageError.ts';
import { commandsInUsage, usageOfCommand } from './commandUsage.ts';
import { translator } from '../core/i18n/createTranslator.ts';
import { createsArchive, noArchiveError } from './createsArchive.ts';
import { chatsCommand } from './commands/chatsCommand.ts';
import { demoCommand } from './commands/demoCommand.ts';
import { historyCommand } from './commands/historyCommand.ts';
import { searchCommand } from './commands/searchCommand.ts';
import { syncCommand } from './commands/syncCommand.ts';
import { watchCommand } from './commands/watchCommand.ts';
import { changesCommand } from './commands/changesCommand.ts';
import { importCommand, importUsage } from './commands/importCommand.ts';
import { importFormatInfos } from '../core/import/importFormats.ts';
import { exportCommand } from './commands/exportCommand.ts';
import { exportFormats } from '../core/export/exportFormats.ts';
import { recoverCommand } from './commands/recoverCommand.ts';
import { mcpCommand, mcpUsage } from './commands/mcpCommand.ts';
import { peopleCommand, peopleUsage } from './commands/peopleCommand.ts';
import { backupCommand, backupUsage } from './commands/backupCommand.ts';
import { createSourceProviders } from '../core/sources/allSourceProviders.ts';
import { createEnvironmentSecretStore } from './createEnvironmentSecretStore.ts';

/** The subcommands of each source kind (`scrollback ryze …`, `scrollback telegram …`), from its provider. */
const sourceCommands = Object.values(createSourceProviders()).flatMap((provider) => (provider.cli ? [provider.cli] : []));
const sourceCommandsUsage = sourceCommands.map((command) => command.usage).join('\n');

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

const commandOptions: Record<string, string[]> = {
  demo: ['json'],
  chats: ['json'],
  history: ['json', 'ndjson', 'before', 'after', 'around', 'limit'],
  search: ['json', 'ndjson', 'all', 'from', 'to', 'query', 'sender', 'type', 'limit', 'oldest', 'earlier-versions'],
  sync: ['json', 'from', 'to', 'watch', 'every'],
  changes: ['json', 'since', 'limit'],
  backup: ['json', 'kinds', 'media', 'watch'],
  recover: ['json'],
  mcp: ['json'],
  people: ['json'],
  import: ['json', 'tz'],
  telegram: ['json'],
  export: ['json', 'format', 'from', 'to', 'query', 'out', 'no-service', 'bom', 'all', 'media'],
  ...Object.fromEntries(sourceCommands.map((command) => [command.name, [...command.options]])),
};

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failed, 2 called wrongly. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let core: ScrollbackCore | null = null;
  let logger: CliLogger | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        ndjson: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        before: { type: 'string' },
        after: { type: 'string' },
        around: { type: 'string' },
        limit: { type: 'string' },
        all: { type: 'boolean' },
        from: { type: 'string' },
        to: { type: 'string' },
        query: { type: 'string' },
        sender: { type: 'string' },
        type: { type: 'string' },
        oldest: { type: 'boolean' },
        instance: { type: 'string' },
        'base-url': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'no-service': { type: 'boolean' },
        bom: { type: 'boolean' },
        watch: { type: 'boolean' },
        since: { type: 'string' },
        'earlier-versions': { type: 'boolean' },
        every: { type: 'string' },
        tz: { type: 'string' },
        media: { type: 'string' },
        kinds: { type: 'string' },
      },
    });
    const [command, ...rest] = positionals;
    if (command === undefined || (command === 'help' && rest.length === 0)) {
      io.stdout(`${USAGE}\n`);
      return command === undefined && !values.help ? 2 : 0;
    }
    // `scrollback help <command>` and `<command> --help`: that command's lines of the usage, and the notes.
    if (values.help || command === 'help') {
      const named = command === 'help' ? (rest[0] ?? '') : command;
      const usage = usageOfCommand(USAGE, named);
      if (usage === null)
        throw new CliUsageError(translator()('cli.help.unknownCommand', { command: named, commands: commandsInUsage(USAGE).join(', ') }));
      io.stdout(`${usage}\n`);
      return 0;
    }
    const allowed = commandOptions[command];
    if (!allowed) throw new CliUsageError(`Unknown command “${command}”.`);
    for (const name of Object.keys(values)) {
      if (name !== 'db' && name !== 'help' && !allowed.includes(name)) throw new CliUsageError(`${command} does not take --${name}.`);
    }
    const databasePath = resolveDatabasePath({ flag: values.db, env: io.env });
    // Named in the note a long write leaves, so another process that finds the archive locked can say by whom.
    nameThisProgram(`scrollback ${command}`);
    const cliLogger = (logger = createCliLogger(databasePath));
    const context: CliContext = {
      json: values.json === true,
      databasePath,
      core: () => {
        // A command that reads never leaves an empty archive behind where there was none.
        if (core === null && !createsArchive(command, sourceCommands) && !existsSync(databasePath)) throw noArchiveError(databasePath);
        core ??= openScrollbackCore({
          databasePath,
          logger: cliLogger,
          // The command line stores no credentials: each kind reads its own from the environment.
          secrets: createEnvironmentSecretStore(io.env, () => Object.values(core?.providers ?? {})),
        });
        return core;
      },
      out: (line) => io.stdout(`${line}\n`),
      err: (line) => io.stderr(`${line}\n`),
    };
    switch (command) {
      case 'demo':
        expectNoMore(command, rest);
        await demoCommand(context);
        break;
      case 'chats':
        expectNoMore(command, rest);
        chatsCommand(context);
        break;
      case 'history':
        expectNoMore(command, rest.slice(1));
        await historyCommand(context, rest[0], values);
        break;
      case 'search':
        expectNoMore(command, rest.slice(1));
        await searchCommand(context, rest[0], values);
        break;
      case 'export':
        expectNoMore(command, rest.slice(1));
        await exportCommand(context, rest[0], values);
        break;
      case 'import':
        await importCommand(context, rest, values);
        break;
      case 'people':
        peopleCommand(context, rest);
        break;
      case 'mcp':
        await mcpCommand(context, rest);
        break;
      case 'recover':
        expectNoMore(command, rest);
        recoverCommand(context);
        break;
      case 'backup':
        expectNoMore(command, rest.slice(1));
        await backupCommand(context, rest[0], values);
        break;
      case 'changes':
        expectNoMore(command, rest.slice(1));
        changesCommand(context, rest[0], values);
        break;
      case 'sync':
        expectNoMore(command, rest.slice(1));
        if (values.watch) await watchCommand(context, rest[0], values.every);
        else if (values.every !== undefined) throw new CliUsageError('sync: --every goes with --watch.');
        else await syncCommand(context, rest[0], values);
        break;
      default: {
        // Every command the usage lists reaches its case above or names a source's command here.
        const sourceCommand = sourceCommands.find((candidate) => candidate.name === command);
        if (!sourceCommand) throw new CliUsageError(`Unknown command “${command}”.`);
        const opened = context.core();
        await sourceCommand.run(
          {
            ...opened.providerContext,
            json: context.json,
            env: io.env,
            out: context.out,
            usageError: (message) => new CliUsageError(message),
          },
          rest,
          values,
        );
      }
    }
    return 0;
  } catch (caught) {
    // A full disk or a damaged cache is said in words, with what to do.
    const error = (core as ScrollbackCore | null)?.explainError(caught) ?? caught;
    if (error instanceof CliUsageError || isParseArgsError(error)) {
      io.stderr(`scrollback: ${(error as Error).message}\nRun \`scrollback --help\` for usage.\n`);
      return 2;
    }
    if (error instanceof ScrollbackError && error.code !== 'INTERNAL') {
      io.stderr(`scrollback: ${error.message}\n`);
      // The core's words suit the window too; only here can the person pick another database.
      if (DATABASE_CODES.has(error.code)) io.stderr('scrollback: to use another database, pass --db PATH or set SCROLLBACK_DB.\n');
      return 1;
    }
    // Anything unforeseen: the stack (and a worker's) goes to this command's own log, which is named.
    const log = logger;
    if (log) {
      log.error('command failed', caught instanceof Error ? caught : new Error(String(caught)));
      const detail = (caught as { detail?: unknown } | null)?.detail;
      if (typeof detail === 'string') log.error('where it failed', detail);
    }
    const words =
      error instanceof ScrollbackError
        ? error.message.replace(/ *The details are in the log\.$/, '')
        : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    io.stderr(`scrollback: ${words}${log ? ` The details are in the log in ${log.folder}.` : ''}\n`);
    return 1;
  } finally {
    await (core as ScrollbackCore | null)?.close();
    await logger?.close();
  }
}

/** Errors of the database file itself, where pointing the command at another one is a way out. */
const DATABASE_CODES: ReadonlySet<string> = new Set(['DB_UNWRITABLE', 'DB_CORRUPT', 'DB_TOO_NEW']);

function expectNoMore(command: string, extra: readonly string[]): void {
  if (extra.length > 0) throw new CliUsageError(`${command}: unexpected argument “${extra[0]}”.`);
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('ERR_PARSE_ARGS');
}
