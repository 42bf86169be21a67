import { useState } from 'react';
import { backupKinds, backupMediaTypes, type BackupKind, type BackupMediaType, type BackupSettings } from '../../../../shared/backup.ts';
import { useT } from '../../i18n/translate.ts';

/** What the form edits: everything but the exclusions, which the chat table sets one chat at a time. */
export type EditedBackupSettings = Omit<BackupSettings, 'excludedChatIds'>;

const SCHEDULES = [0, 360, 1440, 10080];
const MB = 1024 * 1024;

/** The media rules as the form holds them: each type chosen or not, with its largest size in MB as typed. */
function mediaDraft(settings: BackupSettings): Record<BackupMediaType, { chosen: boolean; maxMb: string }> {
  const draft = {} as Record<BackupMediaType, { chosen: boolean; maxMb: string }>;
  for (const type of backupMediaTypes) {
    const rule = settings.media.find((candidate) => candidate.type === type);
    draft[type] = { chosen: Boolean(rule), maxMb: rule?.maxBytes ? String(Math.round((rule.maxBytes / MB) * 10) / 10) : '' };
  }
  return draft;
}

/** What the backup covers: kinds of chats, media types up to a size (Telegram Desktop's choices), the schedule. */
export function BackupSettingsForm({
  settings,
  saving,
  saved,
  error,
  onSave,
}: {
  settings: BackupSettings;
  saving: boolean;
  saved: boolean;
  error: string | null;
  onSave(settings: EditedBackupSettings): void;
}) {
  const t = useT();
  const [kinds, setKinds] = useState<Set<BackupKind>>(() => new Set(settings.kinds));
  const [media, setMedia] = useState(() => mediaDraft(settings));
  const [everyMinutes, setEveryMinutes] = useState(settings.everyMinutes);
  const [includeLeft, setIncludeLeft] = useState(settings.includeLeft);
  const schedules = SCHEDULES.includes(everyMinutes) ? SCHEDULES : [...SCHEDULES, everyMinutes];
  return (
    <form
      className="backup-settings"
      data-testid="backup-settings"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({
          kinds: backupKinds.filter((kind) => kinds.has(kind)),
          media: backupMediaTypes
            .filter((type) => media[type].chosen)
            .map((type) => {
              const mb = Number(media[type].maxMb);
              return { type, maxBytes: media[type].maxMb.trim() !== '' && Number.isFinite(mb) && mb > 0 ? Math.round(mb * MB) : null };
            }),
          everyMinutes,
          includeLeft,
        });
      }}
    >
      <h3>{t('backup.settings.heading')}</h3>
      <fieldset>
        <legend>{t('backup.kinds.label')}</legend>
        {backupKinds.map((kind) => (
          <label key={kind} className="backup-check">
            <input
              type="checkbox"
              checked={kinds.has(kind)}
              onChange={(event) =>
                setKinds((held) => {
                  const next = new Set(held);
                  if (event.target.checked) next.add(kind);
                  else next.delete(kind);
                  return next;
                })
              }
            />
            {t('backup.kind', { kind })}
          </label>
        ))}
        <label className="backup-check">
          <input type="checkbox" checked={includeLeft} onChange={(event) => setIncludeLeft(event.target.checked)} />
          {t('backup.includeLeft')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('backup.media.heading')}</legend>
        <p className="backup-hint">{t('backup.media.maxSize')}</p>
        {backupMediaTypes.map((type) => (
          <div key={type} className="backup-media-rule">
            <label className="backup-check">
              <input
                type="checkbox"
                checked={media[type].chosen}
                onChange={(event) => setMedia((held) => ({ ...held, [type]: { ...held[type], chosen: event.target.checked } }))}
              />
              {t('backup.mediaType', { type })}
            </label>
            <input
              type="number"
              min="0"
              step="any"
              inputMode="decimal"
              aria-label={t('backup.media.maxSizeOf', { type: t('backup.mediaType', { type }) })}
              disabled={!media[type].chosen}
              value={media[type].maxMb}
              onChange={(event) => setMedia((held) => ({ ...held, [type]: { ...held[type], maxMb: event.target.value } }))}
            />
          </div>
        ))}
      </fieldset>
      <label>
        {t('backup.schedule.label')}
        <select value={everyMinutes} onChange={(event) => setEveryMinutes(Number(event.target.value))}>
          {schedules.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('backup.schedule', { every: String(minutes) })}
            </option>
          ))}
        </select>
      </label>
      <div className="dialog-buttons">
        {error && (
          <span className="backup-error" role="alert">
            {error}
          </span>
        )}
        {saved && !saving && !error && <span role="status">{t('backup.settings.saved')}</span>}
        <button type="submit" disabled={saving} data-testid="backup-save-settings">
          {t('backup.settings.save')}
        </button>
      </div>
    </form>
  );
}
