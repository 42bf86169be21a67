import { useCallback, useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const THEME_KEY = 'scrollback.theme';
const darkQuery = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(THEME_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function resolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return window.matchMedia(darkQuery).matches ? 'dark' : 'light';
}

/**
 * Puts the theme on the root element (`data-theme`, which the stylesheet's colours key on) and keeps it
 * following the system while the choice is "system". Called once, before the first render, so the window
 * never paints in the wrong theme.
 */
export function applyTheme(): void {
  const apply = () => {
    document.documentElement.dataset.theme = resolvedTheme(readChoice());
    for (const listener of listeners) listener();
  };
  apply();
  window.matchMedia(darkQuery).addEventListener('change', apply);
  window.addEventListener('storage', (event) => event.key === THEME_KEY && apply());
  applyNow = apply;
}
let applyNow = () => {};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The theme setting (light, dark, or the system's), for the Settings view. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(subscribe, readChoice);
  const setChoice = useCallback((next: ThemeChoice) => {
    if (next === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, next);
    applyNow();
  }, []);
  return [choice, setChoice];
}
