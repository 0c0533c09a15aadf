/**
 * The demo's service providers (SPEC §5; Plan §4(b)–(g), §10): seven agreements of the six
 * kinds — one with a lower own rate, one terminated on written notice mid-year, one assigned —
 * their customers' daily assets (a fixed fraction of each class's recorded net assets, so never
 * above them), imported through the same feeds a user runs, then the month's service fees,
 * payments file and statements.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monthEnd } from '../calendar/isoDate.js';
import { importProviderAssets } from '../feeds/providerAssetsFeed.js';
import { importProviders } from '../feeds/providersFeed.js';
import { terminateOnAssignment, terminateOnNotice } from '../import/providerTerminations.js';
import { formatCents, parseCents } from '../money/cents.js';
import { writePaymentsCsv, writeProviderStatements } from '../reports/providerStatementFiles.js';
import { serviceFeesReport } from '../reports/serviceFeesReport.js';
import type { Database } from '../store/database.js';
import { netAssetsThrough } from '../store/netAssetsRepository.js';
import { seededRandom } from './demoComplex.js';

const PROVIDERS = [
  ['DLR-0001', 'Granite Peak Securities', 'dealer', '2020-03-02', ''],
  ['DLR-0002', 'Bluewater Brokerage', 'dealer', '2021-07-01', '0.15'],
  ['BNK-0001', 'First Lakeshore Bank', 'bank', '2019-11-15', ''],
  ['VCC-0001', 'Meridian Life Insurance Company', 'variable-contract-company', '2022-01-03', ''],
  ['RPP-0001', 'Keystone Retirement Services', 'retirement-plan-provider', '2023-05-01', ''],
  ['BTD-0001', 'Harborview Trust Department', 'bank-trust-department', '2018-09-04', '0.20'],
  ['DIS-0001', 'Summit Distributors (as principal)', 'distributor-principal', '2017-01-03', ''],
] as const;

/** Plan §10(a): First Lakeshore Bank's agreement, terminated on notice of 2025-05-15, effective 2025-06-30. */
const NOTICE = { providerId: 'BNK-0001', noticeDate: '2025-05-15', effectiveDate: '2025-06-30' } as const;
/** Plan §10(b): Keystone's agreement assigned on 2025-09-15 — it terminates that day. */
const ASSIGNMENT = {
  providerId: 'RPP-0001',
  date: '2025-09-15',
  assignedTo: 'Atlas Plan Administrators',
} as const;

export function demoProvidersCsv(): string {
  const lines = ['id,name,kind,agreement_date,own_rate_pct,terminated_on'];
  for (const [id, name, kind, date, own] of PROVIDERS) lines.push(`${id},${name},${kind},${date},${own},`);
  return `${lines.join('\n')}\n`;
}

/**
 * Each provider holds a share (in per mille) of some classes, fixed for the year; the shares of a
 * class add up to at most 900‰, so the providers' customers never hold more than the class.
 */
function demoShares(classKeys: readonly string[], seed: number): Map<string, [string, bigint][]> {
  const random = seededRandom(seed);
  const shares = new Map<string, [string, bigint][]>();
  for (const classKey of classKeys) {
    let left = 900;
    const list: [string, bigint][] = [];
    for (const [id] of PROVIDERS) {
      if (random() < 0.45 || left <= 0) continue;
      const perMille = Math.min(left, 20 + Math.floor(random() * 260));
      left -= perMille;
      list.push([id, BigInt(perMille)]);
    }
    shares.set(classKey, list);
  }
  return shares;
}

/** The providers' assets feed: every row of the classes' recorded net assets through `through`, scaled by each share. */
async function demoProviderAssetsCsv(db: Database, through: string, seed: number): Promise<string> {
  const rows = await netAssetsThrough(db, { to: through });
  const classKeys = [...new Set(rows.map((r) => `${r.portfolioId}|${r.class}`))];
  const shares = demoShares(classKeys, seed);
  const lines = ['date,provider,portfolio,class,net_assets'];
  for (const r of rows) {
    const na = parseCents(r.netAssets);
    for (const [id, perMille] of shares.get(`${r.portfolioId}|${r.class}`) ?? [])
      lines.push(`${r.date},${id},${r.portfolioName},${r.class},${formatCents((na * perMille) / 1000n)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Creates the demo's providers and agreements, their customers' assets, and that month's service
 * fees, payments file and statements in `outDir`. Run it after the demo's exhibits and net assets
 * are imported; running it again changes nothing.
 */
export async function runServiceFeesDemo(
  db: Database,
  outDir: string,
  month: string,
): Promise<{ lines: string[]; summary: Record<string, unknown> }> {
  const recorded = await importServiceFeesDemo(db, outDir, month);
  const paid = await writeServiceFeesDemoMonth(db, outDir, month);
  return { lines: [...recorded.lines, ...paid.lines], summary: { ...recorded.summary, ...paid.summary } };
}

/** The demo's providers and agreements (two of them terminated) and their customers' assets through `month`. */
export async function importServiceFeesDemo(
  db: Database,
  outDir: string,
  month: string,
): Promise<{ lines: string[]; summary: Record<string, unknown> }> {
  const providersPath = join(outDir, 'service-providers.csv');
  const providersCsv = demoProvidersCsv();
  writeFileSync(providersPath, providersCsv);
  const providers = await importProviders(db, providersPath, Buffer.from(providersCsv));
  const notice = await terminateOnNotice(db, NOTICE);
  const assignment = await terminateOnAssignment(db, ASSIGNMENT);

  const assetsPath = join(outDir, 'provider-assets.csv');
  const assetsCsv = await demoProviderAssetsCsv(db, monthEnd(month), 29);
  writeFileSync(assetsPath, assetsCsv);
  const assets = await importProviderAssets(db, assetsPath, Buffer.from(assetsCsv));
  return {
    lines: [
      `Service providers: ${providers.rows} agreements (${providers.inserted} new) from ${providersPath}`,
      `  ${NOTICE.providerId} terminated on notice of ${NOTICE.noticeDate}, effective ${notice.provider.terminationEffective} (Plan §10(a))`,
      `  ${ASSIGNMENT.providerId} assigned to ${ASSIGNMENT.assignedTo} on ${ASSIGNMENT.date}: terminated that day (Plan §10(b))`,
      `Provider assets: ${assets.rows} rows (${assets.inserted} new) from ${assetsPath}`,
    ],
    summary: {
      providers: { file: providersPath, rows: providers.rows, inserted: providers.inserted },
      terminations: [notice.provider, assignment.provider].map((p) => ({
        id: p.id,
        effective: p.terminationEffective,
        cause: p.terminationCause,
      })),
      providerAssets: { file: assetsPath, rows: assets.rows, inserted: assets.inserted },
    },
  };
}

/**
 * The month's service fees, payments file and statements. The demo writes them once everything
 * that governs the month is recorded (its approvals, the Class C termination) and the month is
 * closed, so that they state what the sealed month pays (`plan12b service-fees --month`).
 */
export async function writeServiceFeesDemoMonth(
  db: Database,
  outDir: string,
  month: string,
): Promise<{ lines: string[]; summary: Record<string, unknown> }> {
  const report = await serviceFeesReport(db, month);
  const paymentsPath = join(outDir, `service-fee-payments-${month}.csv`);
  const payments = writePaymentsCsv(report, paymentsPath);
  const statements = await writeProviderStatements(report, join(outDir, `service-fee-statements-${month}`));

  const lines = [
    `Service fees for ${month}, payable ${report.paymentDate}:`,
    ...report.providers.map(
      (p) =>
        `  ${p.id.padEnd(9)} ${p.name.padEnd(36)} ${p.kind.padEnd(26)} ${p.amount.padStart(12)}${p.terminationEffective ? `  (terminated ${p.terminationEffective})` : ''}`,
    ),
    `  class service fees ${report.totals.serviceFee} = providers ${report.totals.providerFees} + Distributor keeps ${report.totals.distributorRetained}`,
    `Payments: ${paymentsPath} (${payments} lines); statements: ${statements.dir} (${statements.csv} CSV, ${statements.pdf} PDF)`,
  ];
  return {
    lines,
    summary: {
      month,
      paymentDate: report.paymentDate,
      totals: report.totals,
      payments: { file: paymentsPath, lines: payments },
      statements,
      warnings: report.warnings,
    },
  };
}
