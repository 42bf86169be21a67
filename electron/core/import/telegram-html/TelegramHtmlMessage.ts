import type { MessageEntity } from '../../../../shared/domain.ts';

/** What one `<div class="message …">` block of a Telegram Desktop HTML page says, before mapping. */
export interface TelegramHtmlMessage {
  /** From `id="message12345"` (negative for a basic group's messages before it became a supergroup). */
  id: number;
  service: boolean;
  /** `joined`: a follow-up of the previous block's sender (no from_name of its own). */
  joined: boolean;
  /** The `title` of the date: "08.03.2022 11:10:02 UTC+05:30" (older exports: no zone). */
  dateTitle: string | null;
  fromName: string | null;
  /** "@QuizBot" when the name says "… via @QuizBot". */
  viaBot?: string;
  text: string;
  entities: MessageEntity[];
  replyToId: number | null;
  forward: { fromName: string; dateTitle: string | null } | null;
  media: TelegramHtmlMedia | null;
  reactions: { emoji: string; count: number }[];
}

/** An attachment as the page draws it: its kind by class, the file it links (relative to the page), its captions. */
export interface TelegramHtmlMedia {
  /** photo, video, gif, sticker, round, file, voice, audio, location, contact, call, poll, other. */
  kind: string;
  href: string | null;
  thumb: string | null;
  title: string | null;
  description: string | null;
  status: string | null;
  /** `video_duration` of a video, "0:15". */
  duration: string | null;
  poll?: { question: string; answers: string[]; closed: boolean };
}
