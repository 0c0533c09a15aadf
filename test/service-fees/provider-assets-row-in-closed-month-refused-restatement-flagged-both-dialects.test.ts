import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/auditChain.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { setActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { failureOf } from './support/failure.js';
import { WORKED_PROVIDERS_CSV, workedProviderAssetsCsv } from './support/workedExample.js';
import { seedWorkedClass, serviceFeeCounts } from './support/workedStore.js';

const assets = (rows: string[]) =>
  Buffer.from(['date,provider,portfolio,class,net_assets', ...rows].join('\n'));

const ACTOR = 'Jane Doe, Fund Treasurer';

// SPEC §12: January 2007 is closed. A new provider-assets row dated in it is refused (68); a
// restatement of a recorded January figure is accepted with --restate and flagged for the
// prior-period adjustment of the next close.
describe.skipIf(!seedsAvailable).each(dialects)('provider assets and a closed month on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await seedWorkedClass(db);
    await importProviders(
      db,
      'providers.csv',
      Buffer.from(`${WORKED_PROVIDERS_CSV}\nNEW-1,New Dealer Securities,dealer,2006-06-01,,`),
    );
    await importProviderAssets(db, 'assets.csv', Buffer.from(workedProviderAssetsCsv()));
    await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS, { first: true });
    setActor(ACTOR);
  });
  afterAll(async () => {
    setActor(undefined);
    await db.close();
    await tdb.drop();
  });

  const state = async () => ({ counts: await serviceFeeCounts(db), audit: (await loadAuditLog(db)).length });

  it('a new row dated in the closed month is refused with 68, the field and the date; nothing is written', async () => {
    const before = await state();
    const f = await failureOf(
      importProviderAssets(db, 'late.csv', assets(['2007-01-31,NEW-1,AIM Value Fund,C,1000.00'])),
    );
    expect([f.code, f.exit]).toEqual(['REFUSED', 68]);
    expect(f.problems).toEqual([
      expect.objectContaining({
        code: 'REFUSED',
        file: 'late.csv',
        line: 2,
        field: 'date',
        value: '2007-01-31',
      }),
    ]);
    expect(f.problems[0]!.reason).toMatch(/^2007-01 is closed; nothing can be added to it/);
    expect(await state()).toEqual(before);
  });

  it('a changed January figure without --restate is a conflict (67) that names --restate', async () => {
    const before = await state();
    const f = await failureOf(
      importProviderAssets(db, 'fix.csv', assets(['2007-01-31,BNK-1,AIM Value Fund,C,10950000.01'])),
    );
    expect([f.code, f.exit]).toEqual(['CONFLICT', 67]);
    expect(f.problems.map((p) => [p.line, p.field, p.value])).toEqual([[2, 'net_assets', '10950000.01']]);
    expect(f.problems[0]!.reason).toMatch(/recorded as 10950000\.00.*import with --restate/);
    expect(f.hint).toMatch(/--restate/);
    expect(await state()).toEqual(before);
  });

  it('with --restate, a restatement beside a new row in the closed month: only the new row is refused, nothing written', async () => {
    const before = await state();
    const f = await failureOf(
      importProviderAssets(
        db,
        'mixed.csv',
        assets([
          '2007-01-31,BNK-1,AIM Value Fund,C,10950000.01',
          '2007-01-31,NEW-1,AIM Value Fund,C,1000.00',
        ]),
        { restate: true },
      ),
    );
    expect([f.code, f.exit]).toEqual(['REFUSED', 68]);
    expect(f.problems.map((p) => [p.line, p.field])).toEqual([[3, 'date']]);
    expect(await state()).toEqual(before);
  });

  it('a restatement with --restate is accepted, flagged for the prior-period adjustment, and audited once with the actor', async () => {
    const before = await state();
    const result = await importProviderAssets(
      db,
      'fix.csv',
      assets(['2007-01-31,BNK-1,AIM Value Fund,C,10950000.01']),
      { restate: true },
    );
    expect(result).toMatchObject({ rows: 1, inserted: 0, unchanged: 0 });
    expect(result.restated).toEqual([
      {
        provider: 'BNK-1',
        portfolio: 'AIM Value Fund',
        class: 'C',
        date: '2007-01-31',
        old: '10950000.00',
        new: '10950000.01',
        closedMonth: '2007-01',
      },
    ]);
    expect(result.warnings).toEqual([
      'BNK-1 in AIM Value Fund class C 2007-01-31 restated in closed month 2007-01: a prior-period adjustment is due',
    ]);
    const flagged = await db.query<Record<string, string | null>>(
      'SELECT provider_id, date, old_net_assets, new_net_assets, restated_by, closed_month, adjusted_in FROM provider_assets_restatement',
    );
    expect(flagged).toEqual([
      {
        provider_id: 'BNK-1',
        date: '2007-01-31',
        old_net_assets: '10950000.00',
        new_net_assets: '10950000.01',
        restated_by: ACTOR,
        closed_month: '2007-01',
        adjusted_in: null,
      },
    ]);
    const log = await loadAuditLog(db);
    expect(log.length).toBe(before.audit + 1);
    expect(log.at(-1)).toMatchObject({ action: 'provider-assets.restate', actor: ACTOR, subject: 'fix.csv' });
    expect(verifyAuditChain(log).ok).toBe(true);
    // The same file again changes nothing and leaves no trace.
    const again = await importProviderAssets(
      db,
      'fix.csv',
      assets(['2007-01-31,BNK-1,AIM Value Fund,C,10950000.01']),
      { restate: true },
    );
    expect(again).toMatchObject({ inserted: 0, unchanged: 1, restated: [] });
    expect((await loadAuditLog(db)).length).toBe(before.audit + 1);
  });

  it('a new row in the next open month is accepted', async () => {
    const result = await importProviderAssets(
      db,
      'feb.csv',
      assets([
        '2007-02-01,DLR-1,AIM Value Fund,C,14600000.00',
        '2007-02-01,BNK-1,AIM Value Fund,C,10950000.01',
      ]),
    );
    expect(result).toMatchObject({ inserted: 2, restated: [] });
  });

  it("a restated figure carried into the closed month is flagged for it (SPEC §4: Fri 2006-12-29 is Jan 1–2 2007's figure)", async () => {
    // NYSE closed on Mon 2007-01-01 (New Year) and Tue 2007-01-02 (President Ford's day of
    // mourning): the December row is the figure of two days of closed January, though December
    // itself is before the books and not closed.
    const result = await importProviderAssets(
      db,
      'fix-dec.csv',
      assets(['2006-12-29,BNK-1,AIM Value Fund,C,7300000.01']),
      { restate: true },
    );
    expect(result.restated.map((r) => [r.date, r.closedMonth])).toEqual([['2006-12-29', null]]);
    expect(result.warnings).toEqual([
      'BNK-1 in AIM Value Fund class C 2006-12-29 restated: it is also the figure of days in closed month 2007-01 (a non-business day takes the latest earlier row): a prior-period adjustment is due',
    ]);
    const flagged = await db.query<Record<string, string | null>>(
      "SELECT date, closed_month FROM provider_assets_restatement WHERE date = '2006-12-29' AND closed_month IS NOT NULL",
    );
    expect(flagged).toEqual([{ date: '2006-12-29', closed_month: '2007-01' }]);
  });
});
