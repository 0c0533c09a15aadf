import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * A class whose net-assets feed stops is taken as ended on the next business day, with a warning
 * (feesReport.ts) — worth reading only where it explains a missing fee: in a range the stop falls
 * in, for a class an instrument would still have paid. Not in every later report, and not for a
 * class whose Plan was terminated (Plan §9) from that day: it owes nothing either way.
 *
 * Seed 002 (AIM Funds Group, Classes A, C, R). March–April 2007:
 * - AIM Value Fund C: net assets Mar 1–15 (Thu), then nothing: taken as ended on Fri Mar 16;
 * - AIM Balanced Fund C: net assets Mar 1–15, and its Plan terminated from Mar 16;
 * - AIM Value Fund A: net assets all of March and April (no warning).
 */
describe.skipIf(!seedsAvailable)('the stopped-feed warning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-stopped-feed-'));
  const db = join(dir, 'db');
  beforeAll(() => freshDatabase('pglite', dir), 120_000);

  it('is given in the range the feed stops in, for a class that would still be paid only', async () => {
    const run = async (args: string[]) => {
      const r = await runCliInProcess(['--db', db, ...args]);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    await run(['exhibit', 'import', seedFiles().find((f) => f.includes('002_'))!]);
    const march = businessDaysBetween('2007-03-01', '2007-03-15');
    const all = businessDaysBetween('2007-03-01', '2007-04-30');
    const na = join(dir, 'na.csv');
    writeFileSync(
      na,
      `${[
        'date,portfolio,class,net_assets',
        ...march.map((d) => `${d},AIM Value Fund,C,36500000.00`),
        ...march.map((d) => `${d},AIM Balanced Fund,C,36500000.00`),
        ...all.map((d) => `${d},AIM Value Fund,A,36500000.00`),
      ].join('\n')}\n`,
    );
    await run(['net-assets', 'import', na]);
    await run([
      'terminate',
      '--portfolio',
      'AIM Balanced Fund',
      '--class',
      'C',
      '--date',
      '2007-03-16',
      '--by',
      'trustees',
    ]);
    const warnings = async (from: string, to: string) =>
      (await run(['fees', '--from', from, '--to', to, '--json']))
        .json<{ warnings: string[] }>()
        .warnings.filter((w) => w.includes('no net assets after'));

    expect(await warnings('2007-03-01', '2007-03-31')).toEqual([
      'AIM Value Fund class C: no net assets after 2007-03-15; taken as ended on 2007-03-16 (import its net assets if it is still open)',
    ]);
    // April: both classes ended in March; nothing to say about them again.
    expect(await warnings('2007-04-01', '2007-04-30')).toEqual([]);
  });
});
