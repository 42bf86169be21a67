import { useCallback, useState } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { useAppCommand } from '../../app/appCommands.ts';
import { formatCount } from '../../format/formatDates.ts';
import { HistoryList } from './HistoryList.tsx';
import { windowKeyOf, type WindowTarget } from './historyWindow.ts';
import { JumpToDateDialog } from './JumpToDateDialog.tsx';

/** A chat: its header (name, counts, jump to date, offline state) and one history window at a time. */
export function HistoryView({ chat }: { chat: ChatSummary }) {
  const [target, setTarget] = useState<WindowTarget>({ kind: 'latest' });
  const [nonce, setNonce] = useState(0);
  const [jumpOpen, setJumpOpen] = useState(false);
  const [offline, setOffline] = useState(false);

  const jump = useCallback((next: WindowTarget) => {
    setTarget(next);
    setNonce((n) => n + 1);
  }, []);
  useAppCommand('jumpToDate', () => setJumpOpen(true));

  const windowKey = windowKeyOf(target, nonce);
  return (
    <section className="history-view" aria-label={chat.name}>
      <header className="chat-header">
        <div className="chat-title">
          <h1 dir="auto">{chat.name}</h1>
          <span className="chat-subtitle">
            {chat.messageCount !== null ? `${formatCount(chat.messageCount)} messages` : `${formatCount(chat.cachedCount)} cached`}
            {offline && <span className="offline-badge" title="The source could not be reached; showing what is cached."> · Offline, showing cached history</span>}
          </span>
        </div>
        <button type="button" onClick={() => setJumpOpen(true)} title="Jump to date (Ctrl+G)" data-testid="open-jump-to-date">
          Jump to date
        </button>
      </header>
      <HistoryList
        key={windowKey}
        chatId={chat.id}
        chatName={chat.name}
        target={target}
        windowKey={windowKey}
        onJump={jump}
        onOfflineChange={setOffline}
        focusOnPlace={nonce > 0}
      />
      <JumpToDateDialog
        open={jumpOpen}
        initialDate={target.kind === 'aroundDate' ? target.date : (chat.lastMessageDate ?? Date.now())}
        onClose={() => setJumpOpen(false)}
        onJump={(date) => {
          setJumpOpen(false);
          jump({ kind: 'aroundDate', date });
        }}
      />
    </section>
  );
}
