import type { AppEvent } from '../../../shared/ipc/events.ts';

export interface EventHub {
  emit(event: AppEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: AppEvent) => void): () => void;
}

/** The core's pushed events, fanned out to every front end listening (the window, the harness's streams). */
export function createEventHub(onListenerError: (error: unknown) => void = () => undefined): EventHub {
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * Emits at most one event per key per `intervalMs` (the last one wins), and the first at once: a sync
 * storing a page every few milliseconds must not flood the window with identical "chat changed" events.
 */
export function throttlePerKey<K>(intervalMs: number, send: (key: K) => void): { push(key: K): void; flush(): void } {
  const last = new Map<K, number>();
  const pending = new Map<K, ReturnType<typeof setTimeout>>();
  return {
    push(key) {
      if (pending.has(key)) return;
      const wait = (last.get(key) ?? Number.NEGATIVE_INFINITY) + intervalMs - Date.now();
      if (wait <= 0) {
        last.set(key, Date.now());
        send(key);
        return;
      }
      pending.set(
        key,
        setTimeout(() => {
          pending.delete(key);
          last.set(key, Date.now());
          send(key);
        }, wait),
      );
    },
    flush() {
      for (const [key, timer] of pending) {
        clearTimeout(timer);
        send(key);
      }
      pending.clear();
    },
  };
}
