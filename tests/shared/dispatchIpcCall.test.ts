import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { dispatchIpcCall } from '../../shared/ipc/dispatchIpcCall.ts';
import type { IpcHandlers } from '../../shared/ipc/contract.ts';
import { ipcMethodNames } from '../../shared/ipc/methods.ts';
import { ScrollbackError } from '../../shared/errors.ts';
import { encodeCursor } from '../../shared/cursor.ts';
import { idleTelegramLogin } from '../../shared/telegramLogin.ts';
import { defaultBackupSettings } from '../../shared/backup.ts';

const idleJob = { state: 'idle' as const, progress: null, result: null, error: null, revision: 0 };
const idleSync = {
  chatId: 1,
  state: 'idle' as const,
  from: null,
  to: null,
  fetched: 0,
  cached: 0,
  total: null,
  reachedDate: null,
  waitingUntil: null,
  waitingReason: null,
  error: null,
  revision: 0,
};

const noMedia = { stored: 0, left: 0, bytesStored: 0, bytesLeft: 0 };
const idleBackup = {
  sourceId: 'telegram:1',
  state: 'idle' as const,
  settings: defaultBackupSettings,
  pass: null,
  chats: { total: 0, done: 0, running: 0, waiting: 0, failed: 0, excluded: 0 },
  messages: { stored: 0, left: null },
  media: noMedia,
  etaMs: { messages: null, media: null },
  currentChatId: null,
  waitingUntil: null,
  waitingReason: null,
  nextRunAt: null,
  lastSummary: null,
  error: null,
  revision: 0,
};

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    getAppInfo: () => ({ version: '1', databasePath: '/x', platform: 'linux' }),
    reportRendererError: () => undefined,
    getUpdateState: () => ({ readyVersion: null }),
    restartToUpdate: () => undefined,
    getArchiveHealth: () => ({ damaged: false, message: null }),
    recoverArchive: () => idleJob,
    getRecoveryStatus: () => idleJob,
    listSources: () => [],
    listChats: () => [],
    getHistoryPage: () => ({
      messages: [],
      olderCursor: null,
      newerCursor: null,
      reachedOldest: true,
      reachedNewest: true,
      anchorIndex: null,
      previous: null,
      offline: false,
      offlineReason: null,
    }),
    openExternalLink: () => undefined,
    searchMessages: () => ({ hits: [], nextCursor: null, searched: [], incomplete: false, sources: [], coverage: null }),
    countSearchMatches: () => ({ onComputer: 0, atSource: null, notDownloaded: [], notes: [] }),
    getMessageDensity: () => ({ counts: [], known: [] }),
    getSourceDensity: () => ({ counts: [], sourceName: null }),
    listTopics: () => [],
    getChatCoverage: () => ({ ranges: [], oldestReached: false, firstMessageDate: null }),
    suggestSenders: () => [],
    startSync: () => idleSync,
    pauseSync: () => idleSync,
    resumeSync: () => idleSync,
    cancelSync: () => idleSync,
    getSyncStatus: () => idleSync,
    addRyzeConnection: () => ({ id: 'ryze:x', kind: 'ryze', name: 'x' }),
    addRyzeChat: () => {
      throw new ScrollbackError('SOURCE_NOT_FOUND', 'none');
    },
    importFiles: () => idleJob,
    getImportStatus: () => idleJob,
    cancelImport: () => idleJob,
    estimateExport: () => ({
      messages: 0,
      mediaBytes: 0,
      approxBytes: 0,
      needsDownload: false,
      missingMessages: null,
      approxDownloadSeconds: null,
    }),
    exportChat: () => idleJob,
    getExportStatus: () => idleJob,
    cancelExport: () => idleJob,
    showExportedFile: () => undefined,
    listExports: () => [],
    listExportFormats: () => [],
    exportAgain: () => idleJob,
    telegramLoginWithPhone: () => idleTelegramLogin,
    telegramLoginWithQr: () => idleTelegramLogin,
    telegramResendCode: () => idleTelegramLogin,
    telegramSubmitCode: () => idleTelegramLogin,
    telegramSubmitPassword: () => idleTelegramLogin,
    telegramLoginStatus: () => idleTelegramLogin,
    telegramCancelLogin: () => idleTelegramLogin,
    removeSource: () => undefined,
    listSourceKinds: () => [],
    listImportFormats: () => [],
    refreshChats: () => [],
    downloadMedia: () => ({ onComputer: true, pinned: false }),
    getMediaState: () => ({ onComputer: false, pinned: false }),
    removeMediaFile: () => ({ onComputer: false, pinned: false }),
    setMediaPinned: () => ({ onComputer: true, pinned: true }),
    setChatKeepMedia: () => undefined,
    getMediaSettings: () => ({ limitBytes: 0, fullBytes: 0, thumbBytes: 0, files: 0 }),
    setMediaLimit: () => ({ limitBytes: 0, fullBytes: 0, thumbBytes: 0, files: 0 }),
    listMediaAround: () => ({ before: [], current: null, after: [] }),
    showMediaFile: () => undefined,
    listChatMedia: () => ({ messages: [], nextCursor: null, totalOnComputer: 0 }),
    getMessages: () => [],
    getQuotedMessages: () => [],
    countNewerMessages: () => ({ count: 0, more: false }),
    getMessageVersions: () => [],
    setChatKeepCurrent: () => undefined,
    refreshChat: ({ chatId }) => ({ chatId, added: 0, edited: 0, deleted: 0, recheckedFrom: null }),
    setOpenChat: () => ({ previousLook: null }),
    listChanges: () => [],
    getRefreshSettings: () => ({ everyMinutes: 15 }),
    setRefreshSettings: ({ everyMinutes }) => ({ everyMinutes }),
    setLanguage: () => undefined,
    getBackupStatus: () => idleBackup,
    listBackupChats: () => [],
    startBackup: () => idleBackup,
    pauseBackup: () => idleBackup,
    resumeBackup: () => idleBackup,
    cancelBackup: () => idleBackup,
    setBackupSettings: () => idleBackup,
    listPeople: () => [],
    getPerson: ({ personId }) => ({ id: personId, name: 'Ana', me: false, namedByUser: false, senders: [], chats: [], suggestions: [] }),
    findPersonOfMessage: () => null,
    linkPeople: ({ personId }) => ({ id: personId, name: 'Ana', me: false, namedByUser: false, senders: [] }),
    unlinkSender: () => ({ id: 2, name: 'Ana', me: false, namedByUser: false, senders: [] }),
    renamePerson: ({ personId, name }) => ({ id: personId, name, me: false, namedByUser: true, senders: [] }),
    setChatHiddenFromAssistants: () => undefined,
    ...overrides,
  };
}

const idleSignal = new AbortController().signal;

describe('dispatchIpcCall', () => {
  it('hands the call its signal, and answers CANCELLED when the call was cancelled', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | null = null;
    const countSearchMatches = (_filter: unknown, signal: AbortSignal) => {
      seen = signal;
      controller.abort();
      signal.throwIfAborted();
      return { onComputer: 0, atSource: null, notDownloaded: [], notes: [] };
    };
    const filter = { chatId: 1, from: null, to: null, query: 'x', sender: '', kinds: [] };
    const result = await dispatchIpcCall(handlers({ countSearchMatches }), 'countSearchMatches', filter, () => {}, controller.signal);
    expect(seen).toBe(controller.signal);
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('refuses links that are not http(s) in the contract itself', async () => {
    const openExternalLink = vi.fn();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'scrollback://x', 'data:text/html,hi']) {
      expect(await dispatchIpcCall(handlers({ openExternalLink }), 'openExternalLink', { url }, () => {}, idleSignal)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(
      await dispatchIpcCall(handlers({ openExternalLink }), 'openExternalLink', { url: 'https://example.org/a?b' }, () => {}, idleSignal),
    ).toMatchObject({ ok: true });
    expect(openExternalLink).toHaveBeenCalledTimes(1);
  });

  it('passes validated input to the handler and wraps its value', async () => {
    const getHistoryPage = vi.fn(handlers().getHistoryPage);
    const cursor = encodeCursor({ date: 10, sortKey: 3, id: '3' });
    const result = await dispatchIpcCall(
      handlers({ getHistoryPage }),
      'getHistoryPage',
      { chatId: 2, anchor: { kind: 'before', cursor }, limit: 50 },
      () => {},
      idleSignal,
    );
    expect(result.ok).toBe(true);
    expect(getHistoryPage).toHaveBeenCalledWith({ chatId: 2, anchor: { kind: 'before', cursor }, limit: 50 }, idleSignal);
  });

  it.each([
    [{ chatId: -1, anchor: { kind: 'latest' }, limit: 5 }, /chatId/],
    [{ chatId: 1, anchor: { kind: 'before', cursor: 'nonsense' }, limit: 5 }, /anchor.cursor is not a cursor/],
    [{ chatId: 1, anchor: { kind: 'latest' }, limit: 100000 }, /limit/],
    [{ chatId: 1, anchor: { kind: 'sideways' }, limit: 5 }, /anchor/],
    [{ chatId: 1, anchor: { kind: 'latest' }, limit: 5, extra: true }, /input|extra/i],
  ])('refuses %j as INVALID_INPUT naming the field', async (input, field) => {
    const getHistoryPage = vi.fn();
    const result = await dispatchIpcCall(handlers({ getHistoryPage }), 'getHistoryPage', input, () => {}, idleSignal);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(field) } });
    expect(getHistoryPage).not.toHaveBeenCalled();
  });

  it('returns a ScrollbackError as data and hides anything else behind INTERNAL, logging it', async () => {
    const logged: unknown[] = [];
    const known = await dispatchIpcCall(
      handlers({
        listChats: () => {
          throw new ScrollbackError('RATE_LIMITED', 'wait', { retryAfterMs: 3000 });
        },
      }),
      'listChats',
      undefined,
      (e) => logged.push(e),
      idleSignal,
    );
    expect(known).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: 'wait', retryAfterMs: 3000 } });
    const secret = 'session=AAAsecret';
    const unknown = await dispatchIpcCall(
      handlers({
        listChats: () => {
          throw new Error(secret);
        },
      }),
      'listChats',
      undefined,
      (e) => logged.push(e),
      idleSignal,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(unknown)).not.toContain(secret);
    expect(logged).toHaveLength(1);
  });

  it('refuses unknown methods', async () => {
    expect(await dispatchIpcCall(handlers(), 'deleteEverything', {}, () => {}, idleSignal)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('property: any payload to any method gets an answer, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ipcMethodNames, 'nope', '__proto__'), fc.anything(), async (method, payload) => {
        const result = await dispatchIpcCall(handlers(), method, payload, () => {}, idleSignal);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
