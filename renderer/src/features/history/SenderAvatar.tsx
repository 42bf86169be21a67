import { avatarStyle } from './peerColours.ts';

/** Up to two letters of a name (its words' first letters or digits), for an avatar without a photo. */
export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => [...word].find((char) => /\p{L}|\p{N}/u.test(char)) ?? '')
    .filter(Boolean);
  return letters.slice(0, 2).join('').toUpperCase() || '·';
}

/** In a group, beside the last bubble of a sender's run: their initials in their colour (the name says who). */
export function SenderAvatar({ senderId, name }: { senderId: string | null; name: string }) {
  return (
    <span className="sender-avatar" style={avatarStyle(senderId)} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
