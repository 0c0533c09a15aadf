import { toCsv } from '../cli/csvOut.js';
import { formatCents, parseCents } from '../money/cents.js';
import { distributorSharePcts } from '../transfers/monthlyCalculation.js';
import { adjustmentPayTo } from '../transfers/monthPayables.js';
import type { MonthlyCalculationReport } from './monthlyCalculationReport.js';

/** `plan12b monthly-calculation --csv` (and the API's format=csv): its columns. */
export const MONTHLY_CALCULATION_COLUMNS = [
  'portfolio',
  'month',
  'dueDate',
  'distributionFee',
  'distributor12b1SharePct',
  'distributor12b1Share',
  'earnedCdsc',
  'payee',
  'twelveB1Portion',
  'cdscPortion',
  'payTo',
  'serviceFee',
  'restatedMonth',
  'original',
  'restated',
  'difference',
  'priorPeriodAdjustment',
  'payable',
  // SPEC §8: a portion paid to the Distributor before the notice of Transfer is shown as owed on
  'owedOnToAssignee',
  // FINRA 2341(d)(2): where part of the CDSC collected is credited to the fund (the cap used up)
  'cdscCollected',
  'cdscCreditedToFund',
] as const;

/**
 * The Monthly Calculation as lines (Agreement EIGHTH(C)): one per portfolio and payee (the
 * Distributor, each Other Distributor of Exhibit A, each Assignee), then the prior-period
 * adjustments (SPEC §12), then what the Fund pays each payee on the due date; the XLSX puts each
 * of the three on a sheet of its own (src/cli/xlsxSheets.ts).
 */
export function monthlyCalculationCsvRows(report: MonthlyCalculationReport) {
  const month = report.month;
  const lines = report.portfolios.flatMap((c) => [
    {
      ...c,
      distributor12b1SharePct: distributorSharePcts(c),
      payee: report.distributor,
      twelveB1Portion: c.distributor12b1Portion,
      cdscPortion: c.distributorEarnedCdscPortion,
      // sealed before the field existed: the Distributor
      payTo: c.distributorPayTo ?? report.distributor,
    },
    // Exhibit A: each Other Distributor named, with its own 12b-1 share
    ...c.otherDistributors.map((o) => ({
      ...c,
      distributor12b1SharePct: distributorSharePcts(c),
      payee: o.distributor,
      twelveB1Portion: o.twelveB1Share,
      cdscPortion: '0.00',
      payTo: o.distributor,
    })),
    ...c.assignees.map((a) => ({
      ...c,
      distributor12b1SharePct: distributorSharePcts(c),
      payee: a.assignee,
      twelveB1Portion: a.twelveB1Portion,
      cdscPortion: a.cdscPortion,
      payTo: a.payTo,
      owedOnToAssignee: a.owedOnToAssignee,
    })),
  ]);
  // SPEC §12: restatements of closed months reaching the payees, one line per portfolio and payee
  const ppa = report.priorPeriodAdjustments ?? [];
  const adjustmentRows = ppa.map((a) => ({
    portfolio: a.portfolio,
    month,
    dueDate: report.dueDate,
    payee: a.payee,
    twelveB1Portion: a.twelveB1Difference,
    cdscPortion: a.cdscDifference,
    // paid as the month pays that party (SPEC §12; EIGHTH(B)–(D))
    payTo: adjustmentPayTo(
      a,
      report.portfolios.find((c) => c.portfolioId === a.portfolioId),
    ).payee,
    restatedMonth: a.month,
    original: a.original,
    restated: a.restated,
    difference: a.difference,
  }));
  // SPEC §12: what the Fund pays each payee on the due date — the month's amounts and the
  // prior-period adjustments routed to it (the journal pays the same)
  const paymentRows = (report.payables ?? []).map((p) => ({
    portfolio: p.portfolio,
    month,
    dueDate: p.dueDate,
    payee: p.payee,
    twelveB1Portion: p.twelveB1,
    cdscPortion: p.cdsc,
    payTo: p.payee,
    priorPeriodAdjustment: formatCents(parseCents(p.adjustmentTwelveB1) + parseCents(p.adjustmentCdsc)),
    payable: p.payable,
    owedOnToAssignee: p.owedOn,
  }));
  return { lines, adjustmentRows, paymentRows };
}

/** The CSV `plan12b monthly-calculation --csv` prints and `GET /api/monthly-calculation?format=csv` answers. */
export function monthlyCalculationCsv(report: MonthlyCalculationReport): string {
  const { lines, adjustmentRows, paymentRows } = monthlyCalculationCsvRows(report);
  return toCsv(MONTHLY_CALCULATION_COLUMNS, [...lines, ...adjustmentRows, ...paymentRows]);
}
