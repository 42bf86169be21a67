import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../shared/i18n/locales.ts';
import { useT } from '../i18n/translate.ts';

/** The window's keyboard shortcuts, as the Settings view lists them (key names are not translated). */
export const KEYBOARD_SHORTCUTS: ReadonlyArray<{ keys: readonly string[]; does: MessageId }> = [
  { keys: ['Ctrl+K'], does: 'settings.keys.filter' },
  { keys: ['Ctrl+F'], does: 'settings.keys.find' },
  { keys: ['Ctrl+Shift+F'], does: 'settings.keys.findAll' },
  { keys: ['Enter', 'Shift+Enter'], does: 'settings.keys.step' },
  { keys: ['Ctrl+G'], does: 'settings.keys.jump' },
  { keys: ['Ctrl+End'], does: 'settings.keys.latest' },
  { keys: ['Ctrl+E'], does: 'settings.keys.export' },
  { keys: ['Ctrl+O'], does: 'settings.keys.import' },
  { keys: ['Ctrl+B'], does: 'settings.keys.sidebar' },
  { keys: ['F6', 'Shift+F6'], does: 'settings.keys.regions' },
  { keys: ['Shift+F10', 'Menu'], does: 'settings.keys.menu' },
  { keys: ['Esc'], does: 'settings.keys.close' },
];

/** The shortcuts as a table: keys (not translated), then what they do. */
export function KeyboardShortcuts() {
  const t = useT();
  return (
    <table className="settings-keys">
      <tbody>
        {KEYBOARD_SHORTCUTS.map((shortcut) => (
          <tr key={shortcut.does}>
            <th scope="row">
              {shortcut.keys.length === 1 ? (
                <kbd>{shortcut.keys[0]}</kbd>
              ) : (
                <FormattedMessage
                  id="settings.keys.or"
                  values={{ first: <kbd>{shortcut.keys[0]}</kbd>, second: <kbd>{shortcut.keys[1]}</kbd> }}
                />
              )}
            </th>
            <td>{t(shortcut.does)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
