import { useEffect, useState } from 'react';

/** `value` once it has stopped changing for `ms` (compare by value: pass a string, not a fresh object). */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
