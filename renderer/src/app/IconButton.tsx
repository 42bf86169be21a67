import type { ButtonHTMLAttributes } from 'react';
import { useT } from '../i18n/translate.ts';
import { formatShortcut } from '../i18n/formatShortcut.ts';

/** Line icons drawn in the text colour (so forced-colors and both themes need nothing more), 24-unit grid. */
const ICONS = {
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM16 16l4.5 4.5',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  media: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15 9.5a1.5 1.5 0 1 0 0 .01',
  changes: 'M12 7v5l3 2M3.5 12a8.5 8.5 0 1 0 2.5-6M3 3v4h4',
  export: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  more: 'M6 12h.01M12 12h.01M18 12h.01',
  pause: 'M9 6v12M15 6v12',
  resume: 'M8 5l11 7-11 7z',
  cancel: 'M6 6l12 12M18 6L6 18',
  refresh: 'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7',
  keep: 'M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zM10 20a2 2 0 0 0 4 0',
  plus: 'M12 5v14M5 12h14',
  settings:
    'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM12 2v3M12 19v3M4.2 4.2l2.1 2.1M17.7 17.7l2.1 2.1M2 12h3M19 12h3M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1',
  close: 'M6 6l12 12M18 6L6 18',
  menu: 'M4 7h16M4 12h16M4 17h16',
} as const;
export type IconName = keyof typeof ICONS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * A round icon button of the one size every toolbar uses. Its name is its label (text in the button, hidden
 * but read, so the name and the words agree); the tooltip adds the shortcut. Folded into a menu, the label shows.
 */
export function IconButton({
  label,
  icon,
  shortcut,
  tooltip,
  className,
  ...rest
}: {
  label: string;
  icon: IconName;
  shortcut?: string;
  /** The tooltip when it says more than the label. */
  tooltip?: string;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'title'>) {
  const t = useT();
  return (
    <button
      type="button"
      className={`icon-button${className ? ` ${className}` : ''}`}
      title={(tooltip ?? label) + (shortcut ? ` (${formatShortcut(shortcut, t)})` : '')}
      {...rest}
    >
      <Icon name={icon} />
      <span className="icon-label">{label}</span>
    </button>
  );
}
