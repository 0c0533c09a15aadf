import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { conversionTargetAbove } from '../../src/governance/conversionTargetClass.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import type { GoverningEntry } from '../../src/registry/governingEntry.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { buildPayeesComplex, FUND, FUND2 } from '../transfers/payeesComplexFixture.js';

/**
 * Rule 18f-3(f) (DOMAIN §4.3, RECALLED): shares convert from a purchase class only into a target
 * class whose expenses, 12b-1 payments included, are not higher. RECALLED, so plan12b warns and
 * records the conversion terms as stated.
 *
 * The demo complex: Class A of FUND and FUND2 is 0.10% distribution + 0.25% service = 0.35% a
 * year (the Master Distribution Plan, from 2024-01-02); Class B is 0.75% + 0.25% = 1.00%
 * (the Master Distribution Agreement, SEVENTH(B) and TENTH).
 *   FUND  Class B, Board rate from 2025-01-01: 0.05% + 0.25% = 0.30% < Class A 0.35% → warned
 *         from 2025-01-01 on (before it, 1.00% ≥ 0.35%: nothing).
 *   FUND2 Class B, Board rate from 2025-01-01: 0.10% + 0.25% = 0.35% = Class A 0.35% → "not
 *         higher": no warning.
 */
describe('a conversion period whose target Class A carries higher 12b-1 fees than Class B', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
    for (const [portfolio, distributionFeePct] of [
      [FUND, '0.05'],
      [FUND2, '0.10'],
    ] as const)
      await setBoardRate(db, {
        portfolio,
        class: 'B',
        effectiveDate: '2025-01-01',
        distributionFeePct,
        serviceFeePct: '0.25',
        reason: 'Board lowered the Class B distribution fee',
      });
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  const header =
    'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days';

  it('is recorded with a warning naming the days, both classes rates and what to do', async () => {
    const r = await importClassBTerms(
      db,
      'terms.csv',
      Buffer.from(
        [header, `conversion-period,${FUND},,,,8,,`, `conversion-period,${FUND2},,,,8,,`].join('\n'),
      ),
    );
    expect(r.inserted).toBe(2);
    expect(r.warnings).toEqual([
      `terms.csv:2: ${FUND}'s Class B shares convert to Class A after 8 years, but from 2025-01-01 on Class A's 12b-1 fees in force (0.35% a year: 0.10% distribution + 0.25% service, Master Distribution Plan) are higher than Class B's (0.30% a year: 0.05% distribution + 0.25% service, a Board-set rate); Rule 18f-3(f) lets shares convert only into a class whose expenses, 12b-1 payments included, are not higher (DOMAIN §4.3, RECALLED): recorded as stated — check both classes' rates (\`plan12b schedule --as-of 2025-01-01\`) and, if they are right, put the conversion terms before the Board and counsel`,
    ]);
  });

  it('a rule for all portfolios is checked for each portfolio with Class B shares', async () => {
    const r = await importClassBTerms(
      db,
      'all.csv',
      Buffer.from([header, 'conversion-period,all,,,,7,,'].join('\n')),
    );
    expect(r.inserted).toBe(1);
    // only FUND: every other portfolio's Class B is 1.00% against Class A's 0.35% or 0.25%
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(
      `all.csv:2: ${FUND}'s Class B shares convert to Class A after 7 years, but from 2025-01-01 on`,
    );
  });
});

describe('conversionTargetAbove on its own', () => {
  const entry = (from: string, lastDay: string | null, d: string | null, s: string | null): GoverningEntry =>
    ({
      from,
      lastDay,
      distributionFeePct: d,
      serviceFeePct: s,
      rateSource: 'schedule',
      stopped: null,
      instrumentTitle: 'Plan',
    }) as GoverningEntry;

  it('compares only the days both classes are governed and merges runs with the same rates', () => {
    // B: 1.00% to 2005-06-30, then 0.25% + 0.00% = 0.25%; A: 0.10 + 0.25 = 0.35% in two runs that
    // split on 2006-01-01 with the same rates → one run from 2005-07-01 (0.35 > 0.25) on
    const b = [entry('2003-01-01', '2005-06-30', '0.75', '0.25'), entry('2005-07-01', null, '0.00', '0.25')];
    const a = [entry('2004-01-01', '2005-12-31', '0.10', '0.25'), entry('2006-01-01', null, '0.10', '0.25')];
    const r = conversionTargetAbove(b, a);
    expect(r.map((x) => [x.from, x.lastDay, x.target.totalPct, x.purchase.totalPct])).toEqual([
      ['2005-07-01', null, '0.35', '0.25'],
    ]);
  });

  it('a Class A governed only after Class B ends is never compared', () => {
    expect(
      conversionTargetAbove(
        [entry('2003-01-01', '2003-12-31', '0.00', '0.10')],
        [entry('2004-01-01', null, '0.75', '0.25')],
      ),
    ).toEqual([]);
  });
});
