import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { JobStatus } from '../../../shared/jobs.ts';
import { useT } from '../i18n/translate.ts';

/** How long a finished job's toast stays once the user has gone on with something else (and is not on the toasts). */
export const TOAST_FADE_MS = 5_000;

const ToastsHeld = createContext(false);

/**
 * The corner where transient things appear (import and export progress and results, an update): stacked,
 * never over the chat's header or a side panel's controls, and only as wide as they need. While the pointer or
 * focus is on them, none fades.
 */
export function ToastStack({ children }: { children: ReactNode }) {
  const t = useT();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  return (
    <section
      className="toasts"
      aria-label={t('app.toasts')}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
    >
      <ToastsHeld.Provider value={hovered || focused}>{children}</ToastsHeld.Provider>
    </section>
  );
}

/**
 * Whether a job's status is shown as a toast: not a status that had already ended before this window loaded
 * (a reload does not bring back an old result), not one the user closed. A finished or cancelled job's toast
 * fades by itself a few seconds after the user goes on with something else (a key or a click outside the
 * toasts), so it is not missed; a failure stays until closed.
 */
export function useJobToast(status: JobStatus<unknown, unknown> | undefined): { shown: boolean; dismiss(): void } {
  const held = useContext(ToastsHeld);
  const [dismissedRevision, setDismissedRevision] = useState(-1);
  const [movedOnAt, setMovedOnAt] = useState(-1);
  // The revision of a status that had ended before this window first saw it (-1: none).
  const staleRevision = useRef<number | null>(null);
  if (staleRevision.current === null && status !== undefined)
    staleRevision.current = status.state === 'running' || status.state === 'idle' ? -1 : status.revision;
  const revision = status?.revision ?? -1;
  const shown = status !== undefined && status.state !== 'idle' && revision > Math.max(dismissedRevision, staleRevision.current ?? -1);
  const fades = shown && (status.state === 'done' || status.state === 'cancelled');
  const movedOn = movedOnAt === revision;
  useEffect(() => {
    if (!fades || movedOn) return;
    const onInput = (event: Event) => {
      if (!(event.target instanceof Element && event.target.closest('.toasts'))) setMovedOnAt(revision);
    };
    window.addEventListener('pointerdown', onInput, true);
    window.addEventListener('keydown', onInput, true);
    return () => {
      window.removeEventListener('pointerdown', onInput, true);
      window.removeEventListener('keydown', onInput, true);
    };
  }, [fades, movedOn, revision]);
  useEffect(() => {
    if (!fades || !movedOn || held) return;
    const timer = window.setTimeout(() => setDismissedRevision(revision), TOAST_FADE_MS);
    return () => window.clearTimeout(timer);
  }, [fades, movedOn, held, revision]);
  return { shown, dismiss: () => setDismissedRevision(revision) };
}
