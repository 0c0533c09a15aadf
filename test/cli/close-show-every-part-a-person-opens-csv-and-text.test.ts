import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApiToken } from '../../src/api/apiTokens.js';
import { createApp } from '../../src/api/app.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { withActor } from '../../src/store/actor.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * `close show --month M --part P` for every sealed part a person opens: the service fees per
 * provider and class (the live `service-fees --csv`'s header and lines), the prior-period
 * adjustments per payee, the Class B redemptions per portfolio — as CSV, as the API's format=csv,
 * and alone as that part's text (it used to print the whole month whatever P was).
 *
 * AIM Value Fund C (Exhibit 002: service fee 0.25%) at 36,500,000.00 a day; dealer DLR-1's
 * customers hold 10,000,000.00 of it. February closed; then DLR-1's 2007-02-09 (a Friday,
 * carried over the weekend: 3 days) restated to 20,000,000.00; March closed, reporting it.
 */
describe.skipIf(!seedsAvailable).each(dialects)('close show of every sealed part (%s)', (dialect) => {
  let tdb: TestDatabase;
  let store: ApiStore;
  let api: ReturnType<typeof createApp>;
  let token = '';
  const cli = (...args: string[]) => store.use((db) => runCliOnOpenStore(db, ['--db', tdb.target, ...args]));
  const csvOf = (text: string) => text.trimEnd().split('\n');

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    const db = await tdb.open();
    try {
      await withActor('test setup', async () => {
        await importExhibits(
          db,
          seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
        );
        await importNetAssets(
          db,
          'na.csv',
          Buffer.from(
            [
              'date,portfolio,class,net_assets',
              ...businessDaysBetween('2006-12-29', '2007-03-30').map(
                (d) => `${d},AIM Value Fund,C,36500000.00`,
              ),
            ].join('\n'),
          ),
        );
        await importProviders(
          db,
          'providers.csv',
          Buffer.from(
            'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Granite Securities,dealer,2000-01-01,,',
          ),
        );
        await importProviderAssets(
          db,
          'assets.csv',
          Buffer.from(
            [
              'date,provider,portfolio,class,net_assets',
              ...businessDaysBetween('2007-01-02', '2007-03-30').map(
                (d) => `${d},DLR-1,AIM Value Fund,C,10000000.00`,
              ),
            ].join('\n'),
          ),
        );
        await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS, { first: true });
        await importProviderAssets(
          db,
          'fix.csv',
          Buffer.from(
            'date,provider,portfolio,class,net_assets\n2007-02-09,DLR-1,AIM Value Fund,C,20000000.00',
          ),
          { restate: true },
        );
        await closeMonth(db, '2007-03', MONTH_CLOSE_STEPS);
        token = (await createApiToken(db, { name: 'view', role: 'viewer' })).token;
      });
    } finally {
      await db.close();
    }
    store = await ApiStore.open(tdb.target, { connections: 1 });
    api = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } });
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it('service-fees: the live CSV of the month, header and lines, where nothing changed since', async () => {
    const sealed = await cli('close', 'show', '--month', '2007-03', '--part', 'service-fees', '--csv');
    expect(sealed.code).toBe(0);
    // SPEC §5: a day's fee is rounded (§4): 10,000,000.00 × 0.25% / 365 = 68.493… → 68.49;
    // March, 31 days: 68.49 × 31 = 2,123.19
    expect(csvOf(sealed.stdout)).toEqual([
      'provider,name,portfolio,class,days,averageDailyNetAssets,ratePct,amount',
      'DLR-1,Granite Securities,AIM Value Fund,C,31,10000000.00,0.25,2123.19',
    ]);
    // nothing of March restated: today's figures are the sealed ones, line for line
    const live = await cli('service-fees', '--month', '2007-03', '--recompute', '--csv');
    expect(live.code).toBe(0);
    expect(live.stdout).toBe(sealed.stdout);
    // and the API's sealed part is the live route's CSV of the month
    const get = async (path: string) =>
      (await api.app.request(path, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(await get('/api/months/2007-03/sealed?format=csv&part=service-fees')).toBe(
      await get('/api/service-fees?month=2007-03&recompute=true&format=csv'),
    );
    // February was restated since: sealed 68.49 × 28 = 1,917.72
    const feb = await cli('close', 'show', '--month', '2007-02', '--part', 'service-fees', '--csv');
    expect(csvOf(feb.stdout)[1]).toBe(
      'DLR-1,Granite Securities,AIM Value Fund,C,28,10000000.00,0.25,1917.72',
    );
  });

  it('adjustments: per payee, as sealed in the JSON of the close', async () => {
    const csv = await cli('close', 'show', '--month', '2007-03', '--part', 'adjustments', '--csv');
    expect(csv.code).toBe(0);
    // restated February: 3 days at 20,000,000.00 × 0.25% / 365 = 136.986… → 136.99, 25 days at
    // 68.49: 410.97 + 1,712.25 = 2,123.22; less 1,917.72 sealed = +205.50.
    // The class's service fee is unchanged (7,000.00 = 250.00 a day × 28), so what the Distributor
    // keeps, 7,000.00 − 1,917.72 = 5,082.28 sealed, is now 7,000.00 − 2,123.22 = 4,876.78: −205.50
    expect(csvOf(csv.stdout)).toEqual([
      'kind,restatedMonth,portfolio,class,payee,original,previouslyAdjusted,restated,difference,twelveB1Portion,cdscPortion,role',
      'service-fees,2007-02,AIM Value Fund,C,DLR-1 Granite Securities,1917.72,0.00,2123.22,205.50,,,',
      'service-fees,2007-02,AIM Value Fund,C,Distributor (keeps),5082.28,0.00,4876.78,-205.50,,,',
    ]);
    // the same figures as the sealed part itself
    const view = (await cli('close', 'show', '--month', '2007-03', '--json')).json<{
      parts: { adjustments: { payees: { serviceFees: { providers: { difference: string }[] } } } };
    }>();
    expect(view.parts.adjustments.payees.serviceFees.providers.map((p) => p.difference)).toEqual(['205.50']);
    // the API's format=csv answers the CLI's CSV
    const res = await api.app.request('/api/months/2007-03/sealed?format=csv&part=adjustments', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(csv.stdout);
  });

  it('class-b: the redemptions per portfolio (none this month: the header)', async () => {
    const csv = await cli('close', 'show', '--month', '2007-03', '--part', 'class-b', '--csv');
    expect(csv.code).toBe(0);
    expect(csvOf(csv.stdout)).toEqual(['portfolio,count,gross,cdsc,cdscWaived,redemptionFee,net']);
  });

  it('--part alone prints that part as text, the service fees as `service-fees` prints them', async () => {
    const part = await cli('close', 'show', '--month', '2007-03', '--part', 'service-fees');
    expect(part.code).toBe(0);
    const body = part.stdout.slice(part.stdout.indexOf('Service fees for 2007-03'));
    expect(body).toMatch(/^Service fees for 2007-03, payable /);
    const live = await cli('service-fees', '--month', '2007-03');
    expect(live.stdout).toContain(body);
    // not the whole month: no fees lines, no list of the sealed parts
    expect(part.stdout).not.toMatch(/sealed parts:|^fees \(/m);

    const adj = await cli('close', 'show', '--month', '2007-03', '--part', 'adjustments');
    expect(adj.code).toBe(0);
    expect(adj.stdout).toMatch(/Distributor \(keeps\).*-205\.50/);
    expect(adj.stdout).toMatch(/DLR-1 Granite.*205\.50/);
    expect(adj.stdout).not.toMatch(/sealed parts:/);
    const fees = await cli('close', 'show', '--month', '2007-03', '--part', 'fees');
    // 36,500,000.00 × 0.75% / 365 = 750.00 a day × 31 = 23,250.00; 0.25%: 250.00 × 31 = 7,750.00,
    // in the table `plan12b fees` prints (the portfolio's name wraps in its 80-column cell)
    expect(fees.stdout.replace(/\s+/g, ' ')).toContain(
      'AIM Value C 2007-03 31 36500000.00 23250.00 7750.00 31000.00 Fund',
    );
    expect(fees.stdout).not.toMatch(/journal:|sealed parts:/);
  });

  it('a part that does not exist is the command line’s mistake (64), with or without --csv', async () => {
    for (const extra of [['--csv'], []]) {
      const r = await cli('close', 'show', '--month', '2007-03', '--part', 'prior-period', ...extra);
      expect(r.code).toBe(64);
      expect(r.stderr).toMatch(
        /--part "prior-period" is not one of fees, journal, monthly-calculation, service-fees, adjustments, class-b/,
      );
    }
  });
});
