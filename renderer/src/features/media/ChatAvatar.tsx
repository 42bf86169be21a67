import type { ChatSummary } from '../../../../shared/domain.ts';
import { avatarUrl } from './mediaUrls.ts';
import { PreviewedImage } from './PreviewedImage.tsx';

const SIZE = 36;

function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => [...word].find((char) => /\p{L}|\p{N}/u.test(char)) ?? '')
    .filter(Boolean);
  return letters.slice(0, 2).join('').toUpperCase() || '·';
}

/** A chat's picture: its photo (the stripped preview at once, the small photo when fetched), or its initials. */
export function ChatAvatar({ chat }: { chat: Pick<ChatSummary, 'id' | 'name' | 'avatar'> }) {
  if (!chat.avatar)
    return (
      <span className={`chat-avatar initials colour-${chat.id % 7}`} aria-hidden="true">
        {initialsOf(chat.name)}
      </span>
    );
  return (
    <span className="chat-avatar" aria-hidden="true" data-testid="chat-avatar">
      <PreviewedImage src={avatarUrl(chat.id)} preview={chat.avatar.preview} alt="" width={SIZE} height={SIZE} />
    </span>
  );
}
