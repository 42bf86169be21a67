import { languageName, useLanguageSetting, type LanguageChoice } from '../i18n/languageSetting.ts';
import { useT } from '../i18n/translate.ts';

/** The window's language: the system's (named), or one of the translated languages, each named in itself. */
export function LanguageChooser() {
  const t = useT();
  const { choice, systemLocale, options, choose } = useLanguageSetting();
  return (
    <label className="settings-language">
      {t('settings.language.label')}
      <select value={choice} onChange={(event) => choose(event.target.value as LanguageChoice)} data-testid="language">
        <option value="system">{t('settings.language.system', { language: languageName(systemLocale) })}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
