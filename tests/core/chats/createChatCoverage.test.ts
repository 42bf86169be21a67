import { describe, expect, it } from 'vitest';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';
import { createChatCoverage } from '../../../electron/core/chats/createChatCoverage.ts';
import { DEMO_SOURCE_ID } from '../../../electron/core/sources/demo/createDemoSource.ts';
import type { HistorySource } from '../../../electron/core/sources/HistorySource.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** The demo source, whose first-date answer the test gives by hand (the source is where the outside world begins). */
async function coverageWithFirstDate(answer: () => Promise<number | null>) {
  const core = await openTestCoreWithDemo(tempFolder());
  const demo = core.sources.sourceFor(DEMO_SOURCE_ID);
  let asked = 0;
  const source: HistorySource = {
    ...demo,
    firstMessageDate: () => {
      asked += 1;
      return answer();
    },
  };
  const changed: number[] = [];
  const getChatCoverage = createChatCoverage({
    db: databaseOf(core),
    sourceFor: () => source,
    chatChanged: (chatId) => void changed.push(chatId),
  });
  return { core, getChatCoverage, changed, asked: () => asked };
}

describe('chat coverage', () => {
  it('asks the source once for the date a chat began, stores the answer and says the chat changed', async () => {
    let tell: (date: number) => void = () => undefined;
    const { core, getChatCoverage, changed, asked } = await coverageWithFirstDate(() => new Promise((resolve) => (tell = resolve)));
    const chat = core.listChats()[0]!;

    expect(getChatCoverage(chat.id).firstMessageDate).toBeNull();
    expect(getChatCoverage(chat.id).firstMessageDate).toBeNull();
    expect(asked()).toBe(1);
    tell(1_500_000_000_000);
    await new Promise((resolve) => setImmediate(resolve));

    expect(getChatCoverage(chat.id).firstMessageDate).toBe(1_500_000_000_000);
    expect(changed).toEqual([chat.id]);
    expect(asked()).toBe(1);
    await core.close();
  });

  it('a source that cannot answer leaves the date unknown and is not asked again this run', async () => {
    const { core, getChatCoverage, changed, asked } = await coverageWithFirstDate(() => Promise.reject(new Error('offline')));
    const chat = core.listChats()[0]!;

    expect(getChatCoverage(chat.id)).toMatchObject({ firstMessageDate: null, ranges: [] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(getChatCoverage(chat.id).firstMessageDate).toBeNull();
    expect(asked()).toBe(1);
    expect(changed).toEqual([]);
    await core.close();
  });
});
