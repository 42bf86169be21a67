import type { ExportFormatInfo, ExportMediaMode } from '../../../../shared/exporting.ts';
import type { ExportChoices, ExportScope } from './useExportRequest.ts';
import { useT } from '../../i18n/translate.ts';
import type { MessageId } from '../../../../shared/i18n/locales.ts';

const MEDIA_CHOICES: Record<ExportMediaMode, MessageId> = {
  all: 'export.media.all',
  thumbnails: 'export.media.thumbnails',
  none: 'export.media.none',
};

/** Which messages (all, days, the selection, the search result), service messages, and the format's options. */
export function ExportScopeFields({
  scope,
  format,
  choices,
}: {
  scope: ExportScope;
  format: ExportFormatInfo | undefined;
  choices: ExportChoices;
}) {
  const t = useT();
  const { range, setRange } = choices;
  const day = (label: string, value: string, set: (value: string) => void) => (
    <input
      type="date"
      aria-label={label}
      value={value}
      onChange={(event) => {
        set(event.target.value);
        setRange('dates');
      }}
    />
  );
  return (
    <fieldset>
      <legend>{t('export.scope.legend')}</legend>
      <label>
        <input type="radio" name="range" checked={range === 'all'} onChange={() => setRange('all')} /> {t('export.scope.all')}
      </label>
      <label>
        <input type="radio" name="range" checked={range === 'dates'} onChange={() => setRange('dates')} /> {t('export.scope.from')}{' '}
        {day(t('export.scope.fromDay'), choices.fromDay, choices.setFromDay)} {t('export.scope.to')}{' '}
        {day(t('export.scope.toDay'), choices.toDay, choices.setToDay)}
      </label>
      {scope.selection && (
        <label>
          <input
            type="radio"
            name="range"
            checked={range === 'selected'}
            onChange={() => setRange('selected')}
            data-testid="export-selected"
          />{' '}
          {t('export.scope.selected', { count: scope.selection.length })}
        </label>
      )}
      {scope.search && (
        <label>
          <input type="radio" name="range" checked={range === 'search'} onChange={() => setRange('search')} /> {t('export.scope.search')}
        </label>
      )}
      <label>
        <input type="checkbox" checked={choices.includeService} onChange={(event) => choices.setIncludeService(event.target.checked)} />{' '}
        {t('export.scope.includeService')}
      </label>
      {format?.carriesMedia && (
        <label>
          {t('export.media.label')}{' '}
          <select value={choices.media} onChange={(event) => choices.setMedia(mediaModeOf(event.target.value))} data-testid="export-media">
            {Object.entries(MEDIA_CHOICES).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
      )}
      {format?.offersBom && (
        <label>
          <input type="checkbox" checked={choices.csvBom} onChange={(event) => choices.setCsvBom(event.target.checked)} />{' '}
          {t('export.csv.bom')}
        </label>
      )}
    </fieldset>
  );
}

function mediaModeOf(value: string): ExportMediaMode {
  return value === 'thumbnails' || value === 'none' ? value : 'all';
}
