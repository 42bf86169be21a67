import { useT } from '../i18n/translate.ts';
import { focusRegion } from './useRegionKeys.ts';

/** The first Tab stop of the window: straight to the chat, past the chat list. */
export function SkipLink() {
  const t = useT();
  return (
    <a
      className="skip-link"
      href="#chat-pane"
      onClick={(event) => {
        event.preventDefault();
        const chat = document.querySelector<HTMLElement>('[data-region="chat"]');
        if (chat) focusRegion(chat);
      }}
    >
      {t('app.skipToChat')}
    </a>
  );
}
