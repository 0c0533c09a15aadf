import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import type { ServiceFeesMonth } from '../../src/service-fees/monthlyServiceFees.js';
import { createServiceAgreement } from '../../src/service-fees/serviceAgreement.js';
import { dayRuns, unapprovedServiceDays } from '../../src/service-fees/serviceAgreementApproval.js';
import { APPROVALS_HEADER, boardRow } from '../governance/support/storeWithPlan.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * Plan §6 (seed 002, line 150): "any agreements related to this Plan shall become effective
 * immediately upon the receipt by the Fund of both (a) the affirmative vote of a majority of the
 * Board … and (b) … of the Dis-interested Trustees"; the Service Agreements of Plan §4(b)–(g) are
 * such agreements. `service-fees` warns (does not refuse) of the days a provider is paid with no
 * carried Board approval of a related agreement in effect.
 *
 * Seed 002, AIM Value Fund Class C (service fee 0.25%), March 2007; net assets 36,500,000.00 every
 * business day (carried over weekends: the class accrues all 31 days).
 * - DLR-EARLY (dealer, agreement 2006-01-02): 1,000,000.00 every business day of March → paid
 *   Mar 1–31. One day's fee: round_half_up(1,000,000.00 × 0.25% / 365) = 2,500 / 365 = 6.849… →
 *   6.85; 31 days → 31 × 6.85 = 212.35 (still paid: a warning, not a refusal).
 * - DLR-LATE (dealer, agreement 2007-03-20): 1,000,000.00 from Mar 1 → paid Mar 20–31 only.
 * Approvals (approvals feed, approves=related-agreement, agreement named in `instrument`):
 * - 2007-03-01 "Service Agreement (Dealers)" for AIM Balanced Fund only: does not cover Value Fund;
 * - 2007-03-05 the same for every portfolio, 4 of 9 trustees and 2 of 6 Dis-interested for: failed;
 * - 2007-03-14 the same for every portfolio, carried (8 of 9, 6 of 6, in person, called for it).
 * So DLR-EARLY is paid Mar 1–13 with none in effect: 13 days (the approval is effective on its
 * meeting day, so Mar 14 is covered); DLR-LATE's days (Mar 20–31) all follow Mar 14: no warning.
 */
describe.skipIf(!seedsAvailable)('service fees paid before the Board approved the Service Agreement', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-domain5-approval-'));
  let store: TestDatabase;
  const run = async (...args: string[]) => {
    const r = await runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  const file = (name: string, lines: readonly string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    await run('exhibit', 'import', seedFiles().find((f) => f.includes('002_'))!);
    const march = businessDaysBetween('2007-03-01', '2007-03-30');
    await run(
      'net-assets',
      'import',
      file('na.csv', [
        'date,portfolio,class,net_assets',
        ...march.map((d) => `${d},AIM Value Fund,C,36500000.00`),
      ]),
    );
    await run(
      'providers',
      'import',
      file('providers.csv', [
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-EARLY,Early Securities,dealer,2006-01-02,,',
        'DLR-LATE,Late Securities,dealer,2007-03-20,,',
      ]),
    );
    await run(
      'provider-assets',
      'import',
      file('assets.csv', [
        'date,provider,portfolio,class,net_assets',
        ...march.flatMap((d) => [
          `${d},DLR-EARLY,AIM Value Fund,C,1000000.00`,
          `${d},DLR-LATE,AIM Value Fund,C,1000000.00`,
        ]),
      ]),
    );
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('names the provider, its 13 days before the meeting and the fix, and still pays it', async () => {
    const agreement = 'Service Agreement (Dealers)';
    await run(
      'approvals',
      'import',
      file('approvals.csv', [
        APPROVALS_HEADER,
        `2007-03-01,board,related-agreement,,${agreement},AIM Balanced Fund,C,8,0,1,6,0,0,yes,yes,,,`,
        `2007-03-05,board,related-agreement,,${agreement},,,4,4,1,2,4,0,yes,yes,,,`,
        boardRow('2007-03-14', 'related-agreement', '', agreement),
      ]),
    );
    const report = (await run('service-fees', '--month', '2007-03', '--json')).json<{
      providers: { id: string; amount: string }[];
      warnings: string[];
    }>();
    expect(report.warnings.filter((w) => w.includes('Plan §6'))).toEqual([
      "DLR-EARLY Early Securities was paid service fees on 13 days (2007-03-01 to 2007-03-13; AIM Value Fund class C) with no carried Board approval of a related agreement in effect: Plan §6 makes its Service Agreement (Dealers) (Plan Exhibit A) effective only upon the votes of the Board and of the Dis-interested Trustees; record the approval with `plan12b approvals import FILE.csv` (approves=related-agreement, the agreement's name in instrument), or check its meeting date",
    ]);
    // 31 × 6.85 = 212.35 for DLR-EARLY; DLR-LATE Mar 20–31: 12 × 6.85 = 82.20
    expect(report.providers.map((p) => [p.id, p.amount])).toEqual([
      ['DLR-EARLY', '212.35'],
      ['DLR-LATE', '82.20'],
    ]);
    // the close seals the same warning in its service-fees part; `close show` tells it
    await run('close', '--month', '2007-03');
    const shown = await run('close', 'show', '--month', '2007-03', '--part', 'service-fees');
    expect(shown.stderr).toContain(`warning: ${report.warnings.find((w) => w.includes('Plan §6'))}`);
  });

  // A portfolio named in another case and spacing is found (SPEC §2); the warning quotes it by its
  // recorded name, not as typed
  it('finra-cap quotes the portfolio by its recorded name, not as typed', async () => {
    const cap = (
      await run(
        'finra-cap',
        '--class',
        'C',
        '--portfolio',
        'aim  VALUE fund',
        '--through',
        '2007-03',
        '--json',
      )
    ).json<{
      warnings: string[];
    }>();
    expect(cap.warnings.filter((w) => w.startsWith('no gross sales'))).toEqual([
      'no gross sales recorded for class C of AIM Value Fund through 2007-03: no cap ledger (import them with `plan12b gross-sales import FILE.csv`)',
    ]);
  });
});

describe('the unapproved days of a month', () => {
  const agreement = createServiceAgreement({
    providerId: 'BNK-1',
    providerName: 'A Bank',
    providerKind: 'bank',
    agreementDate: '2001-01-02',
  });
  // paid Feb 1–3 and Feb 10 in p1 C, Feb 2 in p2 C (bit i = day i + 1)
  const month: ServiceFeesMonth = {
    month: '2007-02',
    providerFees: [
      {
        kind: 'providerClassFee',
        providerId: 'BNK-1',
        classKey: 'p1|C',
        month: '2007-02',
        rateMicroPct: 250_000n,
        days: 4,
        assetsSumCents: 0n,
        averageDailyAssetsCents: 0n,
        amountCents: 0n,
        dayMask: 0b10_0000_0111,
      },
      {
        kind: 'providerClassFee',
        providerId: 'BNK-1',
        classKey: 'p2|C',
        month: '2007-02',
        rateMicroPct: 250_000n,
        days: 1,
        assetsSumCents: 0n,
        averageDailyAssetsCents: 0n,
        amountCents: 0n,
        dayMask: 0b10,
      },
    ],
    classes: [],
    unpaid: [],
  };

  it('are every day paid where no approval was recorded, in runs of consecutive days', () => {
    const [u] = unapprovedServiceDays(month, [agreement], []);
    // p1: Feb 1, 2, 3, 10; p2: Feb 2 (already counted) → 4 distinct days
    expect(u!.days).toEqual(['2007-02-01', '2007-02-02', '2007-02-03', '2007-02-10']);
    expect(u!.classKeys).toEqual(['p1|C', 'p2|C']);
    expect(u!.agreement).toBe('Bank Shareholder Service Agreement');
    expect(dayRuns(u!.days)).toBe('2007-02-01 to 2007-02-03, 2007-02-10');
  });
});
