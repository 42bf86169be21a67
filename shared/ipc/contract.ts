import { z } from 'zod';
import type { ChatMessage, ChatSummary, ForumTopic, SourceKind, SourceSummary } from '../domain.ts';
import type { HistoryPage } from '../history.ts';
import { MAX_PAGE_SIZE } from '../history.ts';
import { decodeCursor, type HistoryCursor } from '../cursor.ts';
import type { ErrorData } from '../errors.ts';
import type { SearchPage, SearchTotal } from '../search.ts';
import type { SyncStatus } from '../sync.ts';
import type { BackupChatStatus, BackupStatus } from '../backup.ts';
import type { IpcMethodName } from './methods.ts';
import type { FileImportResult, ImportProgress } from '../importing.ts';
import type { ImportFormatInfo } from '../importFormats.ts';
import type { JobStatus } from '../jobs.ts';
import type { ArchiveHealth, RecoveryProgress, RecoveryResult } from '../archiveHealth.ts';

import type { ExportEstimate, ExportFormatInfo, ExportProgress, ExportRecord, ExportResult } from '../exporting.ts';

import type { TelegramLoginState } from '../telegramLogin.ts';
import { isSafeExternalUrl } from '../isSafeExternalUrl.ts';
import type { Person } from '../people.ts';
import { PSEUDO_LOCALE, TRANSLATED_LOCALES } from '../i18n/locales.ts';
import { backupSettingsSchema, epochMs, exportRequestSchema, searchFilterShape } from './inputSchemas.ts';

export { exportRequestSchema };

const telegramApi = {
  apiId: z
    .number()
    .int()
    .positive()
    .max(2 ** 31),
  apiHash: z.string().max(64),
  /** The user agreed to keep the session where no keyring protects it (Linux basic_text). */
  allowWeakEncryption: z.boolean(),
  /** Download through a takeout (data export) session, which Telegram asks the user to allow. */
  useTakeout: z.boolean(),
};

export type ImportStatus = JobStatus<ImportProgress, FileImportResult[]>;
export type ExportStatus = JobStatus<ExportProgress | { downloading: true }, ExportResult>;
/** A recovery of a damaged archive (copying what reads into a fresh one), as the window's banner shows it. */
export type RecoveryStatus = JobStatus<RecoveryProgress, RecoveryResult>;

/** A person as the person view shows them: where they wrote and who else might be them (suggestions, never links). */
export interface PersonDetails extends Person {
  /** Each chat they wrote in (their own messages there, the first and the last, epoch ms), most recent first. */
  chats: Array<{ chatId: number; chatName: string; messages: number; first: number; last: number }>;
  suggestions: Person[];
}

/** A method's input schema (validated in main) and its output type (carried as a phantom). */
interface MethodSpec<Input extends z.ZodType, Output> {
  input: Input;
  output?: Output;
}

function method<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input });
}

const cursorSchema = z
  .string()
  .max(400)
  .refine((value) => decodeCursor(value) !== null, { message: 'is not a cursor returned by a history page' })
  .transform((value) => value as HistoryCursor);

export const historyRequestSchema = z.strictObject({
  chatId: z.number().int().positive(),
  anchor: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('latest') }),
    z.strictObject({ kind: z.literal('before'), cursor: cursorSchema }),
    z.strictObject({ kind: z.literal('after'), cursor: cursorSchema }),
    z.strictObject({ kind: z.literal('aroundDate'), date: epochMs }),
    z.strictObject({ kind: z.literal('aroundMessage'), messageId: z.string().min(1).max(200) }),
  ]),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
  topicId: z.string().min(1).max(200).nullable().optional(),
});

export const searchFilterSchema = z.strictObject(searchFilterShape);
export const searchRequestSchema = z.strictObject({
  ...searchFilterShape,
  order: z.enum(['newest', 'oldest']),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
  cursor: z.string().max(100).nullable(),
});

export interface Density {
  counts: number[];
  /** Whether each interval lies inside cached history, so that a zero means "no messages" and not "not loaded". */
  known: boolean[];
}

/** Messages per interval at the chat's source, for intervals not downloaded (null: downloaded, or not known there). */
export interface SourceDensity {
  counts: Array<number | null>;
  /** Who counted ("Telegram"); null when the source cannot count. */
  sourceName: string | null;
}

export interface ChatCoverage {
  /** Date spans of this chat known to be completely cached. */
  ranges: Array<{ from: number; to: number }>;
  oldestReached: boolean;
  /** When the chat's first message was sent, where known (from the source or a cached beginning); null: unknown. */
  firstMessageDate: number | null;
}

export interface SourceKindInfo {
  kind: SourceKind;
  /** The "add a source" menu's entry, or null for kinds not added by hand (the demo, imports). */
  addLabel: string | null;
  /** What removing one is called ("Log out" for an account). */
  removeLabel: string;
}

/** An installed app's update: the version downloaded and waiting for a restart (null: none, or updates off). */
export interface UpdateState {
  readyVersion: string | null;
}

export interface AppInfo {
  version: string;
  databasePath: string;
  platform: string;
}

/** What the media store holds on this computer, and its limit. */
export interface MediaSettings {
  /** Whole files beyond this many bytes go, least recently viewed first (never pinned ones). */
  limitBytes: number;
  /** Bytes of whole files on this computer (what the limit counts). */
  fullBytes: number;
  /** Bytes of thumbnails on this computer (always kept). */
  thumbBytes: number;
  files: number;
}

/** The viewer's neighbours: visual media of a chat before and after one message, oldest first. */
export interface MediaAround {
  before: ChatMessage[];
  current: ChatMessage | null;
  after: ChatMessage[];
}

/** A page of a chat's media gallery. */
export interface ChatMediaPage {
  messages: ChatMessage[];
  /** Older items follow from here; null at the oldest. */
  nextCursor: HistoryCursor | null;
  /** How many of this tab's messages are on this computer (with the first page only). */
  totalOnComputer: number | null;
}

/** An earlier version of a message, kept when an edit was seen. */
export interface MessageVersion {
  text: string;
  entities: ChatMessage['entities'];
  media: ChatMessage['media'];
  /** When the version was made at the source (its edit date); null for the original message. */
  editDate: number | null;
  /** When this computer saw it replaced by the next version. */
  replacedAt: number;
}

/** One change of the archive, for "What changed". */
export interface ArchiveChange {
  kind: 'new' | 'edited' | 'deleted';
  /** The message's date (new), when the edit was seen, when the deletion was found; epoch ms. */
  at: number;
  chatId: number;
  chatName: string;
  message: ChatMessage;
}

/** How often chats kept up to date are refreshed in the background. */
export interface RefreshSettings {
  /** Minutes between two passes; 0: never in the background (only "Refresh now" and the open chat). */
  everyMinutes: number;
}

/** What a refresh of a chat found (messages on this computer). */
export interface ChatRefreshResult {
  chatId: number;
  added: number;
  edited: number;
  deleted: number;
  /** The oldest date compared with the source again; null when nothing was. */
  recheckedFrom: number | null;
}

/** One message's whole file, on this computer or not. */
export interface MediaState {
  onComputer: boolean;
  pinned: boolean;
}

const noInput = z.strictObject({}).optional();

const chatOnly = z.strictObject({ chatId: z.number().int().positive() });
const sourceOnly = z.strictObject({ sourceId: z.string().min(1).max(120) });
const messageRef = z.strictObject({ chatId: z.number().int().positive(), messageId: z.string().min(1).max(200) });
const personOnly = z.strictObject({ personId: z.number().int().positive() });

/** The one IPC contract: main's handlers, the preload bridge and the renderer client are all derived from it. */
export const ipcContract = {
  getAppInfo: method<AppInfo>()(noInput),
  getUpdateState: method<UpdateState>()(noInput),
  /** Quits and installs the waiting update; refused with BUSY while an import or export runs. */
  restartToUpdate: method<void>()(noInput),
  /** An uncaught error or rejection in the window, for main's log (redacted there; a burst is cut short). */
  reportRendererError: method<void>()(
    z.strictObject({
      kind: z.enum(['error', 'unhandledrejection']),
      message: z.string().max(4000),
      stack: z.string().max(20_000).nullable(),
      where: z.string().max(1000).nullable(),
    }),
  ),
  listSources: method<SourceSummary[]>()(noInput),
  /** Chats in the sidebar's order; `limit`: only the first ones (the sidebar's first screenful). */
  listChats: method<ChatSummary[]>()(z.strictObject({ limit: z.number().int().min(1).max(100_000).optional() }).optional()),
  getHistoryPage: method<HistoryPage>()(historyRequestSchema),
  /** Opens an http(s) link in the system browser. Anything else (javascript:, file:, custom schemes) is refused here. */
  openExternalLink: method<void>()(
    z.strictObject({ url: z.string().max(8192).refine(isSafeExternalUrl, { message: 'is not an http(s) link' }) }),
  ),
  searchMessages: method<SearchPage>()(searchRequestSchema),
  countSearchMatches: method<SearchTotal>()(searchFilterSchema),
  /** Messages per interval between consecutive boundaries (local days, for the calendar heatmap). */
  getMessageDensity: method<Density>()(
    z.strictObject({ chatId: z.number().int().positive(), boundaries: z.array(epochMs).min(2).max(400) }),
  ),
  /**
   * Messages per interval at the source, for the intervals not downloaded (one source request per boundary:
   * a month of days at most). Cancellable; the calendar asks a week at a time.
   */
  getSourceDensity: method<SourceDensity>()(
    z.strictObject({ chatId: z.number().int().positive(), boundaries: z.array(epochMs).min(2).max(32) }),
  ),
  /** Messages on this computer newer than `date`, counted up to 10,000 (`more`: there are more). */
  countNewerMessages: method<{ count: number; more: boolean }>()(z.strictObject({ chatId: z.number().int().positive(), date: epochMs })),
  getChatCoverage: method<ChatCoverage>()(chatOnly),
  /** A forum's topics with their messages on this computer (the source's list is read first where it has one). */
  listTopics: method<ForumTopic[]>()(chatOnly),
  /** Sender names containing `text` (what `from:da` offers): of the chat's source, or of every source. */
  suggestSenders: method<string[]>()(z.strictObject({ chatId: z.number().int().positive().nullable(), text: z.string().max(200) })),
  /** Downloads the chat (or a date range of it) into the cache in the background; see getSyncStatus. */
  startSync: method<SyncStatus>()(
    z.strictObject({ chatId: z.number().int().positive(), from: epochMs.nullable(), to: epochMs.nullable() }),
  ),
  pauseSync: method<SyncStatus>()(chatOnly),
  resumeSync: method<SyncStatus>()(chatOnly),
  cancelSync: method<SyncStatus>()(chatOnly),
  getSyncStatus: method<SyncStatus>()(chatOnly),
  /**
   * Adds a WhatsApp connection through RyzeAPI. The token goes into the main process's encrypted store and
   * never comes back over IPC. `allowWeakEncryption`: the user agreed to store it where no keyring exists.
   */
  addRyzeConnection: method<SourceSummary>()(
    z.strictObject({
      instance: z.string().min(1).max(100),
      baseUrl: z.string().max(500),
      token: z.string().min(1).max(500),
      allowWeakEncryption: z.boolean(),
      /** A chat (number or JID) to try the connection with before anything is saved; the answer says which part was refused. */
      tryChat: z.string().max(120).nullable().optional(),
    }),
  ),
  addRyzeChat: method<ChatSummary>()(z.strictObject({ sourceId: z.string().max(120), numberOrJid: z.string().max(120) })),
  /**
   * Imports export files on a worker thread. `paths: null` lets main ask with the native open dialog;
   * dropped files come with their paths. Answers at once; poll getImportStatus.
   */
  /** `whatsAppTimeZone`: the phone's zone for WhatsApp files (their times have none); absent: this computer's. */
  importFiles: method<ImportStatus>()(
    z.strictObject({
      paths: z.array(z.string().min(1).max(4096)).min(1).max(500).nullable(),
      whatsAppTimeZone: z.string().min(1).max(64).nullable().optional(),
    }),
  ),
  getImportStatus: method<ImportStatus>()(noInput),
  cancelImport: method<ImportStatus>()(noInput),
  /** Messages in scope, approximate size, and whether part must be downloaded first. */
  estimateExport: method<ExportEstimate>()(exportRequestSchema),
  /**
   * Asks for the destination with the native save dialog in main (the window never sends a path), then
   * exports on a worker thread. Answers at once; poll getExportStatus.
   */
  exportChat: method<ExportStatus>()(exportRequestSchema),
  getExportStatus: method<ExportStatus>()(noInput),
  cancelExport: method<ExportStatus>()(noInput),
  /** Shows the last finished export in the system file manager. */
  showExportedFile: method<void>()(noInput),
  /** Earlier exports of a chat, newest first, for "Export again". */
  listExports: method<ExportRecord[]>()(chatOnly),
  /** The export formats core's registry offers, in the order to list them. */
  listExportFormats: method<ExportFormatInfo[]>()(noInput),
  /**
   * Telegram login, step by step (the session never comes back: it goes to the encrypted store in main).
   * Each answers the login's new state, with the step's error when it failed.
   */
  telegramLoginWithPhone: method<TelegramLoginState>()(z.strictObject({ ...telegramApi, phone: z.string().max(40) })),
  telegramLoginWithQr: method<TelegramLoginState>()(z.strictObject(telegramApi)),
  telegramResendCode: method<TelegramLoginState>()(noInput),
  telegramSubmitCode: method<TelegramLoginState>()(z.strictObject({ code: z.string().max(20) })),
  telegramSubmitPassword: method<TelegramLoginState>()(z.strictObject({ password: z.string().max(256) })),
  /** Polls a QR login (scanned yet? a renewed code?). */
  telegramLoginStatus: method<TelegramLoginState>()(noInput),
  telegramCancelLogin: method<TelegramLoginState>()(noInput),
  /**
   * Removes a source of any kind with everything cached from it. Its provider first ends what it holds:
   * a Telegram account is logged out on Telegram and its session wiped; a RyzeAPI token is deleted.
   */
  removeSource: method<void>()(z.strictObject({ sourceId: z.string().max(120) })),
  /** Whether the archive is damaged (then it is read-only until recovered). */
  getArchiveHealth: method<ArchiveHealth>()(noInput),
  /** Starts copying what reads of a damaged archive into a fresh one; progress comes as recoveryStatus events. */
  recoverArchive: method<RecoveryStatus>()(noInput),
  getRecoveryStatus: method<RecoveryStatus>()(noInput),
  /** The kinds of source this build has, with what the "add a source" menu and the remove button say. */
  listSourceKinds: method<SourceKindInfo[]>()(noInput),
  /** The formats File → Import… reads (core's registry), for the window's wording. */
  listImportFormats: method<ImportFormatInfo[]>()(noInput),
  /** Lists a source's chats again (a Telegram account's dialogs). */
  refreshChats: method<ChatSummary[]>()(z.strictObject({ sourceId: z.string().max(120) })),
  /** `new`: only what is new since that export, to a file beside it; `merged`: the file rewritten whole. */
  exportAgain: method<ExportStatus>()(z.strictObject({ exportId: z.number().int().positive(), mode: z.enum(['new', 'merged']) })),
  /** Fetches a message's whole file to this computer (progress is pushed as mediaDownload events); cancellable. */
  downloadMedia: method<MediaState>()(messageRef),
  getMediaState: method<MediaState>()(messageRef),
  /** Removes a message's whole file from this computer (its thumbnail stays; it can be downloaded again). */
  removeMediaFile: method<MediaState>()(messageRef),
  /** Keeps a downloaded file past the store's limit, or lets it go again. */
  setMediaPinned: method<MediaState>()(z.strictObject({ ...messageRef.shape, pinned: z.boolean() })),
  /** Whole files of this chat are never evicted. */
  setChatKeepMedia: method<void>()(z.strictObject({ chatId: z.number().int().positive(), keep: z.boolean() })),
  getMediaSettings: method<MediaSettings>()(noInput),
  setMediaLimit: method<MediaSettings>()(
    z.strictObject({
      limitBytes: z
        .number()
        .int()
        .min(0)
        .max(2 ** 50),
    }),
  ),
  /** Photos, videos, GIFs and stickers of the chat before and after a message, for the viewer's arrows. */
  listMediaAround: method<MediaAround>()(z.strictObject({ ...messageRef.shape, limit: z.number().int().min(1).max(200) })),
  /** Copies a downloaded file under its own name into Downloads/Scrollback and shows it in the file manager. */
  showMediaFile: method<void>()(messageRef),
  /** A chat's media gallery, one tab at a time, newest first, from what this computer holds. */
  /** Stored messages of a chat by id (a window reads again the ones a pushed change named). */
  getMessages: method<ChatMessage[]>()(
    z.strictObject({ chatId: z.number().int().positive(), messageIds: z.array(z.string().min(1).max(200)).min(1).max(500) }),
  ),
  /**
   * The originals of reply quotes in view: from the cache, else fetched from the source by id (at the
   * window's priority) and kept; ids neither has are left out.
   */
  getQuotedMessages: method<ChatMessage[]>()(
    z.strictObject({ chatId: z.number().int().positive(), messageIds: z.array(z.string().min(1).max(200)).min(1).max(100) }),
  ),
  /** A message's earlier versions on this computer, oldest first (the message itself is the newest). */
  getMessageVersions: method<MessageVersion[]>()(messageRef),
  /** Keeps the chat up to date in the background, or stops. */
  setChatKeepCurrent: method<void>()(z.strictObject({ chatId: z.number().int().positive(), keep: z.boolean() })),
  /** Brings the chat up to date now: its newest messages and a re-check of recent edits and deletions. */
  refreshChat: method<ChatRefreshResult>()(chatOnly),
  /**
   * The chat the window shows (null: none): its "what changed" counts start again from now (the answer says
   * when the user looked before), and a chat of a source that pushes nothing is polled while it stays open.
   */
  setOpenChat: method<{ previousLook: number | null }>()(z.strictObject({ chatId: z.number().int().positive().nullable() })),
  getRefreshSettings: method<RefreshSettings>()(noInput),
  setRefreshSettings: method<RefreshSettings>()(z.strictObject({ everyMinutes: z.number().int().min(0).max(10_080) })),
  /** The language the window speaks (its setting, or the system's): main's menus and the core's words follow it. */
  setLanguage: method<void>()(z.strictObject({ locale: z.enum(TRANSLATED_LOCALES).or(z.literal(PSEUDO_LOCALE)) })),
  /** What changed in a chat (or all chats) after a moment: new, edited, deleted at the source; newest first. */
  listChanges: method<ArchiveChange[]>()(
    z.strictObject({ chatId: z.number().int().positive().nullable(), since: epochMs, limit: z.number().int().min(1).max(1000) }),
  ),
  listChatMedia: method<ChatMediaPage>()(
    z.strictObject({
      chatId: z.number().int().positive(),
      tab: z.enum(['visual', 'files', 'voice', 'links']),
      cursor: cursorSchema.nullable(),
      limit: z.number().int().min(1).max(200),
    }),
  ),
  /** An account's whole backup (every chat and its media; see shared/backup.ts): its figures now. */
  getBackupStatus: method<BackupStatus>()(sourceOnly),
  /** The account's chats in the backup, most recently active first, each done, running, waiting or failed. */
  listBackupChats: method<BackupChatStatus[]>()(sourceOnly),
  /** Starts a pass now with the stored settings (or goes on with the one under way); progress is pushed (backupStatus). */
  startBackup: method<BackupStatus>()(sourceOnly),
  pauseBackup: method<BackupStatus>()(sourceOnly),
  resumeBackup: method<BackupStatus>()(sourceOnly),
  cancelBackup: method<BackupStatus>()(sourceOnly),
  /** Kinds, media policy, exclusions and schedule of the account's backup. */
  setBackupSettings: method<BackupStatus>()(z.strictObject({ sourceId: z.string().min(1).max(120), settings: backupSettingsSchema })),
  /** People whose name or a sender's name contains `text`, "you" first; at most `limit`. */
  listPeople: method<Person[]>()(z.strictObject({ text: z.string().max(200), limit: z.number().int().min(1).max(500) })),
  /** A person with every chat they wrote in and the people of the same name who might be them. */
  getPerson: method<PersonDetails>()(personOnly),
  /** The person who sent a stored message (null: a message with no sender). */
  findPersonOfMessage: method<number | null>()(messageRef),
  /** Makes `otherPersonId` part of `personId` (the user's link: automatic linking never undoes it). */
  linkPeople: method<Person>()(z.strictObject({ personId: z.number().int().positive(), otherPersonId: z.number().int().positive() })),
  /** Takes a sender out of its person into one of its own; answers with the new person. */
  unlinkSender: method<Person>()(z.strictObject({ senderId: z.number().int().positive() })),
  renamePerson: method<Person>()(z.strictObject({ personId: z.number().int().positive(), name: z.string().min(1).max(200) })),
  /** Keeps a chat (and senders met only there) out of what AI assistants can read (`scrollback mcp`), or lets it back. */
  setChatHiddenFromAssistants: method<void>()(z.strictObject({ chatId: z.number().int().positive(), hidden: z.boolean() })),
} satisfies { [K in IpcMethodName]: MethodSpec<z.ZodType, unknown> };

export type IpcContract = typeof ipcContract;
export type IpcInput<K extends IpcMethodName> = z.input<IpcContract[K]['input']>;
export type IpcParsedInput<K extends IpcMethodName> = z.output<IpcContract[K]['input']>;
export type IpcOutput<K extends IpcMethodName> = IpcContract[K] extends MethodSpec<z.ZodType, infer Output> ? Output : never;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** A method whose input may be left out only when its schema allows none. */
export type CallWith<Input, Options, Answer> = undefined extends Input
  ? (input?: Input, options?: Options) => Promise<Answer>
  : (input: Input, options?: Options) => Promise<Answer>;

/**
 * What `window.scrollback` exposes: one function per method, answering with a result object. A call given
 * a `callId` can be cancelled with `cancelCall(callId)`: main aborts its handler's signal.
 */
export type ScrollbackBridge = {
  [K in IpcMethodName]: CallWith<IpcInput<K>, string, IpcResult<IpcOutput<K>>>;
} & { cancelCall(callId: string): void };

/**
 * The part of the platform's AbortSignal (Node's and the DOM's are the same) that shared code names: shared/
 * is type-checked with no platform library, so the transports fill in the real type.
 */
export interface CallSignal {
  readonly aborted: boolean;
}

/** What the main process implements: one handler per method, given validated input and the call's signal. */
export type IpcHandlers<Signal extends CallSignal = AbortSignalOf> = {
  [K in IpcMethodName]: (input: IpcParsedInput<K>, signal: Signal) => Promise<IpcOutput<K>> | IpcOutput<K>;
};

/** The platform's AbortSignal where one is declared (Node, the DOM); else the shared minimum. */
type AbortSignalOf = typeof globalThis extends { AbortSignal: { prototype: infer S } }
  ? S extends CallSignal
    ? S
    : CallSignal
  : CallSignal;
