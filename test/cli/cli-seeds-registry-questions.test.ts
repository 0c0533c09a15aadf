import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable, seedsDir } from '../support/seeds.js';

interface Entry {
  portfolio: string;
  registrant: string | null;
  class: string;
  assetBasedSalesChargePct: string | null;
  serviceFeePct: string | null;
  aggregateFeePct: string | null;
}

describe.skipIf(!seedsAvailable)('the CLI answers from the seeds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-cli-'));
  const db = join(dir, 'db');
  beforeAll(async () => {
    // a copy of the run's migrated store (test/support/globalSetup.ts), not an initdb of its own
    await freshDatabase('pglite', dir);
    const res = await runCliInProcess([
      '--db',
      db,
      'exhibit',
      'import',
      ...[...seedFiles()].reverse(),
      '--json',
    ]);
    expect(res.code).toBe(0);
  });

  it('exhibit parse --json contains each seed’s expected record, entries in document order', async () => {
    const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    for (const file of seedFiles()) {
      const res = await runCliInProcess(['exhibit', 'parse', file, '--json']);
      expect(res.code).toBe(0);
      const got = res.json<Record<string, unknown>>();
      const want = expected[basename(file)]!;
      for (const field of ['kind', 'amendmentNumber', 'effectiveDate', 'terms', 'renames', 'renameRules'])
        expect(got[field], `${basename(file)} ${field}`).toEqual(want[field]);
      expect(got.instrument).toMatchObject({ kind: (want.instrument as { kind: string }).kind });
      const strip = (s: { name: string; replacesEntirely: boolean; entries: Entry[] }[]) =>
        s.map((x) => ({
          name: x.name,
          replacesEntirely: x.replacesEntirely,
          entries: x.entries.map((e) => [
            e.registrant?.toLowerCase(),
            e.portfolio,
            e.class,
            e.assetBasedSalesChargePct,
            e.serviceFeePct,
            e.aggregateFeePct,
          ]),
        }));
      expect(strip(got.schedules as never)).toEqual(strip(want.schedules as never));
    }
  });

  it('schedule --as-of answers the INDEX counts', async () => {
    const count = async (date: string, cls: string) =>
      (await runCliInProcess(['--db', db, 'schedule', '--as-of', date, '--class', cls, '--json'])).json<{
        count: number;
        entries: Entry[];
      }>();
    expect((await count('2003-09-01', 'B')).count).toBe(82);
    expect(
      (await count('2004-01-01', 'B')).entries.find((e) => e.portfolio === 'AIM Real Estate Fund')!
        .registrant,
    ).toBe('AIM INVESTMENT SECURITIES FUNDS');
    expect((await count('2005-01-01', 'B')).entries.some((e) => e.portfolio === 'AIM Energy Fund')).toBe(
      true,
    );
    expect((await count('2006-04-01', 'R')).count).toBe(44);
    expect((await count('2004-10-14', 'K')).count).toBe(0);
    expect((await count('2004-10-15', 'K')).count).toBe(10);
  });

  it('portfolio history by any name it ever had', async () => {
    const a = await runCliInProcess(['--db', db, 'portfolio', 'history', 'INVESCO Leisure Fund', '--json']);
    const b = await runCliInProcess(['--db', db, 'portfolio', 'history', 'aim   leisure FUND', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const h = a.json<{ names: { name: string }[]; classes: { class: string; from: string }[] }>();
    expect(h.names.map((n) => n.name)).toEqual(['INVESCO Leisure Fund', 'AIM Leisure Fund']);
    expect([...new Set(h.classes.map((c) => c.class))].sort()).toEqual(['B', 'K', 'R']);
    const missing = await runCliInProcess(['--db', db, 'portfolio', 'history', 'No Such Fund']);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/no portfolio has ever been named/);
    // the schedule of a name no document ever gave: a name to check (66), never an empty answer
    const schedule = await runCliInProcess([
      '--db',
      db,
      'schedule',
      '--as-of',
      '2005-01-01',
      '--portfolio',
      'No Such Fund',
      '--json',
    ]);
    expect(schedule.code).toBe(66);
    expect(schedule.stdout).toMatch(/"code": "NOT_FOUND"/);
  });

  it('rates set: below the maximum recorded, above it refused with exit 68', async () => {
    const setRate = async (pct: string, ...more: string[]) =>
      await runCliInProcess([
        '--db',
        db,
        'rates',
        'set',
        '--portfolio',
        'AIM Value Fund',
        '--class',
        'C',
        '--from',
        '2007-01-01',
        '--distribution-fee',
        pct,
        ...more,
      ]);
    const refused = await setRate('0.80');
    expect(refused.code).toBe(68);
    const ok = await setRate('0.50', '--json');
    expect(ok.code).toBe(0);
    const s = (
      await runCliInProcess([
        '--db',
        db,
        'schedule',
        '--as-of',
        '2007-06-30',
        '--portfolio',
        'AIM Value Fund',
        '--class',
        'C',
        '--json',
      ])
    ).json<{ entries: Entry[] }>();
    expect(s.entries[0]!.assetBasedSalesChargePct).toBe('0.50');
  });

  it('every command has --help', async () => {
    for (const cmd of [
      [],
      ['init'],
      ['exhibit', 'parse'],
      ['exhibit', 'import'],
      ['exhibit', 'render'],
      ['schedule'],
      ['portfolio', 'history'],
      ['rates', 'set'],
      ['calendar', 'business-day'],
      ['net-assets', 'import'],
      ['fees'],
      ['journal'],
      ['demo'],
    ]) {
      const res = await runCliInProcess([...cmd, '--help']);
      expect(res.code, cmd.join(' ')).toBe(0);
      expect(res.stdout).toMatch(/Usage: plan12b/);
    }
  });

  it('calendar business-day: the SPEC example', async () => {
    expect(
      (
        await runCliInProcess(['calendar', 'business-day', '--after', '2006-12-31', '--n', '10', '--json'])
      ).json(),
    ).toEqual({ date: '2007-01-17' });
  });

  it('exhibit render --as-of writes the schedule in force in the exhibit layout, and it reads back', async () => {
    const res = await runCliInProcess([
      '--db',
      db,
      'exhibit',
      'render',
      '--as-of',
      '2006-04-01',
      '--class',
      'R',
    ]);
    expect(res.code).toBe(0);
    const file = join(dir, 'r.txt');
    writeFileSync(file, res.stdout);
    const back = (await runCliInProcess(['exhibit', 'parse', file, '--json'])).json<{
      schedules: { entries: Entry[] }[];
    }>();
    expect(back.schedules[0]!.entries).toHaveLength(44);
  });
});
