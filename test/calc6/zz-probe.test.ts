import { beforeAll, describe, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { businessDays, csv, GROWTH, netAssetsRows, ok, PLAN_TEXT, workArea } from './support/zenith.js';

describe('probe', () => {
  const { dir, db, file } = workArea('probe');
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
    await ok(db, [
      'net-assets',
      'import',
      file(
        'na.csv',
        csv(
          'date,portfolio,class,net_assets',
          netAssetsRows(GROWTH, '2024-06-03', '2024-06-28', () => '36600000.00'),
        ),
      ),
    ]);
    await ok(db, [
      'providers',
      'import',
      file(
        'p.csv',
        csv('id,name,kind,agreement_date,own_rate_pct,terminated_on', [
          'DLR-1,Dealer One,dealer,2024-01-02,0.123456,',
        ]),
      ),
    ]);
    await ok(db, [
      'provider-assets',
      'import',
      file(
        'a.csv',
        csv(
          'date,provider,portfolio,class,net_assets',
          businessDays('2024-06-03', '2024-07-03').map((d) => `${d},DLR-1,${GROWTH},C,7320000.00`),
        ),
      ),
    ]);
  }, 300_000);
  it('later NA below provider assets', async () => {
    const r = await runCliInProcess([
      '--db',
      db,
      'net-assets',
      'import',
      file(
        'na2.csv',
        csv(
          'date,portfolio,class,net_assets',
          netAssetsRows(GROWTH, '2024-07-01', '2024-07-31', () => '1000000.00'),
        ),
      ),
      '--json',
    ]);
    console.log('NA2', r.code, r.stdout.slice(0, 1500), r.stderr.slice(0, 800));
    const s = await runCliInProcess(['--db', db, 'service-fees', '--month', '2024-07', '--json']);
    console.log('SVC7', s.code, s.stdout.slice(0, 1500), s.stderr.slice(0, 800));
    const j = await runCliInProcess(['--db', db, 'service-fees', '--month', '2024-06', '--json']);
    console.log('SVC6', j.code, JSON.stringify(j.json<any>().providers), j.stderr.slice(0, 800));
  });
});
