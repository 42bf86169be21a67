import { useState, type ReactNode } from 'react';
import type { EntityType, MessageEntity } from '../../../../shared/domain.ts';
import { isSafeExternalUrl } from '../../../../shared/isSafeExternalUrl.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { parseMessageLink } from '../../../../shared/messageLink.ts';
import { requestOpenMessage } from '../../app/openMessageRequests.ts';
import { useT } from '../../i18n/translate.ts';

/** Nesting order when entities cover the same span: block-level outside, links inside styles. */
const ORDER: EntityType[] = [
  'pre',
  'blockquote',
  'textLink',
  'link',
  'email',
  'mention',
  'mentionName',
  'hashtag',
  'cashtag',
  'botCommand',
  'phone',
  'spoiler',
  'bold',
  'italic',
  'underline',
  'strike',
  'code',
  'customEmoji',
];

function openLink(url: string) {
  return (event: React.MouseEvent) => {
    event.preventDefault();
    const inArchive = parseMessageLink(url);
    if (inArchive) requestOpenMessage(inArchive);
    else if (isSafeExternalUrl(url)) void scrollback.openExternalLink({ url });
  };
}

function Spoiler({ children }: { children: ReactNode }) {
  const [revealed, setRevealed] = useState(false);
  const t = useT();
  return (
    <span
      className={`spoiler${revealed ? ' revealed' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={revealed ? undefined : t('history.spoiler')}
      onClick={() => setRevealed(true)}
      onKeyDown={(event) => event.key === 'Enter' && setRevealed(true)}
    >
      {children}
    </span>
  );
}

function wrap(entity: MessageEntity, text: string, inner: ReactNode, key: number): ReactNode {
  switch (entity.type) {
    case 'bold':
      return <strong key={key}>{inner}</strong>;
    case 'italic':
      return <em key={key}>{inner}</em>;
    case 'underline':
      return <u key={key}>{inner}</u>;
    case 'strike':
      return <s key={key}>{inner}</s>;
    case 'code':
      return <code key={key}>{inner}</code>;
    case 'pre':
      return (
        <pre key={key} className="pre-block" data-language={entity.language || undefined}>
          <code>{inner}</code>
        </pre>
      );
    case 'spoiler':
      return <Spoiler key={key}>{inner}</Spoiler>;
    case 'blockquote':
      return <blockquote key={key}>{inner}</blockquote>;
    case 'link':
    case 'textLink': {
      const url = entity.type === 'textLink' ? (entity.url ?? '') : text;
      if (!isSafeExternalUrl(url) && !parseMessageLink(url)) return <span key={key}>{inner}</span>;
      return (
        <a key={key} href={url} title={url} rel="noreferrer noopener" onClick={openLink(url)}>
          {inner}
        </a>
      );
    }
    case 'mention':
    case 'mentionName':
    case 'hashtag':
    case 'cashtag':
    case 'botCommand':
      return (
        <span key={key} className={`entity-${entity.type}`}>
          {inner}
        </span>
      );
    default:
      return <span key={key}>{inner}</span>;
  }
}

/**
 * Message text with its formatting. Entities count UTF-16 code units, the same as JavaScript string
 * indexes, so astral emoji line up. Overlapping entities are split at every boundary and nested.
 */
export function RichText({ text, entities }: { text: string; entities: MessageEntity[] }) {
  if (entities.length === 0) return <>{text}</>;
  const valid = entities.filter((e) => e.length > 0 && e.offset >= 0 && e.offset + e.length <= text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const entity of valid) {
    cuts.add(entity.offset);
    cuts.add(entity.offset + entity.length);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: ReactNode[] = [];
  let key = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const segment = text.slice(start, end);
    const active = valid
      .filter((e) => e.offset <= start && e.offset + e.length >= end)
      .sort((a, b) => ORDER.indexOf(b.type) - ORDER.indexOf(a.type));
    let node: ReactNode = segment;
    for (const entity of active) node = wrap(entity, text.slice(entity.offset, entity.offset + entity.length), node, key++);
    nodes.push(<span key={`s${i}`}>{node}</span>);
  }
  return <>{nodes}</>;
}
