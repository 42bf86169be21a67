/** Where an arrow key moves focus in the search panel: from the box into the results, along them, back up. */
export function resultKeyTarget(key: string, from: 'query' | number, count: number, active: number): 'query' | number | null {
  if (count === 0) return null;
  if (from === 'query') return key === 'ArrowDown' ? Math.max(0, Math.min(active, count - 1)) : null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, count - 1);
    case 'ArrowUp':
      return from === 0 ? 'query' : from - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
