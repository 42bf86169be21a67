import { useT } from '../../i18n/translate.ts';

/** Rename inline: the button, or the field with Save (Enter) while renaming; Esc leaves the name as it was. */
export function PersonRename({
  draft,
  onDraft,
  onSave,
  currentName,
}: {
  /** The name being typed; null: not renaming. */
  draft: string | null;
  onDraft(draft: string | null): void;
  onSave(name: string): void;
  currentName: string;
}) {
  const t = useT();
  if (draft === null)
    return (
      <button type="button" className="person-action" onClick={() => onDraft(currentName)} data-testid="person-rename">
        {t('people.rename')}
      </button>
    );
  return (
    <form
      className="person-rename"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim() !== '') onSave(draft.trim());
      }}
    >
      <input
        autoFocus
        value={draft}
        maxLength={200}
        aria-label={t('people.rename.field')}
        onChange={(event) => onDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onDraft(null);
          }
        }}
      />
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}
