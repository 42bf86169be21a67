import type { ChatSummary, SourceKind } from '../../../../shared/domain.ts';

export type ChatRow = { kind: 'chat'; chat: ChatSummary };
export type ListRow =
  | { kind: 'group'; sourceId: string; name: string; sourceKind: SourceKind }
  | { kind: 'archive'; sourceId: string; count: number; open: boolean }
  | ChatRow;

/**
 * The list's rows: each source's name, then its chats (those the filter keeps; pinned first, as the query
 * orders them), then its archived chats behind one "Archived" row, shown when opened or when filtering.
 */
export function chatListRows(chats: readonly ChatSummary[], filter: string, openArchives: ReadonlySet<string>): ListRow[] {
  const needle = filter.trim().toLocaleLowerCase();
  const bySource = new Map<string, { name: string; kind: SourceKind; chats: ChatSummary[]; archived: ChatSummary[] }>();
  for (const chat of chats) {
    if (needle && !chat.name.toLocaleLowerCase().includes(needle)) continue;
    const group = bySource.get(chat.sourceId) ?? { name: chat.sourceName, kind: chat.sourceKind, chats: [], archived: [] };
    (chat.archived ? group.archived : group.chats).push(chat);
    bySource.set(chat.sourceId, group);
  }
  return [...bySource.entries()].flatMap(([sourceId, group]) => {
    const open = needle !== '' || openArchives.has(sourceId);
    return [
      { kind: 'group' as const, sourceId, name: group.name, sourceKind: group.kind },
      ...group.chats.map((chat) => ({ kind: 'chat' as const, chat })),
      ...(group.archived.length > 0 ? [{ kind: 'archive' as const, sourceId, count: group.archived.length, open }] : []),
      ...(open ? group.archived.map((chat) => ({ kind: 'chat' as const, chat })) : []),
    ];
  });
}
