import { useState } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { DensityCalendar } from '../calendar/DensityCalendar.tsx';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { startOf, toDayInput, type QuickRange } from './searchDates.ts';
import { KIND_CHIPS } from './kindTokens.ts';
import type { SearchFormState } from './useSearchForm.ts';

const QUICK_RANGES: Array<{ range: QuickRange; label: string }> = [
  { range: 'last7', label: 'Last 7 days' },
  { range: 'thisMonth', label: 'This month' },
  { range: 'thisYear', label: 'This year' },
  { range: 'all', label: 'All time' },
];

/** The fields beside the box: sender, kinds, earlier versions, quick ranges, dates and the density calendar. */
export function SearchFilters({
  form,
  open,
  scope,
  chat,
}: {
  form: SearchFormState;
  open: boolean;
  scope: 'chat' | 'all';
  chat: ChatSummary | null;
}) {
  const { form: fields, setField, sender, setSender, chips, toggleKind, applyQuick, earlierVersions, setEarlierVersions } = form;
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [setFromDay, setFromTime, setToDay, setToTime] = [setField('fromDay'), setField('fromTime'), setField('toDay'), setField('toTime')];
  return (
    <div className={`search-filters${open ? ' open' : ''}`} data-testid="search-filters">
      <input
        className="search-sender"
        type="search"
        placeholder="Sender"
        aria-label="Sender"
        value={sender}
        onChange={(e) => setSender(e.target.value)}
        data-testid="search-sender"
      />
      <div className="search-kinds" aria-label="Kinds">
        {KIND_CHIPS.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={chips.includes(kind)}
            className={chips.includes(kind) ? 'on' : ''}
            onClick={() => toggleKind(kind)}
          >
            {kind}
          </button>
        ))}
      </div>
      <label className="search-earlier-versions" title="Words also match what edited messages said before (slower: every message is read)">
        <input
          type="checkbox"
          checked={earlierVersions}
          onChange={(event) => setEarlierVersions(event.target.checked)}
          data-testid="search-earlier-versions"
        />{' '}
        Search earlier versions of edited messages too
      </label>
      <div className="search-quick">
        {QUICK_RANGES.map(({ range, label }) => (
          <button key={range} type="button" onClick={() => applyQuick(range)}>
            {label}
          </button>
        ))}
        {scope === 'chat' && chat && (
          <button
            type="button"
            aria-expanded={calendarOpen}
            onClick={() => setCalendarOpen((o) => !o)}
            data-testid="search-calendar-toggle"
          >
            📅
          </button>
        )}
      </div>
      <div className="search-dates">
        <LabelledField
          label="From "
          type="date"
          value={fields.fromDay}
          onChange={(e) => setFromDay(e.target.value)}
          data-testid="search-from"
        />
        <input type="time" aria-label="From time (optional)" value={fields.fromTime} onChange={(e) => setFromTime(e.target.value)} />
        <LabelledField label="To " type="date" value={fields.toDay} onChange={(e) => setToDay(e.target.value)} data-testid="search-to" />
        <input type="time" aria-label="To time (optional)" value={fields.toTime} onChange={(e) => setToTime(e.target.value)} />
      </div>
      {calendarOpen && chat && (
        <DensityCalendar
          chatId={chat.id}
          value={startOf(fields.fromDay, '') ?? chat.lastMessageDate ?? Date.now()}
          onPick={(day) => {
            setFromDay(toDayInput(day));
            setToDay(toDayInput(day));
          }}
        />
      )}
    </div>
  );
}
