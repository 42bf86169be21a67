import type { SearchFilter } from '../../../shared/search.ts';
import { mediaKindsForHas, messageKindsFor } from '../../../shared/search.ts';
import { dateBoundsOf, type QueryNode } from '../../../shared/searchQuery.ts';
import { messageKindOf, type MessageEntity, type MessageKind } from '../../../shared/domain.ts';
import { foldForSearch } from '../text/foldForSearch.ts';
import type { CompiledQuery } from './compileSearchQuery.ts';

/** What the matcher reads of a message: a source's message or a cached one. */
export interface MatchableMessage {
  date: number;
  text: string;
  out: boolean;
  entities: MessageEntity[];
  media: { kind: string } | null;
  service: unknown;
  editDate: number | null;
  forward: unknown;
  replyToId: string | null;
  senderName: string | null;
  /** Set when the source deleted it (cached messages; a source's own never are). */
  deletedAt?: number | null;
  /** The title of the forum topic it is in, when it is in one. */
  topicTitle?: string | null;
}

function hasLink(message: MatchableMessage, kind: MessageKind): boolean {
  return message.entities.some((entity) => entity.type === 'link' || entity.type === 'textLink') || kind === 'webpage';
}

function nameContains(name: string | null, wanted: string): boolean {
  return name !== null && foldForSearch(name).includes(foldForSearch(wanted.trim().replace(/^@/, '')));
}

function matchesNode(node: QueryNode, message: MatchableMessage, kind: MessageKind, chatName: string): boolean {
  switch (node.type) {
    case 'text': {
      const term = foldForSearch(node.value);
      return term === '' || foldForSearch(message.text).includes(term);
    }
    case 'from':
      return node.value.toLowerCase() === 'me' ? message.out : nameContains(message.senderName, node.value);
    case 'in': {
      // A chat, or a forum topic, whose name contains it.
      const wanted = foldForSearch(node.value.trim());
      return foldForSearch(chatName).includes(wanted) || (!!message.topicTitle && foldForSearch(message.topicTitle).includes(wanted));
    }
    case 'date': {
      const { from, to } = dateBoundsOf(node);
      return (from === null || message.date >= from) && (to === null || message.date < to);
    }
    case 'has':
      if (node.value === 'link') return hasLink(message, kind);
      if (node.value === 'media') return mediaKindsForHas.includes(kind);
      return messageKindsFor[node.value].includes(kind);
    case 'is':
      switch (node.value) {
        case 'edited':
          return message.editDate !== null;
        case 'forwarded':
          return message.forward !== null;
        case 'reply':
          return message.replyToId !== null;
        case 'service':
          return kind === 'service';
        case 'deleted':
          return message.deletedAt != null;
      }
      return false;
    case 'not':
      return !matchesNode(node.child, message, kind, chatName);
    case 'and':
      return node.children.every((child) => matchesNode(child, message, kind, chatName));
    case 'or':
      return node.children.some((child) => matchesNode(child, message, kind, chatName));
  }
}

/**
 * The same rules as the cache search, in JavaScript, for messages that come from a source (a source's own
 * search may be looser: Telegram matches words, not substrings) and for exports by search.
 */
export function createSearchMatcher(filter: SearchFilter, query: CompiledQuery, chatName: string): (message: MatchableMessage) => boolean {
  const sender = filter.sender.trim();
  const plainKinds = new Set<MessageKind>(filter.kinds.flatMap((kind) => (kind === 'link' ? [] : messageKindsFor[kind])));
  const wantsLinks = filter.kinds.includes('link');
  return (message) => {
    if (filter.from !== null && message.date < filter.from) return false;
    if (filter.to !== null && message.date >= filter.to) return false;
    if (sender !== '' && !nameContains(message.senderName, sender)) return false;
    const kind = messageKindOf(message as Parameters<typeof messageKindOf>[0]);
    if (filter.kinds.length > 0 && !plainKinds.has(kind) && !(wantsLinks && hasLink(message, kind))) return false;
    return query.root === null || matchesNode(query.root, message, kind, chatName);
  };
}
