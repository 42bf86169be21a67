import type { ChatSummary } from '../../../../shared/domain.ts';
import { avatarUrl } from './mediaUrls.ts';
import { PreviewedImage } from './PreviewedImage.tsx';
import { initialsOf } from '../history/SenderAvatar.tsx';
import { avatarStyle } from '../history/peerColours.ts';

const SIZE = 36;

/** A chat's picture: its photo (the stripped preview at once, the small photo when fetched), or its initials. */
export function ChatAvatar({ chat }: { chat: Pick<ChatSummary, 'id' | 'name' | 'avatar'> }) {
  if (!chat.avatar)
    return (
      <span className="chat-avatar initials" style={avatarStyle(chat.id)} aria-hidden="true">
        {initialsOf(chat.name)}
      </span>
    );
  return (
    <span className="chat-avatar" aria-hidden="true" data-testid="chat-avatar">
      <PreviewedImage src={avatarUrl(chat.id)} preview={chat.avatar.preview} alt="" width={SIZE} height={SIZE} />
    </span>
  );
}
