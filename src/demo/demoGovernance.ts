/**
 * The demo complex's governance (issue 12 item 9; SPEC §10): the Board's approvals of each
 * instrument and amendment and its continuance votes, a material increase (Class A Amendment
 * No. 2) that waits for its Class A shareholders' vote (Plan §§5, 11), the Class C plan left
 * without its second continuance vote so that it lapses (Plan §7) after the demo year, one
 * termination (Plan §9), the forms of Service Agreement (Plan §6), a year of gross sales, prime
 * rates and expenditures, all through the feeds a user runs; then approvals.enforce on, so the
 * recorded approvals decide what governs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monthOf } from '../calendar/isoDate.js';
import { importApprovals } from '../feeds/approvalsFeed.js';
import { importExpenditures } from '../feeds/expendituresFeed.js';
import { importGrossSales } from '../feeds/grossSalesFeed.js';
import { importPrimeRate } from '../feeds/primeRateFeed.js';
import { importTerminations } from '../feeds/terminationsFeed.js';
import { setGovernanceSetting } from '../import/governanceSettingChange.js';
import { formatCents, parseCents } from '../money/cents.js';
import type { Database } from '../store/database.js';
import { netAssetsThrough } from '../store/netAssetsRepository.js';
import { MATERIAL_INCREASE } from './demoComplex.js';

/** The Board: nine trustees (one absent), all six Dis-interested Trustees for, in person (Plan §6). */
const BOARD = '8,0,1,6,0,0,yes,yes,,,';

/** Amendment No. 2's Class A shareholder vote (Plan §5; 1940 Act §2(a)(42)). */
export const SHAREHOLDER_VOTE = {
  meetingDate: '2025-11-14',
  sharesOutstanding: 1_000_000,
  sharesPresent: 620_000,
  sharesFor: 455_000,
} as const;

/** Plan §9: the Board ends the Class C plan for one portfolio the Class B story does not touch. */
export const DEMO_TERMINATION = {
  portfolio: 'Summit Technology Fund',
  class: 'C',
  date: '2025-11-01',
  meetingDate: '2025-10-16',
} as const;

/** The related agreement the Board approves with the Plans: the forms the providers' agreements follow. */
export const DEMO_SERVICE_AGREEMENTS = 'Service Agreements (Plan Exhibits A to F)';

/** The Class C plan's 2025 continuance vote is never held: it lapses after its 2026-01-02 deadline. */
export const LAPSING_EXHIBIT = 'demo-02-class-c-plan.txt';

const APPROVALS_HEADER =
  'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against,disinterested_absent,in_person,called_for_purpose,shares_outstanding,shares_present,shares_for';

/** The approvals feed, naming each exhibit by its SHA-256 (`ids`: file name → hash). */
export function demoApprovalsCsv(ids: ReadonlyMap<string, string>): string {
  const id = (file: string) => {
    const h = ids.get(file);
    if (h === undefined) throw new Error(`the demo has no exhibit ${file}`);
    return h;
  };
  const board = (date: string, approves: string, file: string, portfolio = '', cls = '') =>
    `${date},board,${approves},${id(file)},,${portfolio},${cls},${BOARD}`;
  const v = SHAREHOLDER_VOTE;
  return `${[
    APPROVALS_HEADER,
    board('2023-12-14', 'instrument', 'demo-01-class-a-plan.txt'),
    board('2023-12-14', 'instrument', 'demo-02-class-c-plan.txt'),
    board('2023-12-14', 'instrument', 'demo-03-class-b-agreement.txt'),
    // Plan §6: the forms of Service Agreement (Plan §4(b)–(g), Exhibits A–F) are agreements related
    // to the Plan, approved with it — every provider's fee is paid under an approved form
    `2023-12-14,board,related-agreement,,${DEMO_SERVICE_AGREEMENTS},,,${BOARD}`,
    board('2024-12-12', 'continuance', 'demo-01-class-a-plan.txt'),
    board('2024-12-12', 'continuance', 'demo-02-class-c-plan.txt'),
    board('2024-12-12', 'continuance', 'demo-03-class-b-agreement.txt'),
    board('2025-03-13', 'amendment', 'demo-04-class-a-amendment-1.txt'),
    board('2025-06-12', 'amendment', 'demo-05-class-b-amendment-1.txt'),
    board('2025-09-11', 'amendment', 'demo-06-class-a-amendment-2.txt'),
    board(
      DEMO_TERMINATION.meetingDate,
      'termination',
      'demo-02-class-c-plan.txt',
      DEMO_TERMINATION.portfolio,
      DEMO_TERMINATION.class,
    ),
    `${v.meetingDate},shareholders,amendment,${id('demo-06-class-a-amendment-2.txt')},,${MATERIAL_INCREASE.portfolio},${MATERIAL_INCREASE.class},,,,,,,,,${v.sharesOutstanding},${v.sharesPresent},${v.sharesFor}`,
    board('2025-12-11', 'continuance', 'demo-01-class-a-plan.txt'),
    board('2025-12-11', 'continuance', 'demo-03-class-b-agreement.txt'),
  ].join('\n')}\n`;
}

export const DEMO_TERMINATIONS_CSV = [
  'instrument,portfolio,class,date,by,notice_date,reason',
  `plan,${DEMO_TERMINATION.portfolio},${DEMO_TERMINATION.class},${DEMO_TERMINATION.date},trustees,,resolution of the Board of ${DEMO_TERMINATION.meetingDate}`,
].join('\n');

export const DEMO_PRIME_RATE_CSV = [
  'effective_date,prime_rate,source',
  '2024-12-19,7.50,The Wall Street Journal',
  '2025-09-18,7.25,The Wall Street Journal',
  '2025-10-30,7.00,The Wall Street Journal',
  '2025-12-11,6.75,The Wall Street Journal',
].join('\n');

/**
 * Gross sales of every Class A and C class, month by month: 2% of the class's net assets on the
 * month's first recorded day (Class A with a 1% front-end sales charge). 6.25% of that adds
 * 0.125% of net assets a month to the cap, above any month's ABSC (at most 0.75% / 12 ≈ 0.0625%),
 * so no cap is exhausted and the demo's fees stay as accrued.
 */
export async function demoGrossSalesCsv(db: Database, through: string): Promise<string> {
  const rows = await netAssetsThrough(db, { to: through });
  const lines = ['month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges'];
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.class !== 'A' && r.class !== 'C') continue;
    const key = `${r.portfolioId}|${r.class}|${monthOf(r.date)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const gross = (parseCents(r.netAssets) * 2n) / 100n;
    const frontEnd = r.class === 'A' ? formatCents(gross / 100n) : '';
    lines.push(`${monthOf(r.date)},${r.portfolioName},${r.class},${formatCents(gross)},${frontEnd},`);
  }
  return `${lines.join('\n')}\n`;
}

/** Amounts spent under the Plans in 2025, by quarter, portfolio, class and purpose (Plan §3). */
export const DEMO_EXPENDITURES: readonly (readonly [string, string, string, string, string, string])[] = [
  ['Summit Capital Growth Fund', 'A', '2025Q1', 'dealer-compensation', '18250.00', ''],
  ['Summit Capital Growth Fund', 'C', '2025Q1', 'dealer-compensation', '41800.00', ''],
  ['Summit Core Bond Fund', 'C', '2025Q1', 'advertising', '6400.00', ''],
  ['Summit Capital Growth Fund', 'A', '2025Q2', 'dealer-compensation', '19120.00', ''],
  ['Summit Capital Growth Fund', 'C', '2025Q2', 'prospectus-printing', '2315.40', ''],
  ['Summit Dividend Value Fund', 'C', '2025Q2', 'sales-literature', '3980.00', ''],
  ['Summit Capital Growth Fund', 'A', '2025Q3', 'dealer-compensation', '19675.00', ''],
  ['Summit Core Bond Fund', 'A', '2025Q3', 'sales-seminars', '1250.00', ''],
  ['Summit Dividend Value Fund', 'C', '2025Q3', 'distributor-overhead', '7125.55', ''],
  ['Summit Capital Growth Fund', 'A', '2025Q4', 'dealer-compensation', '20410.00', ''],
  ['Summit Capital Growth Fund', 'C', '2025Q4', 'dealer-compensation', '43960.25', ''],
  [
    'Summit Capital Growth Fund',
    'C',
    '2025-11-14',
    'dealer-compensation',
    '1500.50',
    'trail to Granite Peak Securities',
  ],
  ['Summit Core Bond Fund', 'C', '2025Q4', 'advertising', '5200.00', ''],
  ['Summit Core Bond Fund', 'A', '2025Q4', 'prospectus-printing', '2875.30', ''],
  ['Summit Dividend Value Fund', 'C', '2025Q4', 'interest-financing', '9340.10', ''],
  ['Summit Dividend Value Fund', 'A', '2025Q4', 'plan-administration', '1100.00', ''],
];

export function demoExpendituresCsv(): string {
  return `${[
    'portfolio,class,period,purpose,amount,description',
    ...DEMO_EXPENDITURES.map((r) => r.join(',')),
  ].join('\n')}\n`;
}

/** Records it all; each feed again changes nothing, so the demo stays idempotent. */
export async function runGovernanceDemo(
  db: Database,
  out: string,
  ids: ReadonlyMap<string, string>,
  through: string,
): Promise<{ lines: string[] }> {
  const write = (name: string, text: string) => {
    const path = join(out, name);
    writeFileSync(path, text);
    return { path, bytes: Buffer.from(text) };
  };
  const a = write('approvals.csv', demoApprovalsCsv(ids));
  const approvals = await importApprovals(db, a.path, a.bytes);
  const t = write('terminations.csv', DEMO_TERMINATIONS_CSV);
  await importTerminations(db, t.path, t.bytes);
  const p = write('prime-rate.csv', DEMO_PRIME_RATE_CSV);
  await importPrimeRate(db, p.path, p.bytes);
  const g = write('gross-sales-2025.csv', await demoGrossSalesCsv(db, through));
  await importGrossSales(db, g.path, g.bytes);
  const e = write('expenditures-2025.csv', demoExpendituresCsv());
  await importExpenditures(db, e.path, e.bytes);
  // Every instrument and amendment is approved before it takes effect, so turning enforcement on
  // changes nothing but the material increase (from its shareholder vote) and the lapse (2026).
  await setGovernanceSetting(db, 'approvals.enforce', 'true');
  return {
    lines: [
      `Governance: ${approvals.rows} approvals and votes recorded (approvals.enforce true); Amendment No. 2 raises ${MATERIAL_INCREASE.portfolio} Class A's ABSC ${MATERIAL_INCREASE.fromAbscPct}% → ${MATERIAL_INCREASE.toAbscPct}% from its shareholder vote of ${SHAREHOLDER_VOTE.meetingDate}; the Class C plan terminated for ${DEMO_TERMINATION.portfolio} from ${DEMO_TERMINATION.date}; the Class C plan lapses after its 2026-01-02 continuance deadline`,
    ],
  };
}
