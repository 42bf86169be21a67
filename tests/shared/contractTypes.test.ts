import { describe, expect, it } from 'vitest';
import type { ScrollbackBridge } from '../../shared/ipc/contract.ts';

// Type-level checks, held by `npm run typecheck`: if a line marked @ts-expect-error stops being an error
// (the bridge made an input optional again), the type-check fails.
function bridgeCalls(bridge: ScrollbackBridge) {
  // @ts-expect-error getHistoryPage needs its request
  void bridge.getHistoryPage();
  // @ts-expect-error a chat id is a number
  void bridge.getHistoryPage({ chatId: '1', anchor: { kind: 'latest' }, limit: 10 });
  // Methods without input may be called without one.
  void bridge.listChats();
  void bridge.getHistoryPage({ chatId: 1, anchor: { kind: 'latest' }, limit: 10 }, 'call-1');
}

describe('the bridge types', () => {
  it('are derived from the contract (checked by the type-check)', () => {
    expect(typeof bridgeCalls).toBe('function');
  });
});
