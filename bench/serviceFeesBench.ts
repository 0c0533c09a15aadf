/**
 * Service fee benchmark (SPEC §5; issue 4): 5,000 service providers × 3,000 classes × one month
 * of daily customers' assets, sparse (each provider holds ~50 classes, ≈ 250,000 holdings, one
 * row per NYSE business day plus the row carried in from the previous month). Pure in-memory
 * computation plus file writing, no database. It times
 * - the month's computation (src/service-fees: every provider-class-day, the class checks, the
 *   Distributor's part and its conservation assertion);
 * - shaping it into the report (names, decimal strings, reconciliation of the totals);
 * - writing every provider's CSV statement and the payments file;
 * - writing PDF statements for a sample of providers, extrapolated to all (said so in the output);
 * and samples peak RSS every 10 ms. Prints nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exactDailyFeeCents } from '../src/accrual/exactDailyFee.js';
import { addDays, monthEnd, monthStart } from '../src/calendar/isoDate.js';
import { businessDaysBetween } from '../src/calendar/nyseCalendar.js';
import { seededRandom } from '../src/demo/demoComplex.js';
import { providerStatementCsv, statementFileStem } from '../src/reports/providerStatement.js';
import { writePaymentsCsv } from '../src/reports/providerStatementFiles.js';
import { writeProviderStatementPdf } from '../src/reports/providerStatementPdf.js';
import { serviceFeesReportOf } from '../src/reports/serviceFeesReport.js';
import { recordedTermination } from '../src/service-fees/agreementTermination.js';
import type { ClassServiceDay } from '../src/service-fees/classServiceDay.js';
import { computeMonthlyServiceFees } from '../src/service-fees/monthlyServiceFees.js';
import type { ProviderHolding } from '../src/service-fees/providerHolding.js';
import { createServiceAgreement, type ServiceAgreement } from '../src/service-fees/serviceAgreement.js';
import { SERVICE_PROVIDER_KIND_NAMES } from '../src/service-fees/serviceProviderKind.js';

export interface ServiceFeesBenchOptions {
  readonly providers?: number;
  readonly classes?: number;
  /** Classes per provider, on average (default 50). */
  readonly classesPerProvider?: number;
  /** PDF statements actually written; the time for all is extrapolated (default 200). */
  readonly pdfSample?: number;
  readonly month?: string;
}

const round = (x: number, places = 1) => Number(x.toFixed(places));

interface Generated {
  classDays: ClassServiceDay[];
  agreements: ServiceAgreement[];
  holdings: ProviderHolding[];
  rows: number;
}

/**
 * Classes of $5M–$2B with net assets moving a little each business day, at 0.25% (one in ten at
 * 0.20%, one in twenty changing to 0.15% mid-month); providers hold a random share of 1/(n+1) of
 * each of their classes, so their sum stays below the class; one provider in ten has an own rate,
 * one in fifty is terminated mid-month.
 */
function generate(providers: number, classes: number, perProvider: number, month: string): Generated {
  const random = seededRandom(4);
  const from = monthStart(month);
  const to = monthEnd(month);
  const business = businessDaysBetween(addDays(from, -7), to);
  const carryIn = business.filter((d) => d < from).at(-1)!;
  const days = business.filter((d) => d >= carryIn);
  const year = Number(month.slice(0, 4));
  const naByClass: bigint[][] = [];
  const classDays: ClassServiceDay[] = [];
  for (let c = 0; c < classes; c++) {
    let cents = BigInt(Math.round((5 + random() * 1_995) * 1_000_000)) * 100n;
    const na: bigint[] = [];
    for (let i = 0; i < days.length; i++) {
      cents += (cents * BigInt(Math.round((random() - 0.5) * 80))) / 10_000n;
      na.push(cents);
    }
    naByClass.push(na);
    const rate = random() < 0.1 ? 200_000n : 250_000n;
    const changes = random() < 0.05;
    let j = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      while (j + 1 < days.length && days[j + 1]! <= d) j++;
      const r = changes && d >= `${month}-16` ? 150_000n : rate;
      classDays.push({
        classKey: `portfolio-${c}|A`,
        date: d,
        netAssetsCents: na[j]!,
        serviceFeeMicroPct: r,
        serviceFeeCents: exactDailyFeeCents(na[j]!, r, year % 4 === 0 ? 366 : 365),
      });
    }
  }
  const agreements: ServiceAgreement[] = [];
  const holdingsOf: number[][] = [];
  const perClassCount = new Array<number>(classes).fill(0);
  for (let p = 0; p < providers; p++) {
    const id = `P${String(p).padStart(5, '0')}`;
    const terminated = random() < 0.02;
    agreements.push(
      createServiceAgreement({
        providerId: id,
        providerName: `Service Provider ${p}`,
        providerKind: SERVICE_PROVIDER_KIND_NAMES[p % SERVICE_PROVIDER_KIND_NAMES.length]!,
        agreementDate: '2020-01-01',
        ownRateMicroPct: random() < 0.1 ? 150_000n : null,
        terminations: terminated
          ? [recordedTermination(id, `${month}-${String(2 + Math.floor(random() * 26)).padStart(2, '0')}`)]
          : [],
      }),
    );
    const n = Math.max(1, Math.round(perProvider * (0.5 + random())));
    const mine = new Set<number>();
    while (mine.size < Math.min(n, classes)) mine.add(Math.floor(random() * classes));
    const list = [...mine].sort((a, b) => a - b);
    for (const c of list) perClassCount[c]! += 1;
    holdingsOf.push(list);
  }
  const holdings: ProviderHolding[] = [];
  let rows = 0;
  for (let p = 0; p < providers; p++) {
    for (const c of holdingsOf[p]!) {
      const share = random();
      const divisor = BigInt(perClassCount[c]! + 1) * 1_000_000n;
      const na = naByClass[c]!;
      const assets = days.map((date, i) => ({
        date,
        netAssetsCents: (na[i]! * BigInt(Math.floor(share * 1_000_000))) / divisor,
      }));
      rows += assets.length;
      holdings.push({
        kind: 'providerHolding',
        providerId: agreements[p]!.providerId,
        classKey: `portfolio-${c}|A`,
        assets,
        endDate: null,
      });
    }
  }
  return { classDays, agreements, holdings, rows };
}

export async function benchServiceFees(opts: ServiceFeesBenchOptions = {}): Promise<Record<string, unknown>> {
  const providers = opts.providers ?? 5_000;
  const classes = opts.classes ?? 3_000;
  const perProvider = opts.classesPerProvider ?? 50;
  const pdfSample = Math.min(opts.pdfSample ?? 200, providers);
  const month = opts.month ?? '2025-01';
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-service-fees-bench-'));
  try {
    let t = performance.now();
    const g = generate(providers, classes, perProvider, month);
    const generateMs = performance.now() - t;
    const rssAfterGenerate = process.memoryUsage().rss;

    t = performance.now();
    const result = computeMonthlyServiceFees({
      month,
      classDays: g.classDays,
      agreements: g.agreements,
      holdings: g.holdings,
    });
    const computeMs = performance.now() - t;

    t = performance.now();
    const report = serviceFeesReportOf(result, g.agreements, (classKey) => {
      const [portfolioId, cls] = classKey.split('|') as [string, string];
      return { portfolio: `Portfolio ${portfolioId.slice(10)} Fund`, portfolioId, class: cls };
    });
    const reportMs = performance.now() - t;

    t = performance.now();
    const statements = join(dir, 'statements');
    mkdirSync(statements);
    for (const p of report.providers)
      writeFileSync(join(statements, `${statementFileStem(report, p)}.csv`), providerStatementCsv(report, p));
    const payments = writePaymentsCsv(report, join(dir, 'payments.csv'));
    const csvMs = performance.now() - t;

    t = performance.now();
    for (const p of report.providers.slice(0, pdfSample))
      await writeProviderStatementPdf(report, p, join(statements, `${statementFileStem(report, p)}.pdf`));
    const pdfSampleMs = performance.now() - t;
    const files = readdirSync(statements).length;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const holdingDays = g.holdings.length * Number(monthEnd(month).slice(8));
    return {
      shape: {
        month,
        providers,
        classes,
        holdings: g.holdings.length,
        assetRows: g.rows,
        holdingDays,
        providerClassLines: result.providerFees.length,
      },
      ms: {
        generate: round(generateMs),
        compute: round(computeMs),
        report: round(reportMs),
        csvStatementsAndPayments: round(csvMs),
        pdfSample: round(pdfSampleMs),
        pdfAllExtrapolated: round((pdfSampleMs / Math.max(pdfSample, 1)) * report.providers.length),
        totalComputeAndWriteExtrapolated: round(
          computeMs + reportMs + csvMs + (pdfSampleMs / Math.max(pdfSample, 1)) * report.providers.length,
        ),
      },
      throughput: { holdingDaysPerSecond: Math.round(holdingDays / (computeMs / 1000)) },
      files: {
        csvStatements: report.providers.length,
        pdfStatementsWritten: pdfSample,
        payments,
        inDir: files,
      },
      totals: report.totals,
      memory: {
        peakRssMB: round(peakRss / 2 ** 20, 0),
        rssAfterGenerateMB: round(rssAfterGenerate / 2 ** 20, 0),
        sampledEveryMs: 10,
      },
      notes: [
        `PDF statements written for ${pdfSample} of ${report.providers.length} providers; the time for all is extrapolated linearly (pdfAllExtrapolated)`,
        'generate (building the in-memory inputs) is not part of the computation; peak RSS includes the inputs',
      ],
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}
