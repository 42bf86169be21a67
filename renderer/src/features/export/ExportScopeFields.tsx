import type { ExportFormatInfo, ExportMediaMode } from '../../../../shared/exporting.ts';
import type { ExportChoices, ExportScope } from './useExportRequest.ts';

const MEDIA_CHOICES: Record<ExportMediaMode, string> = {
  all: 'Files and thumbnails on this computer',
  thumbnails: 'Thumbnails only',
  none: 'No media (names only)',
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
      <legend>Messages</legend>
      <label>
        <input type="radio" name="range" checked={range === 'all'} onChange={() => setRange('all')} /> The whole chat
      </label>
      <label>
        <input type="radio" name="range" checked={range === 'dates'} onChange={() => setRange('dates')} /> From{' '}
        {day('From day', choices.fromDay, choices.setFromDay)} to {day('To day', choices.toDay, choices.setToDay)}
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
          The {scope.selection.length.toLocaleString()} selected messages
        </label>
      )}
      {scope.search && (
        <label>
          <input type="radio" name="range" checked={range === 'search'} onChange={() => setRange('search')} /> The current search result
        </label>
      )}
      <label>
        <input type="checkbox" checked={choices.includeService} onChange={(event) => choices.setIncludeService(event.target.checked)} />{' '}
        Include service messages (joins, pins, calls)
      </label>
      {format?.carriesMedia && (
        <label>
          Media{' '}
          <select value={choices.media} onChange={(event) => choices.setMedia(mediaModeOf(event.target.value))} data-testid="export-media">
            {Object.entries(MEDIA_CHOICES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      )}
      {format?.offersBom && (
        <label>
          <input type="checkbox" checked={choices.csvBom} onChange={(event) => choices.setCsvBom(event.target.checked)} /> Mark as UTF-8 for
          spreadsheet apps (BOM)
        </label>
      )}
    </fieldset>
  );
}

function mediaModeOf(value: string): ExportMediaMode {
  return value === 'thumbnails' || value === 'none' ? value : 'all';
}
