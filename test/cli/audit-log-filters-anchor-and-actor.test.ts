import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/calendar/isoDate.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { openDatabase } from '../../src/store/database.js';
import { runCliInProcess, runCliOnOpenStore } from '../support/cli.js';
import { dialects, freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

interface Rec {
  seq: number;
  at: string;
  actor: string;
  action: string;
  hash: string;
}

describe.skipIf(!seedsAvailable).each(dialects)('audit log, anchor and verify --anchor (%s)', (dialect) => {
  it('records the stated actor, filters by action, actor and day, and checks a kept head', async () => {
    const tdb = await freshDatabase(dialect);
    const db = tdb.target;
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-audit-'));
    const csv = (name: string, from: string, to: string) => {
      const file = join(dir, name);
      writeFileSync(
        file,
        [
          'date,portfolio,class,net_assets',
          ...businessDaysBetween(from, to).map((d) => `${d},AIM Value Fund,C,1000000.00`),
        ].join('\n'),
      );
      return file;
    };
    const env = { PLAN12B_ACTOR: '' };
    const exhibit = seedFiles().find((f) => f.includes('002_'))!;
    expect(
      (await runCliInProcess(['--db', db, '--actor', 'Alice Treasurer', 'exhibit', 'import', exhibit], env))
        .code,
    ).toBe(0);
    expect(
      (
        await runCliInProcess(
          ['--db', db, 'net-assets', 'import', csv('jan.csv', '2007-01-02', '2007-01-31')],
          {
            PLAN12B_ACTOR: 'Bob Clerk',
          },
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await runCliInProcess(
          ['--db', db, 'net-assets', 'import', csv('feb.csv', '2007-02-01', '2007-02-28')],
          env,
        )
      ).code,
    ).toBe(0);
    // the queries below on the store kept open (runCliOnOpenStore): what they print is the subject
    const store = await openDatabase(db, { workload: 'query' });
    const query = (args: string[]) => runCliOnOpenStore(store, ['--db', db, ...args], env);
    const log = async (...args: string[]) =>
      (await query(['audit', 'log', ...args, '--json'])).json<{ records: Rec[] }>().records;

    const all = await log();
    expect(all.map((r) => [r.seq, r.actor, r.action])).toEqual([
      [1, 'Alice Treasurer', 'exhibit.import'],
      [2, 'Bob Clerk', 'net-assets.import'],
      [3, `${userInfo().username} (OS user)`, 'net-assets.import'],
    ]);
    expect((await log('--actor', 'Alice Treasurer')).map((r) => r.seq)).toEqual([1]);
    expect((await log('--actor', 'Bob Clerk')).map((r) => r.seq)).toEqual([2]);
    expect((await log('--action', 'net-assets.*')).map((r) => r.seq)).toEqual([2, 3]);
    expect((await log('--action', 'exhibit.import')).map((r) => r.seq)).toEqual([1]);
    expect(await log('--action', 'month.close')).toEqual([]);
    const day = all[0]!.at.slice(0, 10);
    const lastDay = all[2]!.at.slice(0, 10);
    expect((await log('--from', day, '--to', lastDay)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await log('--from', addDays(lastDay, 1))).toEqual([]);
    expect(await log('--to', addDays(day, -1))).toEqual([]);
    const csvOut = (await query(['audit', 'log', '--action', 'net-assets.*', '--csv'])).stdout
      .trim()
      .split('\n');
    expect(csvOut[0]).toBe('seq,at,actor,action,subject,contentHash,detail,prevHash,hash');
    expect(csvOut.slice(1).map((l) => l.split(',').slice(2, 5))).toEqual([
      ['Bob Clerk', 'net-assets.import', 'jan.csv'],
      [`${userInfo().username} (OS user)`, 'net-assets.import', 'feb.csv'],
    ]);

    const anchor = (await query(['audit', 'anchor'])).stdout.trim();
    expect(anchor).toBe(`3:${all[2]!.hash}`);
    expect((await query(['audit', 'verify', '--anchor', anchor])).code).toBe(0);
    expect((await query(['audit', 'verify', '--anchor', all[2]!.hash])).code).toBe(0);
    const wrong = await query(['audit', 'verify', '--anchor', `2:${all[2]!.hash}`]);
    expect(wrong.code).toBe(69);
    expect(wrong.stderr).toContain(
      `anchor: the kept head 2:${all[2]!.hash} is not in the log (it ends at record 3)`,
    );
    expect((await query(['audit', 'verify', '--anchor', 'deadbeef'])).code).toBe(64);
    await store.close();
    await tdb.drop();
  });
});
