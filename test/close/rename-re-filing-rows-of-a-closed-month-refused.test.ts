import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { Plan12bError, ProblemsError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { documentId, importExhibits } from '../../src/import/exhibitImport.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments } from '../../src/store/registryStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { exhibit } from './support/ridgeTrustExhibit.js';

const PLAN = 'Distribution Plan';
const LATER_PLAN = 'Second Distribution Plan';
// Delta Fund and Epsilon Fund one portfolio from 2020-03-01, imported before January closes
const DELTA_IS_EPSILON = exhibit(PLAN, '2020-03-01', ['Epsilon Fund'], 1, [
  { from: 'Delta Fund', to: 'Epsilon Fund' },
]);

/**
 * SPEC §12: a closed month is locked; SPEC §2: names resolve to portfolios, a rename revealing
 * that two names are one portfolio. Ridge Trust's plan (2019-01-01) lists Beta Fund and Delta
 * Fund; a second plan (2020-06-01) lists Alpha Fund and Epsilon Fund, whose January 2020 net
 * assets are recorded before any instrument governs them (1,000.00 a day on each of January's 21
 * NYSE business days: 23 weekdays less New Year's Day and Martin Luther King Jr. Day). January
 * closes. An amendment effective 2020-03-01 — after the closed month — listing "Alpha Fund
 * (formerly Beta Fund)" makes Alpha Fund Beta Fund's portfolio: Alpha's 21 January rows would move
 * to portfolio beta-fund, a governed one, changing the closed month's inputs. It is refused (68),
 * naming the month, the rows and the portfolios, and nothing is written. Withdrawing the
 * amendment that made Epsilon Fund Delta Fund's (imported before the close, so Epsilon's January
 * rows are filed under delta-fund) would move them back: refused too. A rename after the closed
 * month that moves no closed row (Gamma Fund, formerly Beta Fund) is imported.
 */
describe.each(dialects)('a rename re-filing rows of a closed month, on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const januaryRows = () => businessDaysBetween('2020-01-01', '2020-01-31');
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(db, [
      exhibit(PLAN, '2019-01-01', ['Beta Fund', 'Delta Fund']),
      exhibit(LATER_PLAN, '2020-06-01', ['Alpha Fund', 'Epsilon Fund']),
      DELTA_IS_EPSILON,
    ]);
    const rows = businessDaysBetween('2020-01-01', '2020-02-29').flatMap((d) => [
      `${d},Alpha Fund,A,1000.00`,
      `${d},Epsilon Fund,A,1000.00`,
    ]);
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')));
    await closeMonth(db, '2020-01', MONTH_CLOSE_STEPS);
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  const filed = async (name: string) =>
    (
      await db.query<{ portfolio_id: string; n: string }>(
        `SELECT portfolio_id, count(*)::text AS n FROM net_assets
          WHERE portfolio_name = $1 AND date <= '2020-01-31' GROUP BY portfolio_id`,
        [name],
      )
    ).map((r) => [r.portfolio_id, Number(r.n)]);

  it('has 21 January business days, each row filed under the portfolio of then', async () => {
    expect(januaryRows()).toHaveLength(21);
    expect(await filed('Alpha Fund')).toEqual([['alpha-fund', 21]]);
    expect(await filed('Epsilon Fund')).toEqual([['delta-fund', 21]]);
  });

  it('an amendment after the closed month making Alpha Fund Beta Fund is refused; nothing written', async () => {
    const before = (await listDocuments(db)).length;
    const err = await importExhibits(db, [
      exhibit(PLAN, '2020-03-01', ['Alpha Fund'], 2, [{ from: 'Beta Fund', to: 'Alpha Fund' }]),
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemsError);
    const problems = (err as ProblemsError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('REFUSED');
    expect(problems[0]!.reason).toContain('2020-01 is closed');
    expect(problems[0]!.reason).toContain(
      'would re-file 21 net assets rows of Alpha Fund dated 2020-01-02..2020-01-31 from portfolio alpha-fund to beta-fund',
    );
    expect((await listDocuments(db)).length).toBe(before);
    expect(await filed('Alpha Fund')).toEqual([['alpha-fund', 21]]);
  });

  it('withdrawing the amendment that filed Epsilon Fund under Delta Fund is refused', async () => {
    const err = await withdrawExhibit(db, documentId(DELTA_IS_EPSILON.bytes), 'imported by mistake').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Plan12bError);
    expect((err as Plan12bError).code).toBe('REFUSED');
    expect((err as Plan12bError).message).toContain(
      'withdrawing Distribution-Plan-1-2020-03-01.txt would re-file 21 net assets rows of Epsilon Fund dated 2020-01-02..2020-01-31 from portfolio delta-fund to epsilon-fund',
    );
    expect(await filed('Epsilon Fund')).toEqual([['delta-fund', 21]]);
  });

  it('a rename after the closed month that moves none of its rows is imported, and the month verifies', async () => {
    const r = await importExhibits(db, [
      exhibit(PLAN, '2020-04-01', ['Gamma Fund'], 3, [{ from: 'Beta Fund', to: 'Gamma Fund' }]),
    ]);
    expect(r.imported).toHaveLength(1);
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });
});
