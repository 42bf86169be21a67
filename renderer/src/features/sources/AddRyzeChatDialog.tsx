import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { useT } from '../../i18n/translate.ts';

const DEFAULT_BASE_URL = 'https://ryzeapi.cloud';

/**
 * Adds a WhatsApp chat through RyzeAPI: the connection (instance, base URL, token) and the chat's number or
 * JID. The token goes to the main process's encrypted store; it is never shown again or sent back.
 */
export function AddRyzeChatDialog({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(chatId: number): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  const [instance, setInstance] = useState('');
  const [baseUrl, setBaseUrl] = useState(DEFAULT_BASE_URL);
  const [token, setToken] = useState('');
  const [chat, setChat] = useState('');
  const [allowWeak, setAllowWeak] = useState(false);
  const [needsConsent, setNeedsConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const source = await scrollback.addRyzeConnection({
        instance: instance.trim(),
        baseUrl: baseUrl.trim(),
        token,
        allowWeakEncryption: allowWeak,
        // Tried before anything is saved, so a wrong URL, instance or token is said before it is stored.
        tryChat: chat,
      });
      const added = await scrollback.addRyzeChat({ sourceId: source.id, numberOrJid: chat });
      setToken('');
      await client.invalidateQueries({ queryKey: queryKeys.chats() });
      onAdded(added.id);
      onClose();
    } catch (caught) {
      const failure = caught instanceof ScrollbackError ? caught : null;
      if (failure?.code === 'FORBIDDEN' && /keyring/i.test(failure.message)) setNeedsConsent(true);
      setError(failure ? failure.message : t('ryze.add.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="app-dialog ryze-dialog" aria-labelledby="ryze-title" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="ryze-title">{t('ryze.add.title')}</h2>
        <LabelledField
          label={t('ryze.add.instance')}
          required
          value={instance}
          onChange={(e) => setInstance(e.target.value)}
          data-testid="ryze-instance"
          autoComplete="off"
        />
        <LabelledField
          label={t('ryze.add.baseUrl')}
          required
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          data-testid="ryze-base-url"
        />
        <LabelledField
          label={t('ryze.add.token')}
          required
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          data-testid="ryze-token"
          autoComplete="off"
        />
        <LabelledField
          label={t('ryze.add.chat')}
          required
          placeholder={t('ryze.add.chatExample')}
          value={chat}
          onChange={(e) => setChat(e.target.value)}
          data-testid="ryze-chat"
        />
        {needsConsent && (
          <label className="consent">
            <input type="checkbox" checked={allowWeak} onChange={(e) => setAllowWeak(e.target.checked)} /> {t('ryze.add.allowWeak')}
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('ryze.add.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
