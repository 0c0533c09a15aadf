import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * A provider's assets feed that stops before the month's end is taken as ended on the next
 * business day, with a warning telling the user to import its assets (serviceFeesReport.ts) —
 * worth it only where the stop can cost the provider a fee: its agreement still in force and the
 * class still accruing a service fee after the stop (SPEC §5). Not for a provider whose agreement
 * ended first, nor in a class whose Plan was terminated (Plan §9) from that day.
 *
 * Seed 002 (AIM Funds Group, Class C at 0.25% service fee). March 2007, net assets every business
 * day of the month for AIM Value Fund C and AIM Balanced Fund C; Balanced's Plan terminated from
 * Fri Mar 16. Customers' assets:
 * - DLR-ENDED (agreement terminated from Fri Mar 9): AIM Value Fund C, Mar 1–8: taken as ended Mar 9,
 *   the day its agreement ends — no warning;
 * - DLR-OPEN (in force): AIM Value Fund C, Mar 1–8: taken as ended Fri Mar 9 — the warning;
 * - DLR-TERM (in force): AIM Balanced Fund C, Mar 1–15: taken as ended Mar 16, the day the class
 *   stops accruing — no warning.
 */
describe.skipIf(!seedsAvailable)('the stopped provider-feed warning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-stopped-provider-'));
  const db = join(dir, 'db');
  beforeAll(() => freshDatabase('pglite', dir), 120_000);

  it('is given for a provider still owed a fee after its feed stopped only', async () => {
    const run = async (args: string[]) => {
      const r = await runCliInProcess(['--db', db, ...args]);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    await run(['exhibit', 'import', seedFiles().find((f) => f.includes('002_'))!]);
    const march = businessDaysBetween('2007-03-01', '2007-03-30');
    const na = join(dir, 'na.csv');
    writeFileSync(
      na,
      `${[
        'date,portfolio,class,net_assets',
        ...march.map((d) => `${d},AIM Value Fund,C,36500000.00`),
        ...march.map((d) => `${d},AIM Balanced Fund,C,36500000.00`),
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
    const providers = join(dir, 'providers.csv');
    writeFileSync(
      providers,
      [
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-ENDED,Ended Securities,dealer,2006-01-02,,2007-03-09',
        'DLR-OPEN,Open Securities,dealer,2006-01-02,,',
        'DLR-TERM,Term Securities,dealer,2006-01-02,,',
        '',
      ].join('\n'),
    );
    await run(['providers', 'import', providers]);
    const assets = join(dir, 'assets.csv');
    writeFileSync(
      assets,
      `${[
        'date,provider,portfolio,class,net_assets',
        ...businessDaysBetween('2007-03-01', '2007-03-08').map(
          (d) => `${d},DLR-ENDED,AIM Value Fund,C,1000000.00`,
        ),
        ...businessDaysBetween('2007-03-01', '2007-03-08').map(
          (d) => `${d},DLR-OPEN,AIM Value Fund,C,1000000.00`,
        ),
        ...businessDaysBetween('2007-03-01', '2007-03-15').map(
          (d) => `${d},DLR-TERM,AIM Balanced Fund,C,1000000.00`,
        ),
      ].join('\n')}\n`,
    );
    await run(['provider-assets', 'import', assets]);
    const report = (await run(['service-fees', '--month', '2007-03', '--json'])).json<{
      warnings: string[];
    }>();
    expect(report.warnings.filter((w) => w.includes('no assets after'))).toEqual([
      'DLR-OPEN in AIM Value Fund class C: no assets after 2007-03-08; taken as ended on 2007-03-09 (import its assets if its customers still hold shares)',
    ]);
  });
});
