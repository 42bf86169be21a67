import { describe, expect, it } from 'vitest';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';
import { createOpenChat } from '../../../electron/core/chats/createOpenChat.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

describe('the open chat', () => {
  it('counts a look when a chat is opened and when it is left, and follows the open chat', async () => {
    const core = await openTestCoreWithDemo(tempFolder());
    const [first, second] = core.listChats();
    let now = 1_000;
    const followed: Array<[number | null, number]> = [];
    const setOpenChat = createOpenChat({
      db: databaseOf(core),
      keepUpToDate: { follow: (chatId, pollMs) => void followed.push([chatId, pollMs]) },
      pollMs: 5_000,
      now: () => now,
    });

    expect(setOpenChat(first!.id)).toEqual({ previousLook: null });
    now = 2_000;
    expect(setOpenChat(second!.id)).toEqual({ previousLook: null });
    now = 3_000;
    // Leaving the first chat at 2,000 was its last look, not opening it at 1,000.
    expect(setOpenChat(first!.id)).toEqual({ previousLook: 2_000 });
    now = 4_000;
    expect(setOpenChat(null)).toEqual({ previousLook: null });
    expect(core.getChat(first!.id).changesSinceLook?.since).toBe(4_000);
    expect(core.getChat(second!.id).changesSinceLook?.since).toBe(3_000);
    expect(followed).toEqual([
      [first!.id, 5_000],
      [second!.id, 5_000],
      [first!.id, 5_000],
      [null, 5_000],
    ]);
    await core.close();
  });
});
