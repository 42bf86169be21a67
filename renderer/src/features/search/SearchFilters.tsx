import { useState } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { DensityCalendar } from '../calendar/DensityCalendar.tsx';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { startOf, toDayInput, type QuickRange } from './searchDates.ts';
import { KIND_CHIPS } from './kindTokens.ts';
import type { SearchFormState } from './useSearchForm.ts';
import { useT } from '../../i18n/translate.ts';

const QUICK_RANGES: readonly QuickRange[] = ['last7', 'thisMonth', 'thisYear', 'all'];

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
  const t = useT();
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [setFromDay, setFromTime, setToDay, setToTime] = [setField('fromDay'), setField('fromTime'), setField('toDay'), setField('toTime')];
  return (
    <div className={`search-filters${open ? ' open' : ''}`} data-testid="search-filters">
      <input
        className="search-sender"
        type="search"
        placeholder={t('search.filters.sender')}
        aria-label={t('search.filters.sender')}
        value={sender}
        onChange={(e) => setSender(e.target.value)}
        data-testid="search-sender"
      />
      <div className="search-kinds" role="group" aria-label={t('search.filters.kinds')}>
        {KIND_CHIPS.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={chips.includes(kind)}
            className={chips.includes(kind) ? 'on' : ''}
            onClick={() => toggleKind(kind)}
          >
            {t('search.filters.kind', { kind })}
          </button>
        ))}
      </div>
      <label className="search-earlier-versions" title={t('search.filters.earlierHint')}>
        <input
          type="checkbox"
          checked={earlierVersions}
          onChange={(event) => setEarlierVersions(event.target.checked)}
          data-testid="search-earlier-versions"
        />{' '}
        {t('search.filters.earlier')}
      </label>
      <div className="search-quick">
        {QUICK_RANGES.map((range) => (
          <button key={range} type="button" onClick={() => applyQuick(range)}>
            {t('search.filters.quick', { range })}
          </button>
        ))}
        {scope === 'chat' && chat && (
          <button
            type="button"
            aria-expanded={calendarOpen}
            aria-label={t('search.filters.calendar')}
            title={t('search.filters.calendar')}
            onClick={() => setCalendarOpen((o) => !o)}
            data-testid="search-calendar-toggle"
          >
            📅
          </button>
        )}
      </div>
      <div className="search-dates">
        <LabelledField
          label={`${t('search.filters.from')} `}
          type="date"
          value={fields.fromDay}
          onChange={(e) => setFromDay(e.target.value)}
          data-testid="search-from"
        />
        <input
          type="time"
          aria-label={t('search.filters.fromTime')}
          value={fields.fromTime}
          onChange={(e) => setFromTime(e.target.value)}
        />
        <LabelledField
          label={`${t('search.filters.to')} `}
          type="date"
          value={fields.toDay}
          onChange={(e) => setToDay(e.target.value)}
          data-testid="search-to"
        />
        <input type="time" aria-label={t('search.filters.toTime')} value={fields.toTime} onChange={(e) => setToTime(e.target.value)} />
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
