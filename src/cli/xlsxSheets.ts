import type { FeesReport } from '../reports/feesReport.js';
import type { Journal } from '../reports/journal.js';
import type { ServiceFeesReport } from '../reports/serviceFeesReport.js';
import type { XlsxColumn, XlsxSheet } from '../reports/xlsxOut.js';

/**
 * The workbooks of the CLI's people-facing reports (issue 13 item 5): the same columns as their
 * CSV, typed for the spreadsheet, with the totals a fund accountant checks.
 */

const text = (key: string, header?: string): XlsxColumn => ({ key, ...(header ? { header } : {}) });
const money = (key: string, header: string, total = true): XlsxColumn => ({
  key,
  header,
  kind: 'money',
  total,
});

export function feesSheet(report: FeesReport, daily: boolean): XlsxSheet {
  const title = `12b-1 fees ${report.from} to ${report.to}`;
  if (daily)
    return {
      name: 'Daily fees',
      title,
      columns: [
        text('portfolio', 'Portfolio'),
        text('class', 'Class'),
        text('date', 'Date'),
        money('netAssets', 'Net assets', false),
        { key: 'distributionFeePct', header: 'Distribution fee rate', kind: 'pct' },
        { key: 'serviceFeePct', header: 'Service fee rate', kind: 'pct' },
        money('distributionFee', 'Distribution fee'),
        money('serviceFee', 'Service fee'),
      ],
      rows: report.daily ?? [],
    };
  return {
    name: 'Fees',
    title,
    columns: [
      text('portfolio', 'Portfolio'),
      text('class', 'Class'),
      text('month', 'Month'),
      { key: 'days', header: 'Days', kind: 'int' },
      money('averageDailyNetAssets', 'Average daily net assets', false),
      money('distributionFee', 'Distribution fee'),
      money('serviceFee', 'Service fee'),
      money('totalFee', 'Total fee'),
    ],
    rows: report.classes,
  };
}

export function journalSheet(journal: Journal, month: string): XlsxSheet {
  return {
    name: `Journal ${month}`,
    title: `12b-1 journal ${month} — payment ${journal.paymentDate}`,
    columns: [
      text('date', 'Date'),
      text('entry', 'Entry'),
      text('account', 'Account'),
      text('portfolio', 'Portfolio'),
      text('class', 'Class'),
      money('debit', 'Debit'),
      money('credit', 'Credit'),
      text('memo', 'Memo'),
    ],
    rows: journal.lines,
  };
}

export function serviceFeesSheets(report: ServiceFeesReport): XlsxSheet[] {
  return [
    {
      name: 'Providers',
      title: `Service fees ${report.month} — payable ${report.paymentDate}`,
      columns: [
        text('provider', 'Provider'),
        text('name', 'Name'),
        text('portfolio', 'Portfolio'),
        text('class', 'Class'),
        { key: 'days', header: 'Days', kind: 'int' },
        money('averageDailyNetAssets', 'Average daily net assets', false),
        { key: 'ratePct', header: 'Rate', kind: 'pct' },
        money('amount', 'Amount'),
      ],
      rows: report.providers.flatMap((p) => p.classes.map((c) => ({ ...c, provider: p.id, name: p.name }))),
    },
    {
      name: 'Classes',
      title: `Service fees ${report.month} per class: providers and what the Distributor keeps`,
      columns: [
        text('portfolio', 'Portfolio'),
        text('class', 'Class'),
        money('serviceFee', 'Service fee'),
        money('providerFees', 'To providers'),
        money('distributorRetained', 'Distributor keeps'),
      ],
      rows: report.classes,
    },
  ];
}

/** One line per portfolio and payee; the portfolio's figures repeat, so only the portions total. */
export function monthlyCalculationSheet(lines: readonly object[], month: string): XlsxSheet {
  return {
    name: `Monthly Calculation ${month}`,
    title: `Monthly Calculation ${month} (Agreement EIGHTH(C))`,
    columns: [
      text('portfolio', 'Portfolio'),
      text('month', 'Month'),
      text('dueDate', 'Due date'),
      money('distributionFee', 'Distribution fees', false),
      text('distributor12b1SharePct', "Distributor's 12b-1 Share %"),
      money('distributor12b1Share', "Distributor's 12b-1 Share", false),
      money('earnedCdsc', 'Earned CDSC', false),
      text('payee', 'Payee'),
      money('twelveB1Portion', '12b-1 Portion'),
      money('cdscPortion', 'CDSC Portion'),
      text('payTo', 'Pay to'),
      money('serviceFee', 'Service fee', false),
    ],
    rows: lines,
    totalsLabel: 'Total of the portions',
  };
}
