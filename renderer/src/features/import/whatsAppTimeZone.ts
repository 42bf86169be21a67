import { useSyncExternalStore } from 'react';

const KEY = 'scrollback.whatsAppTimeZone';
const listeners = new Set<() => void>();

/** This computer's zone, which a WhatsApp import assumes unless told the phone's. */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone chosen for WhatsApp imports, or null for this computer's (kept across restarts). */
export function chosenWhatsAppTimeZone(): string | null {
  return localStorage.getItem(KEY);
}

export function chooseWhatsAppTimeZone(zone: string | null): void {
  if (zone === null || zone === computerTimeZone()) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, zone);
  for (const listener of listeners) listener();
}

export function useWhatsAppTimeZone(): string | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, chosenWhatsAppTimeZone);
}
