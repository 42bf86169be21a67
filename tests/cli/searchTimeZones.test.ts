import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { databaseOf, openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { cacheWholeDemoChat } from '../support/cacheDemoChat.ts';
import { silentLogger } from '../support/openTestCore.ts';
import { useTempFolder } from '../support/tempFolder.ts';

const tempFolder = useTempFolder();

/**
 * Whole local days, inclusive, across a daylight-saving change: the day the clocks go forward has 23 hours,
 * and the search must cover exactly those. Each case runs the real CLI in a process with its own TZ.
 */
const cases = [
  // Berlin: 28 March 2021 starts at 23:00Z the day before (CET) and ends at 22:00Z (CEST).
  { tz: 'Europe/Berlin', day: '2021-03-28', from: Date.parse('2021-03-27T23:00:00Z'), to: Date.parse('2021-03-28T22:00:00Z') },
  // New York: 14 March 2021 starts at 05:00Z (EST) and ends at 04:00Z the next day (EDT).
  { tz: 'America/New_York', day: '2021-03-14', from: Date.parse('2021-03-14T05:00:00Z'), to: Date.parse('2021-03-15T04:00:00Z') },
  // And the autumn change in Berlin: 31 October 2021 has 25 hours.
  { tz: 'Europe/Berlin', day: '2021-10-31', from: Date.parse('2021-10-30T22:00:00Z'), to: Date.parse('2021-10-31T23:00:00Z') },
];

describe('search date boundaries across daylight-saving changes', () => {
  it.each(cases)('$day in $tz covers exactly that local day', async ({ tz, day, from, to }) => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'tz.db');
    const core = openScrollbackCore({ databasePath, logger: silentLogger });
    await core.setUpDemo();
    const family = core.listChats().find((chat) => chat.messageCount === 24_000)!;
    const messages = cacheWholeDemoChat(databaseOf(core), family.id, 'family');
    await core.close();
    const expected = messages.filter((m) => m.date >= from && m.date < to).map((m) => m.id);
    // A day with no messages would prove nothing; widen to the neighbouring days to be sure the bounds cut.
    const around = messages.filter((m) => m.date >= from - 86_400_000 && m.date < to + 86_400_000).length;
    expect(around).toBeGreaterThan(expected.length);
    const run = spawnSync(
      process.execPath,
      [
        path.resolve('bin/scrollback.js'),
        '--db',
        databasePath,
        'search',
        String(family.id),
        '--from',
        day,
        '--to',
        day,
        '--oldest',
        '--limit',
        '500',
        '--json',
      ],
      { encoding: 'utf8', env: { ...process.env, TZ: tz } },
    );
    expect(run.stderr).toBe('');
    const output = JSON.parse(run.stdout) as { total: { onComputer: number }; hits: Array<{ id: string }> };
    expect(output.hits.map((hit) => hit.id)).toEqual(expected);
    expect(output.total.onComputer).toBe(expected.length);
  });
});
