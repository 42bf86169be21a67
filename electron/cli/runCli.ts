import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ScrollbackError } from '../../shared/errors.ts';
import type { openScrollbackCore, ScrollbackCore } from '../core/app/openScrollbackCore.ts';
import type { createEnvironmentSecretStore } from './createEnvironmentSecretStore.ts';
import { resolveDatabasePath } from '../core/app/resolveDatabasePath.ts';
import type { ReadingCliContext } from './CliContext.ts';
import { CliUsageError } from './CliUsageError.ts';
import { commandsInUsage, usageOfCommand } from './commandUsage.ts';
import { createCliLogger, type CliLogger } from './createCliLogger.ts';
import type { ArchiveReader } from './openArchiveReader.ts';
import { resolveChatArgument } from './resolveChatArgument.ts';
import type { SourceCliCommand } from '../core/sources/SourceProvider.ts';

// A command's start-up is most of what it costs (`scrollback history` reads 50 rows). So this module loads
// little, and each part is loaded with import() where it is used: a command's own code, the core (every
// service, source and format), the usage text (it lists the registries), the log's pino, the MCP SDK. A
// read of an imported chat opens the archive without the core at all (openArchiveReader.ts).

/** The options of each built-in command; a source kind's command (`telegram`, `ryze`) lists its own. */
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
  export: ['json', 'format', 'from', 'to', 'query', 'out', 'no-service', 'bom', 'all', 'media'],
};

/** Commands that only read chats' pages: they open the core only for a chat whose source may be asked. */
const READING_COMMANDS: ReadonlySet<string> = new Set(['history']);

/** The usage text, loaded when it is printed. */
async function usageText(): Promise<string> {
  return (await import('./usage.ts')).USAGE;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failed, 2 called wrongly. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let core: ScrollbackCore | null = null;
  let reader: ArchiveReader | null = null;
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
      io.stdout(`${await usageText()}\n`);
      return command === undefined && !values.help ? 2 : 0;
    }
    // `scrollback help <command>` and `<command> --help`: that command's lines of the usage, and the notes.
    if (values.help || command === 'help') {
      const named = command === 'help' ? (rest[0] ?? '') : command;
      const whole = await usageText();
      const usage = usageOfCommand(whole, named);
      if (usage === null) {
        const { translator } = await import('../core/i18n/createTranslator.ts');
        throw new CliUsageError(translator()('cli.help.unknownCommand', { command: named, commands: commandsInUsage(whole).join(', ') }));
      }
      io.stdout(`${usage}\n`);
      return 0;
    }
    // Not a built-in command: perhaps a source kind's (which needs the providers, so it is looked up only then).
    const sourceCommand: SourceCliCommand | undefined =
      command in commandOptions ? undefined : (await import('./sourceCommands.ts')).sourceCommands.find((one) => one.name === command);
    const allowed = commandOptions[command] ?? sourceCommand?.options;
    if (!allowed) throw new CliUsageError(`Unknown command “${command}”.`);
    for (const name of Object.keys(values)) {
      if (name !== 'db' && name !== 'help' && !allowed.includes(name)) throw new CliUsageError(`${command} does not take --${name}.`);
    }
    const databasePath = resolveDatabasePath({ flag: values.db, env: io.env });
    const [{ nameThisProgram }, { createsArchive, noArchiveError }] = await Promise.all([
      import('../core/cache/writerNotes.ts'),
      import('./createsArchive.ts'),
    ]);
    // Named in the note a long write leaves, so another process that finds the archive locked can say by whom.
    nameThisProgram(`scrollback ${command}`);
    const cliLogger = (logger = createCliLogger(databasePath));
    // The core's module, loaded before the first context.core() (which is synchronous) of a command that uses it.
    let coreModule: {
      openScrollbackCore: typeof openScrollbackCore;
      createEnvironmentSecretStore: typeof createEnvironmentSecretStore;
    } | null = null;
    const loadCore = async () => {
      const [{ openScrollbackCore }, { createEnvironmentSecretStore }] = await Promise.all([
        import('../core/app/openScrollbackCore.ts'),
        import('./createEnvironmentSecretStore.ts'),
      ]);
      coreModule = { openScrollbackCore, createEnvironmentSecretStore };
    };
    if (!READING_COMMANDS.has(command)) await loadCore();
    const context: ReadingCliContext = {
      json: values.json === true,
      databasePath,
      core: () => {
        // A command that reads never leaves an empty archive behind where there was none.
        if (core === null && !createsArchive(command, sourceCommand !== undefined) && !existsSync(databasePath))
          throw noArchiveError(databasePath);
        if (coreModule === null) throw new ScrollbackError('INTERNAL', `scrollback ${command} used the core without loading it.`);
        core ??= coreModule.openScrollbackCore({
          databasePath,
          logger: cliLogger,
          // The command line stores no credentials: each kind reads its own from the environment.
          secrets: coreModule.createEnvironmentSecretStore(io.env, () => Object.values(core?.providers ?? {})),
        });
        return core;
      },
      async readChat(argument) {
        if (core === null && reader === null) {
          // As core(): reading never leaves an empty archive behind where there was none.
          if (!existsSync(databasePath)) throw noArchiveError(databasePath);
          reader = (await import('./openArchiveReader.ts')).openArchiveReader(databasePath);
        }
        const from = core ?? reader;
        if (from === null) throw new ScrollbackError('INTERNAL', 'No archive open.');
        const chat = resolveChatArgument(from, argument);
        if (core !== null || (await import('./openArchiveReader.ts')).readsFromArchiveAlone(chat)) return { chat, reader: from };
        // A chat whose source may be asked: the core opens its own connection.
        reader?.close();
        reader = null;
        await loadCore();
        return { chat, reader: context.core() };
      },
      out: (line) => io.stdout(`${line}\n`),
      err: (line) => io.stderr(`${line}\n`),
    };
    switch (command) {
      case 'demo':
        expectNoMore(command, rest);
        await (await import('./commands/demoCommand.ts')).demoCommand(context);
        break;
      case 'chats':
        expectNoMore(command, rest);
        (await import('./commands/chatsCommand.ts')).chatsCommand(context);
        break;
      case 'history':
        expectNoMore(command, rest.slice(1));
        await (await import('./commands/historyCommand.ts')).historyCommand(context, rest[0], values);
        break;
      case 'search':
        expectNoMore(command, rest.slice(1));
        await (await import('./commands/searchCommand.ts')).searchCommand(context, rest[0], values);
        break;
      case 'export':
        expectNoMore(command, rest.slice(1));
        await (await import('./commands/exportCommand.ts')).exportCommand(context, rest[0], values);
        break;
      case 'import':
        await (await import('./commands/importCommand.ts')).importCommand(context, rest, values);
        break;
      case 'people':
        (await import('./commands/peopleCommand.ts')).peopleCommand(context, rest);
        break;
      case 'mcp':
        await (await import('./commands/mcpCommand.ts')).mcpCommand(context, rest);
        break;
      case 'recover':
        expectNoMore(command, rest);
        (await import('./commands/recoverCommand.ts')).recoverCommand(context);
        break;
      case 'backup':
        expectNoMore(command, rest.slice(1));
        await (await import('./commands/backupCommand.ts')).backupCommand(context, rest[0], values);
        break;
      case 'changes':
        expectNoMore(command, rest.slice(1));
        (await import('./commands/changesCommand.ts')).changesCommand(context, rest[0], values);
        break;
      case 'sync':
        expectNoMore(command, rest.slice(1));
        if (values.watch) await (await import('./commands/watchCommand.ts')).watchCommand(context, rest[0], values.every);
        else if (values.every !== undefined) throw new CliUsageError('sync: --every goes with --watch.');
        else await (await import('./commands/syncCommand.ts')).syncCommand(context, rest[0], values);
        break;
      default: {
        // Every command the usage lists reaches its case above or names a source's command here.
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
    const error = ((core as ScrollbackCore | null) ?? reader)?.explainError(caught) ?? caught;
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
    (reader as ArchiveReader | null)?.close();
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
