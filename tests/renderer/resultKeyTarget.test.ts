import { describe, expect, it } from 'vitest';
import { resultKeyTarget } from '../../renderer/src/features/search/resultKeyTarget.ts';

describe('arrow keys in the search panel', () => {
  it('↓ from the box goes to the result last opened, else the first; nothing when there are no results', () => {
    expect(resultKeyTarget('ArrowDown', 'query', 10, -1)).toBe(0);
    expect(resultKeyTarget('ArrowDown', 'query', 10, 4)).toBe(4);
    expect(resultKeyTarget('ArrowDown', 'query', 3, 7)).toBe(2);
    expect(resultKeyTarget('ArrowDown', 'query', 0, -1)).toBeNull();
    expect(resultKeyTarget('ArrowUp', 'query', 10, 0)).toBeNull();
  });

  it('↑/↓ move along the results and stop at the last; ↑ on the first is the box; Home and End go to the ends', () => {
    expect(resultKeyTarget('ArrowDown', 3, 10, 0)).toBe(4);
    expect(resultKeyTarget('ArrowDown', 9, 10, 0)).toBe(9);
    expect(resultKeyTarget('ArrowUp', 3, 10, 0)).toBe(2);
    expect(resultKeyTarget('ArrowUp', 0, 10, 0)).toBe('query');
    expect(resultKeyTarget('Home', 5, 10, 0)).toBe(0);
    expect(resultKeyTarget('End', 5, 10, 0)).toBe(9);
    expect(resultKeyTarget('a', 5, 10, 0)).toBeNull();
  });
});
