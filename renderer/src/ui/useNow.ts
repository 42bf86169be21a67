import { useEffect, useState } from 'react';

/**
 * The time now, ticking every 250 ms while `running` (a countdown on screen), still otherwise: a countdown
 * in whole seconds never shows a second late, and nothing wakes the window when none is shown.
 */
export function useNow(running: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
