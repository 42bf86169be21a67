import { useT } from '../../i18n/translate.ts';

/** Selection mode's bar over the history: how many are selected, copy, export, leave (Esc). */
export function SelectionBar({ count, onCopy, onExport, onClear }: { count: number; onCopy(): void; onExport(): void; onClear(): void }) {
  const t = useT();
  return (
    <div className="selection-bar" role="toolbar" aria-label={t('history.selection.label')} data-testid="selection-bar">
      <span data-testid="selection-count">{t('history.selection.count', { count })}</span>
      <button type="button" onClick={onCopy} title={t('history.selection.copyTitle')} data-testid="selection-copy">
        {t('history.selection.copy')}
      </button>
      <button type="button" onClick={onExport} data-testid="selection-export">
        {t('history.selection.export')}
      </button>
      <button type="button" onClick={onClear} title={t('history.selection.clearTitle')} data-testid="selection-clear">
        {t('common.cancel')}
      </button>
      <span className="selection-hint">{t('history.selection.hint')}</span>
    </div>
  );
}
