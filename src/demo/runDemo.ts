import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, monthEnd, monthOf } from '../calendar/isoDate.js';
import { parseQuarter } from '../calendar/quarter.js';
import { MONTH_CLOSE_STEPS } from '../close/closeSteps.js';
import { closeMonth } from '../close/monthClose.js';
import { renderExhibit } from '../edgar/renderExhibit.js';
import { importNetAssets } from '../feeds/netAssetsFeed.js';
import { importOmnibusMonths } from '../feeds/omnibusFeed.js';
import { importTransfers } from '../feeds/transfersFeed.js';
import { documentId, importExhibits } from '../import/exhibitImport.js';
import { formatCents, parseCents, sumCents } from '../money/cents.js';
import { type BoardReport, boardReport } from '../reports/boardReport.js';
import { boardReportGovernance } from '../reports/boardReportGovernance.js';
import { writeBoardReportPdf } from '../reports/boardReportPdf.js';
import { exclusiveThrough, theDistributor } from '../reports/distributorShareReport.js';
import { writeMonthlyCalculationPdf } from '../reports/monthlyCalculationPdf.js';
import {
  type MonthlyCalculationReport,
  monthlyCalculationReport,
} from '../reports/monthlyCalculationReport.js';
import { loadDistributorTerms } from '../store/classBStore.js';
import { loadClosedPeriods } from '../store/closedPeriodsRepository.js';
import type { Database } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import { sealedPart } from '../store/sealedResultsRepository.js';
import { runClassBDemo } from './demoClassB.js';
import { demoExhibits } from './demoComplex.js';
import { runGovernanceDemo } from './demoGovernance.js';
import { demoNetAssetsCsv } from './demoNetAssets.js';
import { demoOmnibusCsv } from './demoOmnibus.js';
import { importServiceFeesDemo, writeServiceFeesDemoMonth } from './demoServiceFees.js';

export const DEMO_YEAR = '2025';
/** The quarter whose written report to the board (Plan §8) ends the demo. */
export const DEMO_BOARD_QUARTER = `${DEMO_YEAR}Q4`;
export const DEMO_MONTHS = Array.from(
  { length: 12 },
  (_, i) => `${DEMO_YEAR}-${String(i + 1).padStart(2, '0')}`,
);

/**
 * The most steps `runDemo` tells (its progress bar's length): seven stages recording the complex,
 * a close per month of the year (months closed by an earlier run are not steps), and three
 * writing the December statements, Monthly Calculation and board report.
 */
export const DEMO_STEPS_AT_MOST = 7 + DEMO_MONTHS.length + 3;

/**
 * Two Assignees of the Distributor (Agreement EIGHTH): a financier of every portfolio's 12b-1
 * Share and Earned CDSC, and one that bought the 12b-1 Portion and CDSC Portion of the Commission
 * Shares sold in 2023–2024 only, whose notice of Transfer reached the Fund mid-March 2025.
 */
export const DEMO_TRANSFERS_CSV = [
  'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
  'TR-2016-01,Keystone Receivables Trust,"100 Market Street, Wilmington, DE 19801",all,60,60,,,2016-01-01,2016-01-06,direct,',
  'TR-2025-01,Pinnacle Funding LLC,"200 Park Avenue, New York, NY 10166",all,30,30,2023-01-01,2024-12-31,2025-03-10,2025-03-14,direct,',
].join('\n');

export interface DemoSummary {
  readonly out: string;
  readonly exhibits: number;
  readonly closed: readonly { month: string; resultsHash: string }[];
  readonly year: readonly {
    month: string;
    distributionFees: string;
    distributor12b1Share: string;
    earnedCdsc: string;
    assignees: string;
    serviceFees: string;
    dueDate: string;
  }[];
  readonly last: MonthlyCalculationReport;
  readonly pdf: string;
  /** the quarterly board report (Plan §8): its PDF and JSON beside the Monthly Calculation's */
  readonly boardReport: { readonly pdf: string; readonly json: string; readonly report: BoardReport };
  readonly lines: readonly string[];
}

/**
 * `plan12b demo`: the whole story on a synthetic complex of plan12b's own — exhibits rendered and
 * imported, a year of daily net assets, service providers, nine years of Class B activity with a
 * change of distributor, omnibus sub-transfer agent figures, two Assignees, the governance (approvals
 * and votes, a material increase, a termination, a lapse, gross sales, expenditures) — then every
 * month of the year closed in order, ending with the last month's Monthly Calculation and the
 * 2025Q4 report to the board as PDFs.
 */
export async function runDemo(
  db: Database,
  out: string,
  step: (text: string) => void,
  /** close: false records the complex and leaves every month open (the dashboard's tests close one) */
  opts: { readonly close?: boolean } = {},
): Promise<DemoSummary> {
  mkdirSync(join(out, 'exhibits'), { recursive: true });
  const last = DEMO_MONTHS.at(-1)!;
  const lines: string[] = [];

  step(`rendering the demo complex's exhibits into ${join(out, 'exhibits')} and importing them`);
  // the demo complex's own filings, composed in the EDGAR layout (not renderings of stored data)
  const files = demoExhibits().map(({ fileName, doc }) => {
    const text = renderExhibit(doc, { marked: false });
    const path = join(out, 'exhibits', fileName);
    writeFileSync(path, text);
    return { fileName: path, bytes: Buffer.from(text) };
  });
  await importExhibits(db, files);
  const exhibitIds = new Map(
    demoExhibits().map(({ fileName }, i) => [fileName, documentId(files[i]!.bytes)] as const),
  );
  const registry = await loadRegistry(db);

  step(`a year of daily net assets for every covered class (${DEMO_YEAR})`);
  const naPath = join(out, `net-assets-${DEMO_YEAR}.csv`);
  const naCsv = demoNetAssetsCsv(registry, `${DEMO_YEAR}-01-02`, `${DEMO_YEAR}-12-31`);
  writeFileSync(naPath, naCsv);
  await importNetAssets(db, naPath, Buffer.from(naCsv));

  step('service providers, their agreements and their customers’ assets');
  lines.push(...(await importServiceFeesDemo(db, out, last)).lines);

  step('Class B accounts, distributors and nine years of transfer-agent activity');
  lines.push(...(await runClassBDemo(db, out, last)).lines);

  step('sub-transfer agent figures for the Omnibus Accounts');
  const omnibusPath = join(out, 'omnibus-months.csv');
  // From the first month in which a Distributor's term ended for some portfolio (Exhibit A).
  const terms = await loadDistributorTerms(db);
  const distributor = theDistributor(terms);
  const ends = registry
    .classKeys()
    .filter((k) => k.class === 'B')
    .map((k) => (distributor === null ? null : exclusiveThrough(terms, k.portfolioId, distributor)))
    .filter((e): e is string => e !== null)
    .sort();
  const omnibusMonths: string[] = [];
  for (
    let m = ends.length > 0 ? monthOf(ends[0]!) : DEMO_MONTHS[0]!;
    m <= last;
    m = monthOf(addDays(monthEnd(m), 1))
  )
    omnibusMonths.push(m);
  const omnibusCsv = await demoOmnibusCsv(db, registry, omnibusMonths);
  writeFileSync(omnibusPath, omnibusCsv);
  await importOmnibusMonths(db, omnibusPath, Buffer.from(omnibusCsv));

  step('two Assignees: Transfers of the 12b-1 Share and Earned CDSC');
  const transfersPath = join(out, 'transfers.csv');
  writeFileSync(transfersPath, DEMO_TRANSFERS_CSV);
  await importTransfers(db, transfersPath, Buffer.from(DEMO_TRANSFERS_CSV));

  step('governance: approvals and votes, a material increase, a termination, gross sales, expenditures');
  lines.push(...(await runGovernanceDemo(db, out, exhibitIds, monthEnd(last))).lines);

  const closed: { month: string; resultsHash: string }[] = [];
  const already = (await loadClosedPeriods(db)).months;
  const year: DemoSummary['year'][number][] = [];
  const reports = new Map<string, MonthlyCalculationReport>();
  for (const month of opts.close === false ? [] : DEMO_MONTHS) {
    let report: MonthlyCalculationReport;
    if (already.has(month)) {
      // a closed month reads as sealed (SPEC §12), as `plan12b monthly-calculation` shows it
      const sealed = (await sealedPart(db, month, 'monthly-calculation')) as
        | MonthlyCalculationReport
        | undefined;
      report = sealed ?? (await monthlyCalculationReport(db, month));
    } else {
      step(`closing ${month}`);
      const result = await closeMonth(db, month, MONTH_CLOSE_STEPS);
      closed.push({ month, resultsHash: result.resultsHash });
      report = result.parts['monthly-calculation'] as MonthlyCalculationReport;
    }
    reports.set(month, report);
    const assignees = sumCents(
      report.portfolios.flatMap((p) =>
        p.assignees.map((a) => parseCents(a.twelveB1Portion) + parseCents(a.cdscPortion)),
      ),
    );
    year.push({
      month,
      distributionFees: report.totals.distributionFee,
      distributor12b1Share: report.totals.distributor12b1Share,
      earnedCdsc: report.totals.earnedCdsc,
      assignees: formatCents(assignees),
      serviceFees: report.totals.serviceFee,
      dueDate: report.dueDate,
    });
  }

  // after the governance that cuts fees (approvals, the Class C termination) and the close: the
  // payments file and statements state what the sealed month pays
  step(`service fees for ${last}: the payments file and the providers' statements`);
  lines.push(...(await writeServiceFeesDemoMonth(db, out, last)).lines);

  step(`the Monthly Calculation for ${last}`);
  // closed above: its sealed results, not a second computation of them
  const lastReport = reports.get(last) ?? (await monthlyCalculationReport(db, last));
  const pdf = join(out, `monthly-calculation-${last}.pdf`);
  await writeMonthlyCalculationPdf(
    lastReport.portfolios,
    { month: last, distributor: lastReport.distributor, preparedAt: `${monthEnd(last)}T23:00:00Z` },
    pdf,
  );
  writeFileSync(join(out, `monthly-calculation-${last}.json`), `${JSON.stringify(lastReport, null, 2)}\n`);

  step(`the quarterly report to the board for ${DEMO_BOARD_QUARTER}`);
  const quarter = parseQuarter(DEMO_BOARD_QUARTER)!;
  const board = await boardReport(db, quarter, boardReportGovernance);
  const boardPdf = join(out, `board-report-${DEMO_BOARD_QUARTER}.pdf`);
  await writeBoardReportPdf(board, { preparedAt: `${quarter.last}T23:00:00Z` }, boardPdf);
  const boardJson = join(out, `board-report-${DEMO_BOARD_QUARTER}.json`);
  writeFileSync(boardJson, `${JSON.stringify(board, null, 2)}\n`);
  lines.push(
    `Board report ${DEMO_BOARD_QUARTER} (Plan §8): fees ${board.feesTotal.totalFee}, amounts spent ${board.expendituresTotal} for ${board.expendituresByPurpose.length} purposes, ${board.approvals?.length ?? 0} votes of the quarter, ${board.finraCap.filter((c) => c.exhausted).length} of ${board.finraCap.length} FINRA caps exhausted → ${boardPdf}`,
  );
  return {
    out,
    exhibits: files.length,
    closed,
    year,
    last: lastReport,
    pdf,
    boardReport: { pdf: boardPdf, json: boardJson, report: board },
    lines,
  };
}
