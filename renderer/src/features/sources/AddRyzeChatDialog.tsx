import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';

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
      setError(failure ? failure.message : 'Could not add the chat.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="app-dialog ryze-dialog" aria-labelledby="ryze-title" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="ryze-title">Add a WhatsApp chat (RyzeAPI)</h2>
        <LabelledField
          label="Instance name"
          required
          value={instance}
          onChange={(e) => setInstance(e.target.value)}
          data-testid="ryze-instance"
          autoComplete="off"
        />
        <LabelledField label="Base URL" required value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} data-testid="ryze-base-url" />
        <LabelledField
          label="Token"
          required
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          data-testid="ryze-token"
          autoComplete="off"
        />
        <LabelledField
          label="Chat: phone number or JID"
          required
          placeholder="5511999999999 or …@g.us"
          value={chat}
          onChange={(e) => setChat(e.target.value)}
          data-testid="ryze-chat"
        />
        {needsConsent && (
          <label className="consent">
            <input type="checkbox" checked={allowWeak} onChange={(e) => setAllowWeak(e.target.checked)} /> Store the token without a keyring
            (it will not be truly protected)
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Add chat
          </button>
        </div>
      </form>
    </dialog>
  );
}
