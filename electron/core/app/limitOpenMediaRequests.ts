import { ScrollbackError } from '../../../shared/errors.ts';
import { translator } from '../i18n/createTranslator.ts';

export interface MediaRequestLimits {
  /** Requests answered at once; past that the oldest is abandoned (the window asks for what it shows now). */
  maxOpen: number;
  /** A request not answered by then is abandoned (its fetch stops; the window asks again when it shows it). */
  timeoutMs: number;
  /** Runs `run` after `ms` and returns its cancel; setTimeout by default, a fake clock in tests. */
  schedule?: (ms: number, run: () => void) => () => void;
}

const realSchedule = (ms: number, run: () => void) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Media requests the window may have abandoned, cancelled in the core. Electron's protocol.handle builds its
 * Request without an abort signal, so an <img> scrolled past never says it stopped waiting: its thumbnail
 * would stay queued at the source (Telegram's media requests wait their turn, and a flood wait) ahead of the
 * rows now shown. So at most `maxOpen` requests are open — a new one abandons the oldest, which belongs to a
 * row the window has scrolled away from — and none waits past `timeoutMs`. An abandoned request's signal
 * aborts, which stops its source download unless another row still waits for the same file (the media
 * service shares one fetch per file). A signal of the request's own, where one is given, is honoured too.
 */
export function limitOpenMediaRequests<T>(
  open: (pathname: string, signal: AbortSignal) => Promise<T>,
  limits: MediaRequestLimits,
): (pathname: string, signal?: AbortSignal) => Promise<T> {
  const schedule = limits.schedule ?? realSchedule;
  // Insertion order is age: the first is the oldest.
  const openRequests = new Set<AbortController>();
  const abandon = (controller: AbortController, why: string) => {
    openRequests.delete(controller);
    controller.abort(new ScrollbackError('CANCELLED', why));
  };
  return async (pathname, signal) => {
    const controller = new AbortController();
    openRequests.add(controller);
    if (openRequests.size > limits.maxOpen) {
      const [oldest] = openRequests;
      if (oldest) abandon(oldest, translator()('error.media.movedOn'));
    }
    const cancelTimeout = schedule(limits.timeoutMs, () =>
      abandon(controller, translator()('error.media.pictureTimeout', { seconds: Math.round(limits.timeoutMs / 1000) })),
    );
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await open(pathname, controller.signal);
    } finally {
      openRequests.delete(controller);
      cancelTimeout();
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
