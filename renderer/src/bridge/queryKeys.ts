/**
 * Every react-query key of the window, in one place: queries and the pushed-event updates that keep them
 * fresh (useAppEvents) take their keys from here, so the two cannot drift apart (a drifted key once broke
 * live updates). Keys nest: a shorter key is a prefix that invalidates or updates every key under it, so
 * `history.chat(id)` reaches every window of that chat, and `chats()` the whole list but not its first
 * screen (which is kept until the whole list replaces it).
 */
export const queryKeys = {
  /** The whole chat list. */
  chats: () => ['chats'] as const,
  /** The first screenful of chats, asked alone before the whole list (never refetched). */
  chatsFirstScreen: () => ['chatsFirstScreen'] as const,
  sourceKinds: () => ['sourceKinds'] as const,
  /** The formats File → Import… reads (core's registry; fixed while the app runs). */
  importFormats: () => ['importFormats'] as const,
  /** Filled only by pushed events: the source being retried right now. */
  sourceRetry: (sourceId: string) => ['sourceRetry', sourceId] as const,

  history: {
    /** Every loaded window of a chat's history (what a changed message updates). */
    chat: (chatId: number) => ['history', chatId] as const,
    /** One window's pages; a live update that extends the window writes to this same key. */
    window: (chatId: number, topicId: string | null, windowKey: string) => ['history', chatId, topicId, windowKey] as const,
  },
  versions: {
    /** Earlier versions of every message of a chat. */
    chat: (chatId: number) => ['versions', chatId] as const,
    message: (chatId: number, messageId: string) => ['versions', chatId, messageId] as const,
  },
  newerCount: (chatId: number, date: number | null) => ['newerCount', chatId, date] as const,
  coverage: (chatId: number) => ['coverage', chatId] as const,
  topics: (chatId: number) => ['topics', chatId] as const,
  changes: (chatId: number, since: number) => ['changes', chatId, since] as const,
  density: (chatId: number, year: number, month: number) => ['density', chatId, year, month] as const,
  sourceDensity: (chatId: number, weekStart: number | undefined) => ['source-density', chatId, weekStart] as const,
  /** A chat's background download. */
  sync: (chatId: number) => ['sync', chatId] as const,

  search: {
    results: (filterKey: string, order: 'newest' | 'oldest') => ['search', filterKey, order] as const,
    count: (filterKey: string) => ['searchCount', filterKey] as const,
    senders: (chatId: number | null, text: string | null) => ['suggestSenders', chatId, text] as const,
  },

  media: {
    gallery: (chatId: number, tab: string) => ['chatMedia', chatId, tab] as const,
    around: (chatId: number, messageId: string) => ['mediaAround', chatId, messageId] as const,
    download: (chatId: number, messageId: string) => ['mediaDownload', chatId, messageId] as const,
    settings: () => ['mediaSettings'] as const,
  },
  refreshSettings: () => ['refreshSettings'] as const,
  /** An account's whole backup: its figures (kept current by pushed `backupStatus`) and its chats. */
  backup: {
    status: (sourceId: string) => ['backup', sourceId, 'status'] as const,
    chats: (sourceId: string) => ['backup', sourceId, 'chats'] as const,
  },
  /** People across sources: every person view (invalidated whole after a link, unlink or rename). */
  people: {
    all: () => ['person'] as const,
    person: (personId: number) => ['person', personId] as const,
  },
  /** An installed app's downloaded update (filled at start and by main's pushed `updateReady`). */
  updateState: () => ['updateState'] as const,

  /** Long jobs in main, kept current by pushed events. */
  jobs: {
    import: () => ['job', 'import'] as const,
    export: () => ['job', 'export'] as const,
  },
  exports: {
    /** Earlier exports of a chat. */
    ofChat: (chatId: number) => ['exports', chatId] as const,
    estimate: (request: unknown) => ['exportEstimate', request] as const,
    /** The formats core's registry offers (fixed while the app runs). */
    formats: () => ['exportFormats'] as const,
  },
};
