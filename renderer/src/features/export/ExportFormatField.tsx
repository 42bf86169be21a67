import type { ExportFormatInfo } from '../../../../shared/exporting.ts';
import { useT } from '../../i18n/translate.ts';

/** The format choice, one radio button per format of core's registry, labelled as its record says. */
export function ExportFormatField({
  formats,
  chosen,
  onChoose,
}: {
  formats: readonly ExportFormatInfo[];
  chosen: string | undefined;
  onChoose(id: string): void;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('export.format.legend')}</legend>
      {formats.map((format) => (
        <label key={format.id}>
          <input type="radio" name="format" value={format.id} checked={chosen === format.id} onChange={() => onChoose(format.id)} />{' '}
          {t('export.format.name', { id: format.id, label: format.label })}
        </label>
      ))}
    </fieldset>
  );
}
