import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { conversionTargetAbove } from '../../src/governance/conversionTargetClass.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import type { GoverningEntry } from '../../src/registry/governingEntry.js';
import type { Database } from '../../src/store/database.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { APPROVALS_HEADER } from '../governance/support/storeWithPlan.js';
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
  const rateWarnings: Record<string, string[]> = {};
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
    for (const [portfolio, distributionFeePct] of [
      [FUND, '0.05'],
      [FUND2, '0.10'],
    ] as const)
      rateWarnings[portfolio] = (
        await setBoardRate(db, {
          portfolio,
          class: 'B',
          effectiveDate: '2025-01-01',
          distributionFeePct,
          serviceFeePct: '0.25',
          reason: 'Board lowered the Class B distribution fee',
        })
      ).warnings;
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

  it('the Board rate that brings Class B below Class A is recorded with the same warning', () => {
    expect(rateWarnings[FUND]).toEqual([
      `${FUND}: from 2025-01-01 on Class A's 12b-1 fees in force (0.35% a year: 0.10% distribution + 0.25% service, Master Distribution Plan) are higher than Class B's (0.30% a year: 0.05% distribution + 0.25% service, a Board-set rate), and Class B shares convert into Class A (SPEC §6); Rule 18f-3(f) lets shares convert only into a class whose expenses, 12b-1 payments included, are not higher (DOMAIN §4.3, RECALLED): recorded — if the rates are right, put the conversion terms (\`plan12b class-b-terms list\`) before the Board and counsel`,
    ]);
    // 0.10 + 0.25 = 0.35, not higher than Class A's 0.35
    expect(rateWarnings[FUND2]).toEqual([]);
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

/**
 * Rule 18f-3 (DOMAIN §4.3, RECALLED): if the target class's shareholders approve an increase of its
 * 12b-1 expenses and the purchase class's shareholders do not, the shares may not go on converting
 * into that class. The demo's Class A Amendment No. 2 (effective 2025-10-01) raises Summit
 * International Fund's Class A distribution fee from 0.00% to 0.10% (aggregate 0.25% → 0.35%).
 *   Class A vote 2025-11-14: 1,000,000 outstanding, 600,000 present (> 500,000), 500,000 for
 *     ≥ 67% × 600,000 = 402,000 → carried. No Class B vote → warned (its rates, 0.35% < 1.00%,
 *     raise no warning of their own).
 *   Class B vote 2025-11-14 on the same amendment: 400,000 outstanding, 300,000 present
 *     (> 200,000), 250,000 for ≥ 67% × 300,000 = 201,000 → carried → no warning.
 */
describe('a Class A increase its shareholders approved and the Class B shareholders did not', () => {
  let tdb: TestDatabase;
  let db: Database;
  const INTL = 'Summit International Fund';
  const amendment = demoExhibits().find((e) => e.fileName === 'demo-06-class-a-amendment-2.txt')!;
  const hash = documentId(Buffer.from(renderExhibit(amendment.doc, { marked: false })));
  const vote = (cls: string, outstanding: number, present: number, forShares: number) =>
    `2025-11-14,shareholders,amendment,${hash},,${INTL},${cls},,,,,,,,,${outstanding},${present},${forShares}`;
  const terms = (years: number) =>
    Buffer.from(
      [
        'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days',
        `conversion-period,${INTL},,,,${years},,`,
      ].join('\n'),
    );
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
    await importApprovals(
      db,
      'a.csv',
      Buffer.from([APPROVALS_HEADER, vote('A', 1_000_000, 600_000, 500_000)].join('\n')),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('is warned when the conversion period is recorded, until the Class B shareholders approve it too', async () => {
    const r = await importClassBTerms(db, 'terms.csv', terms(8));
    expect(r.inserted).toBe(1);
    expect(r.warnings).toEqual([
      `terms.csv:2: ${INTL}'s Class B shares convert to Class A after 8 years, but its Class A shareholders approved ${amendment.doc.title} on 2025-11-14, which raises the distribution fee from 0.00% to 0.10% and raises the aggregate fee from 0.25% to 0.35% from 2025-10-01, and its Class B shareholders have no approval of it recorded: under Rule 18f-3 the Class B shares may then not go on converting into that Class A (the fund offers a new target class on the old terms) (DOMAIN §4.3, RECALLED): recorded as stated — record the Class B shareholders' vote on it (\`plan12b approvals import\`) or put the conversion terms before the Board and counsel`,
    ]);
    await importApprovals(
      db,
      'b.csv',
      Buffer.from([APPROVALS_HEADER, vote('B', 400_000, 300_000, 250_000)].join('\n')),
    );
    const again = await importClassBTerms(db, 'terms.csv', terms(9));
    expect(again.restated).toBe(1);
    expect(again.warnings).toEqual([]);
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
