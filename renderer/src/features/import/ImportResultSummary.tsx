import type { ReactNode } from 'react';
import type { FileImportResult } from '../../../../shared/importing.ts';

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
  const chats = result.flatMap((file) => file.chats);
  const zones = result
    .flatMap((file) => (file.timeZone ? [file.timeZone] : []))
    .filter((zone, index, all) => all.findIndex((other) => other.zone === zone.zone) === index);
  return (
    <div className="import-panel done" role="status" aria-label="Import">
      <span>Imported:</span>
      <ul>
        {chats.map((chat) => (
          <li key={chat.chatId}>
            <button type="button" className="link-button" onClick={() => onOpenChat(chat.chatId)}>
              {chat.name}
            </button>{' '}
            {chat.added.toLocaleString()} new
            {chat.inFile > chat.added ? `, ${(chat.inFile - chat.added).toLocaleString()} already there` : ''}
          </li>
        ))}
      </ul>
      {result.flatMap((file) =>
        file.readAs ? (
          <span key={`read-as:${file.path}`} className="import-time-zone" data-testid="import-read-as">
            {file.chats.map((chat) => chat.name).join(', ') || file.path}: {file.readAs}
          </span>
        ) : (
          []
        ),
      )}
      {zones.map(({ zone, computers }) => (
        <span key={zone} className="import-time-zone" data-testid="import-time-zone">
          WhatsApp times read in {zone}
          {computers ? " (this computer's zone; another can be chosen below the chat list)" : ''}
        </span>
      ))}
      {close}
    </div>
  );
}
