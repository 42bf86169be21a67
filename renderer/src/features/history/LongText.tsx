import { useState } from 'react';
import type { MessageEntity } from '../../../../shared/domain.ts';
import { RichText } from './RichText.tsx';
import { collapsedText, COLLAPSED_LENGTH } from './collapsedText.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * A message's text; past COLLAPSED_LENGTH characters it shows the beginning with "Show more", so one
 * enormous message never stalls the list (laying out a megabyte of text takes longer than a frame).
 */
export function LongText({ text, entities }: { text: string; entities: MessageEntity[] }) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  if (expanded || text.length <= COLLAPSED_LENGTH) return <RichText text={text} entities={entities} />;
  const shown = collapsedText(text, entities);
  return (
    <>
      <RichText text={shown.text} entities={shown.entities} />
      <button type="button" className="show-more" onClick={() => setExpanded(true)} data-testid="show-more">
        {t('history.showMore', { count: text.length - shown.text.length })}
      </button>
    </>
  );
}
