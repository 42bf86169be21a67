import type { SourceKind } from '../../../shared/domain.ts';
import type { IpcHandlers } from '../../../shared/ipc/contract.ts';
import type { AppEvent } from '../../../shared/ipc/events.ts';
import type { Logger } from '../base/Logger.ts';
import type { SecretStore } from '../base/SecretStore.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import type { SourceRecord } from '../cache/sourceQueries.ts';
import type { HistorySource } from './HistorySource.ts';

/** What a provider may use of the core it belongs to. */
export interface ProviderContext {
  readonly db: WritableDB;
  /** Where credentials live: the app's encrypted store, the CLI's environment, or memory (tests, preview). */
  readonly secrets: SecretStore;
  readonly logger: Logger;
  /** The stored record of a source, or null. */
  sourceRecord(sourceId: string): SourceRecord | null;
  /** Stores (or updates) a source's record and drops its live source, so the next use rebuilds it. */
  saveSource(record: { id: string; kind: SourceKind; name: string; settings: Record<string, unknown> }): void;
  listSourcesOfKind(kind: SourceKind): SourceRecord[];
  /** Pushes an event to the window (a source being retried). */
  emit(event: AppEvent): void;
}

/** The platform pieces a provider's IPC handlers may need (a front end supplies them). */
export interface ProviderHandlerContext extends ProviderContext {
  /** Lists a source's chats again and stores them. */
  refreshChats(sourceId: string): Promise<unknown>;
  /** Removes a source with everything cached from it (after the provider's `beforeRemove`). */
  removeSource(sourceId: string): Promise<void>;
}

/** A subcommand of `scrollback` that belongs to one source kind (`scrollback ryze …`, `scrollback telegram …`). */
export interface SourceCliCommand {
  name: string;
  /** Lines for `scrollback --help`, already indented as the usage text is. */
  usage: string;
  /** Options the subcommand takes (besides --db and --help). */
  options: readonly string[];
  run(context: SourceCliContext, args: readonly string[], values: Record<string, string | boolean | undefined>): Promise<void>;
}

export interface SourceCliContext extends ProviderHandlerContext {
  json: boolean;
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  /** An error in how the command was called: exit code 2 with the usage hint. */
  usageError(message: string): Error;
}

/**
 * Everything Scrollback knows about one kind of source, in the kind's own folder: how its stored settings
 * read, how its live source is built from a record (credentials looked up here, never stored in the
 * cache), what removing one must end first, its own IPC methods and CLI subcommand. `allSourceProviders`
 * lists them; the core, the front ends and the CLI are driven from that list.
 */
export interface SourceProvider {
  readonly kind: SourceKind;
  /** What the window's "add a source" menu says, or null for kinds people do not add by hand. */
  readonly addLabel: string | null;
  /** What removing one is called in the window ("Log out" for an account). */
  readonly removeLabel: string;
  createSource(record: SourceRecord, context: ProviderContext): HistorySource;
  /** Before the source and its data go: ends the session at the source, deletes its credentials. */
  beforeRemove?(record: SourceRecord, context: ProviderHandlerContext): Promise<void>;
  /** Ends what a live source holds open (a network client), on removal and on close. */
  release?(sourceId: string): Promise<void>;
  /** The kind's own IPC methods (declared in the shared contract). */
  handlers?(context: ProviderHandlerContext): Partial<IpcHandlers>;
  cli?: SourceCliCommand;
  /**
   * For the command line, which stores no credentials: the secret at `key` read from the environment
   * (SCROLLBACK_RYZE_TOKEN, SCROLLBACK_TELEGRAM_SESSION…), or null when the key is not this kind's.
   */
  credentialFromEnvironment?(key: string, env: NodeJS.ProcessEnv): string | null;
}
