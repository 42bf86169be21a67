import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ChatSummary } from '../../../../shared/domain.ts';
import {
  describeSearchQuery,
  describeSearchQueryNote,
  explainSearchQuery,
  parseSearchQuery,
  topLevelTerms,
  withTopLevelTerms,
  type QueryNode,
} from '../../../../shared/searchQuery.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useT } from '../../i18n/translate.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { quickRange, type QuickRange } from './searchDates.ts';
import { emptySearchForm, type SearchForm } from './searchForm.ts';
import { kindChipsIn, withKindChips, type KindChip } from './kindTokens.ts';
import { useDebounced } from './useDebounced.ts';

/**
 * The search panel's fields. The box is the filter; the sender field and kind chips are views of its
 * top-level tokens, and typing `from:da` offers the senders whose name contains "da".
 */
export function useSearchForm(chatId: number | null, initialQuery = '') {
  const t = useT();
  const [form, setForm] = useState<SearchForm>(() => ({ ...emptySearchForm, query: initialQuery }));
  const { query } = form;
  const setField =
    <K extends keyof SearchForm>(field: K) =>
    (value: SearchForm[K]) =>
      setForm((current) => ({ ...current, [field]: value }));
  const setQuery = setField('query');
  const queryRef = useRef<HTMLInputElement>(null);
  const parsed = useMemo(() => parseSearchQuery(query), [query]);
  const senderToken =
    topLevelTerms(parsed.root).find((node): node is Extract<QueryNode, { type: 'from' }> => node.type === 'from')?.value ?? '';
  const [senderDraft, setSenderDraft] = useState<string | null>(null);
  const sender = senderDraft !== null && senderDraft.trim() === senderToken ? senderDraft : senderToken;
  const setSender = (value: string) => {
    setSenderDraft(value);
    setQuery(withTopLevelTerms(query, (node) => node.type === 'from', value.trim() === '' ? [] : [{ type: 'from', value: value.trim() }]));
  };
  const chips = kindChipsIn(parsed.root);
  const typedSender = /(?:^|\s)(-?)from:([^\s"]*)$/.exec(query);
  const senderText = useDebounced(typedSender?.[2] ?? null, 120);
  const suggestions = useQuery({
    queryKey: queryKeys.search.senders(chatId, senderText),
    queryFn: () => scrollback.suggestSenders({ chatId, text: senderText ?? '' }),
    enabled: senderText !== null && typedSender !== null,
  });
  const chooseSender = (name: string) => {
    const token = `${typedSender?.[1] ?? ''}from:${/\s/.test(name) ? `"${name}"` : name}`;
    setQuery(`${query.slice(0, query.length - (typedSender?.[0].trimStart().length ?? 0))}${token} `);
    queryRef.current?.focus();
  };
  const readAs =
    parsed.root && (parsed.notes.length > 0 || /\b(OR|from:|in:|before:|after:|on:|during:|has:|is:)|["()-]/.test(query))
      ? describeSearchQuery(parsed.root, t)
      : null;
  const toggleKind = (kind: KindChip) =>
    setQuery(withKindChips(query, chips.includes(kind) ? chips.filter((k) => k !== kind) : [...chips, kind]));
  const applyQuick = (range: QuickRange) => {
    const { from, to } = quickRange(range);
    setForm((current) => ({ ...current, fromDay: from, toDay: to, fromTime: '', toTime: '' }));
  };
  const [earlierVersions, setEarlierVersions] = useState(false);
  return {
    form,
    setField,
    queryRef,
    notes: [...parsed.notes.map((note) => describeSearchQueryNote(note, t)), ...(readAs ? explainSearchQuery(parsed.root, t) : [])],
    readAs,
    sender,
    setSender,
    senderSuggestions: typedSender ? (suggestions.data ?? []) : [],
    chooseSender,
    chips,
    toggleKind,
    applyQuick,
    earlierVersions,
    setEarlierVersions,
  };
}

export type SearchFormState = ReturnType<typeof useSearchForm>;

/** A chat picked for the search, as the form and the filter know it. */
export function searchedChatId(scope: 'chat' | 'all', chat: ChatSummary | null): number | null {
  return scope === 'chat' ? (chat?.id ?? null) : null;
}
