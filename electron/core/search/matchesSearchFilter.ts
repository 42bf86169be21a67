import type { SearchFilter } from '../../../shared/search.ts';
import { messageKindsFor } from '../../../shared/search.ts';
import { messageKindOf } from '../../../shared/domain.ts';
import type { SourceMessage } from '../model/SourceMessage.ts';
import { foldForSearch } from '../text/foldForSearch.ts';
import type { CompiledQuery } from './compileSearchQuery.ts';

/**
 * The same rules as the cache search, in JavaScript, for messages that come from a source: a source's own
 * search may be looser (Telegram matches words, not substrings), so what it returns is checked again here.
 */
export function createSearchMatcher(filter: SearchFilter, query: CompiledQuery): (message: SourceMessage) => boolean {
  const sender = foldForSearch(filter.sender.trim());
  const plainKinds = new Set(filter.kinds.flatMap((kind) => (kind === 'link' ? [] : messageKindsFor[kind])));
  const wantsLinks = filter.kinds.includes('link');
  return (message) => {
    if (filter.from !== null && message.date < filter.from) return false;
    if (filter.to !== null && message.date >= filter.to) return false;
    if (sender !== '' && !(message.sender && foldForSearch(message.sender.name).includes(sender))) return false;
    if (filter.kinds.length > 0) {
      const kind = messageKindOf(message);
      const isLink = message.entities.some((entity) => entity.type === 'link' || entity.type === 'textLink') || kind === 'webpage';
      if (!plainKinds.has(kind) && !(wantsLinks && isLink)) return false;
    }
    if (query.terms.length > 0) {
      const folded = foldForSearch(message.text);
      if (!query.terms.every((term) => folded.includes(term))) return false;
    }
    return true;
  };
}
