import type { ReactNode } from 'react';
import type { FileImportResult } from '../../../../shared/importing.ts';
import { useT } from '../../i18n/translate.ts';

/** What an import added, per chat (each opens the chat), how a WhatsApp file was read and the zone of its times. */
export function ImportResultSummary({
  result,
  onOpenChat,
  close,
}: {
  result: FileImportResult[];
  onOpenChat(chatId: number): void;
  close: ReactNode;
}) {
  const t = useT();
  const chats = result.flatMap((file) => file.chats);
  const zones = result
    .flatMap((file) => (file.timeZone ? [file.timeZone] : []))
    .filter((zone, index, all) => all.findIndex((other) => other.zone === zone.zone) === index);
  return (
    <div className="import-panel done" role="status" aria-label={t('import.panel.label')}>
      <span>{t('import.result.heading')}</span>
      <ul>
        {chats.map((chat) => (
          <li key={chat.chatId}>
            <button type="button" className="link-button" onClick={() => onOpenChat(chat.chatId)}>
              {chat.name}
            </button>{' '}
            {chat.inFile > chat.added
              ? t('import.result.chatAddedWithExisting', { added: chat.added, existing: chat.inFile - chat.added })
              : t('import.result.chatAdded', { added: chat.added })}
          </li>
        ))}
      </ul>
      {result.flatMap((file) =>
        file.readAs ? (
          <span key={`read-as:${file.path}`} className="import-time-zone" data-testid="import-read-as">
            {t('import.result.readAs', { what: file.chats.map((chat) => chat.name).join(', ') || file.path, readAs: file.readAs })}
          </span>
        ) : (
          []
        ),
      )}
      {result.flatMap((file) =>
        file.nothingImported ? (
          <span key={`nothing:${file.path}`} className="import-time-zone" data-testid="import-nothing-imported">
            {t('import.result.nothingImported', { what: file.path, reason: file.nothingImported })}
          </span>
        ) : (
          []
        ),
      )}
      {zones.map(({ zone, computers }) => (
        <span key={zone} className="import-time-zone" data-testid="import-time-zone">
          {computers ? t('import.result.zoneComputers', { zone }) : t('import.result.zone', { zone })}
        </span>
      ))}
      {close}
    </div>
  );
}
