import { useState } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import type { ExportFormatInfo, ExportMediaMode, ExportRequest } from '../../../../shared/exporting.ts';
import { endOfDateInput, parseDateInput } from '../../../../shared/parseDateInput.ts';

/**
 * What opened the dialog: a chat, for "Export these results" the search's filter and dates, and for "Export
 * selected" the messages selected in the window (oldest first).
 */
export interface ExportScope {
  chat: ChatSummary;
  search: { filter: NonNullable<ExportRequest['filter']>; from: number | null; to: number | null } | null;
  selection?: string[];
}

export type ExportRange = 'all' | 'dates' | 'search' | 'selected';

/** The format the dialog starts with: a page anyone can open. */
const FIRST_CHOICE = 'html';

function dayBound(text: string, end: boolean): number | null {
  if (text === '') return null;
  const parsed = parseDateInput(text);
  if (!parsed.ok) return null;
  return end ? endOfDateInput(parsed) : parsed.date;
}

/**
 * The export dialog's choices and the request they make: options a format does not take (media, a byte
 * order mark) are left out of the request, as its format's record says.
 */
export function useExportRequest(scope: ExportScope, formats: readonly ExportFormatInfo[]) {
  const [chosenFormat, setFormat] = useState<string | null>(null);
  const [range, setRange] = useState<ExportRange>(scope.selection ? 'selected' : scope.search ? 'search' : 'all');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [includeService, setIncludeService] = useState(true);
  const [csvBom, setCsvBom] = useState(true);
  const [media, setMedia] = useState<ExportMediaMode>('all');

  const format =
    formats.find((candidate) => candidate.id === chosenFormat) ?? formats.find((candidate) => candidate.id === FIRST_CHOICE) ?? formats[0];
  const request: ExportRequest = {
    chatId: scope.chat.id,
    format: format?.id ?? FIRST_CHOICE,
    from: range === 'dates' ? dayBound(fromDay, false) : range === 'search' ? (scope.search?.from ?? null) : null,
    to: range === 'dates' ? dayBound(toDay, true) : range === 'search' ? (scope.search?.to ?? null) : null,
    filter: range === 'search' ? (scope.search?.filter ?? null) : null,
    includeService,
    csvBom: (format?.offersBom ?? false) && csvBom,
    media: format?.carriesMedia ? media : 'none',
    messageIds: range === 'selected' ? (scope.selection ?? null) : null,
  };
  const badDates = range === 'dates' && ((fromDay !== '' && request.from === null) || (toDay !== '' && request.to === null));
  return {
    request,
    format,
    badDates,
    choices: {
      range,
      setRange,
      fromDay,
      setFromDay,
      toDay,
      setToDay,
      includeService,
      setIncludeService,
      csvBom,
      setCsvBom,
      media,
      setMedia,
    },
    setFormat,
  };
}

export type ExportChoices = ReturnType<typeof useExportRequest>['choices'];
