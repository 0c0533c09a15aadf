import { issued, vintageTextLines } from '../reports/classBVintageFees.js';
import { monthlyCalculationCsvRows } from '../reports/monthlyCalculationCsv.js';
import type { MonthlyCalculationReport } from '../reports/monthlyCalculationReport.js';
import type { CliContext } from './context.js';
import { clauseLines, printTable, TEXT_WIDTH, tableLines, wrapText } from './table.js';

/**
 * The text of a month's Monthly Calculation (Agreement EIGHTH(C)): each portfolio's Distribution
 * Fees, the Distributor's 12b-1 Share and Earned CDSC, each payee's portions, the due date and
 * totals, the Class B vintages (EIGHTH(E)) and the prior-period adjustments it carries — as
 * `plan12b monthly-calculation` and `close show --part monthly-calculation` print it.
 */
export function printMonthlyCalculationText(ctx: CliContext, report: MonthlyCalculationReport): void {
  const { lines } = monthlyCalculationCsvRows(report);
  const ppa = report.priorPeriodAdjustments ?? [];
  const header = [
    'Portfolio',
    'Distribution fees',
    'Share %',
    "Distributor's share",
    'Earned CDSC',
    'Payee',
    '12b-1 Portion',
    'CDSC Portion',
  ];
  const rows = lines.map((l) => [
    l.portfolio,
    l.distributionFee,
    l.distributor12b1SharePct,
    l.distributor12b1Share,
    l.earnedCdsc,
    l.payee,
    l.twelveB1Portion,
    l.cdscPortion,
  ]);
  const oneTable = tableLines(header, rows, Number.POSITIVE_INFINITY);
  if (Math.max(...oneTable.map((l) => [...l].length)) <= (ctx.textWidth ?? TEXT_WIDTH))
    printTable(ctx, header, rows);
  else {
    // narrower than the one table: each portfolio's figures once, then each payee's portions
    const portfolioRows = rows
      .map((r) => r.slice(0, 5))
      .filter((r, k, all) => k === 0 || JSON.stringify(r) !== JSON.stringify(all[k - 1]));
    printTable(ctx, header.slice(0, 5), portfolioRows);
    ctx.out('');
    printTable(
      ctx,
      [header[0]!, ...header.slice(5)],
      rows.map((r) => [r[0]!, ...r.slice(5)]),
    );
  }
  // within the width, each total whole beside its label
  for (const l of clauseLines(
    [
      `Due ${report.dueDate}. Totals: Distribution Fees ${report.totals.distributionFee}`,
      `Distributor's 12b-1 Share ${report.totals.distributor12b1Share}`,
      `Earned CDSC ${report.totals.earnedCdsc}`,
    ],
    ctx.textWidth ?? TEXT_WIDTH,
  ))
    ctx.out(l);
  // FINRA 2341(d)(2): the CDSC collected after the cap was used up, credited to the fund
  for (const c of report.portfolios)
    if (c.cdscCollected !== undefined && c.cdscCreditedToFund !== undefined)
      for (const l of wrapText(
        `${c.portfolio}: CDSC collected ${c.cdscCollected} = Earned CDSC ${c.earnedCdsc} + credited to the fund ${c.cdscCreditedToFund} (FINRA 2341(d)(2), the cap used up)`,
        ctx.textWidth ?? TEXT_WIDTH,
      ))
        ctx.out(l);
  // SPEC §6: the CDSC on an Other Distributor's shares, owed to it (not Earned CDSC)
  for (const c of report.portfolios)
    for (const o of c.otherDistributorsCdsc ?? [])
      for (const l of wrapText(
        `${c.portfolio}: CDSC on ${o.distributor}'s shares collected ${o.cdscCollected} = owed to it ${o.cdsc} + credited to the fund ${o.cdscCreditedToFund} (SPEC §6; not Earned CDSC)`,
        ctx.textWidth ?? TEXT_WIDTH,
      ))
        ctx.out(l);
  for (const l of vintageTextLines(report.classBVintages ?? [])) ctx.out(l);
  for (const l of vintageSplitTextLines(report)) ctx.out(l);
  if (ppa.length > 0) {
    ctx.out('');
    ctx.out('Prior-period adjustments (restated closed months, split among the same parties):');
    printTable(
      ctx,
      ['Month restated', 'Portfolio', 'Payee', 'Role', 'Original', 'Restated', 'Difference'],
      ppa.map((a) => [
        a.month,
        a.portfolio,
        a.payee,
        a.transferId ? `${a.role} (Transfer ${a.transferId})` : a.role,
        a.previouslyAdjusted === '0.00' ? a.original : `${a.original} (+${a.previouslyAdjusted} adjusted)`,
        a.restated,
        a.difference,
      ]),
    );
  }
  // Agreement TENTH: the restated Class B service fee, by the distributor of each restated day
  const sf = report.priorPeriodServiceFeeAdjustments ?? [];
  if (sf.length > 0) {
    ctx.out('');
    ctx.out('Class B service fee adjustments, by the distributor of each restated day:');
    printTable(
      ctx,
      ['Month restated', 'Portfolio', 'Distributor', 'Role', 'Original', 'Restated', 'Difference'],
      sf.map((a) => [
        a.month,
        a.portfolio,
        a.distributor,
        a.role,
        a.previouslyAdjusted === '0.00' ? a.original : `${a.original} (+${a.previouslyAdjusted} adjusted)`,
        a.restated,
        a.difference,
      ]),
    );
  }
}

/**
 * Agreement EIGHTH(E): where a portfolio's fee accrued by vintage, each computation's split of each
 * vintage among the parties by their shares in it — its percentage and its dollars (SPEC §7: each
 * percentage reproduces the dollars beside it).
 */
export function vintageSplitTextLines(report: Pick<MonthlyCalculationReport, 'portfolios'>): string[] {
  return report.portfolios.flatMap((p) => {
    const split = p.computations.filter((c) => c.vintages !== undefined);
    if (split.length === 0) return [];
    return [
      `EIGHTH(E) split by vintage — ${p.portfolio}:`,
      ...split.flatMap((c) => [
        `  ${c.from}–${c.to} (${c.computedOn === null ? 'exclusive' : `computed ${c.computedOn}`}):`,
        ...c.vintages!.flatMap((v) => [
          `    ${issued(v)}: ${v.distributionFee}`,
          ...v.parties.map(
            (x) =>
              `      ${x.distributor}: ${x.shares === undefined ? '' : `${x.shares} shares, `}${x.sharePct}% = ${x.twelveB1Share}`,
          ),
        ]),
      ]),
    ];
  });
}
