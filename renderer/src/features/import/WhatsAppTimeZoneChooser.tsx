import { useMemo } from 'react';
import { chooseWhatsAppTimeZone, computerTimeZone, useWhatsAppTimeZone } from './whatsAppTimeZone.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * The zone WhatsApp exports are read in: their times are the phone's clock, with no zone, so a chat
 * exported on a phone elsewhere needs to be told. Applies to the next imports; what was imported stays.
 */
export function WhatsAppTimeZoneChooser() {
  const t = useT();
  const chosen = useWhatsAppTimeZone();
  const computers = computerTimeZone();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  return (
    <label className="refresh-schedule" title={t('import.whatsAppZone.explanation')}>
      {t('import.whatsAppZone.label')}{' '}
      <select
        value={chosen ?? ''}
        onChange={(event) => chooseWhatsAppTimeZone(event.target.value || null)}
        data-testid="whatsapp-time-zone"
      >
        <option value="">{t('import.whatsAppZone.computers', { zone: computers })}</option>
        {zones
          .filter((zone) => zone !== computers)
          .map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
      </select>
    </label>
  );
}
