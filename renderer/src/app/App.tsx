import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../bridge/scrollbackClient.ts';
import { ChatList } from '../features/chat-list/ChatList.tsx';
import { HistoryView } from '../features/history/HistoryView.tsx';
import { commandForKey, emitAppCommand } from './appCommands.ts';

const LAST_CHAT_KEY = 'scrollback.lastChatId';

function readLastChatId(): number | null {
  const stored = Number(localStorage.getItem(LAST_CHAT_KEY));
  return Number.isSafeInteger(stored) && stored > 0 ? stored : null;
}

export function App() {
  const chats = useQuery({ queryKey: ['chats'], queryFn: () => scrollback.listChats() });
  const [selectedChatId, setSelectedChatId] = useState<number | null>(readLastChatId);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (command) {
        event.preventDefault();
        emitAppCommand(command);
      }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = window.scrollback.onAppEvent((event) => {
      if (event.kind === 'menuCommand') emitAppCommand(event.command);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, []);

  // The remembered chat may be gone (another database): fall back to the first chat.
  const chatList = chats.data ?? [];
  const selected = chatList.find((chat) => chat.id === selectedChatId) ?? chatList[0] ?? null;

  const select = (chatId: number) => {
    setSelectedChatId(chatId);
    localStorage.setItem(LAST_CHAT_KEY, String(chatId));
  };

  return (
    <div className="app">
      <ChatList chats={chatList} loading={chats.isPending} error={chats.error} selectedChatId={selected?.id ?? null} onSelect={select} />
      <main className="chat-pane">
        {selected ? (
          <HistoryView key={selected.id} chat={selected} />
        ) : (
          <div className="empty-state">{chats.isPending ? 'Loading chats…' : 'No chats yet. Import an export file or add an account.'}</div>
        )}
      </main>
    </div>
  );
}
