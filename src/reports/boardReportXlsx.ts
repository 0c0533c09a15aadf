import type { BoardReport } from './boardReport.js';
import type { XlsxSheet } from './xlsxOut.js';

/** The board report as a workbook: one sheet per section, totals where they add up. */
export function boardReportSheets(r: BoardReport): XlsxSheet[] {
  const title = (what: string) => `Board report ${r.quarter} (${r.from} to ${r.to}) — ${what}`;
  return [
    {
      name: 'Fees',
      title: title('fees paid per portfolio and class'),
      columns: [
        { key: 'portfolio', header: 'Portfolio' },
        { key: 'class', header: 'Class' },
        { key: 'distributionFee', header: 'Distribution fee', kind: 'money', total: true },
        { key: 'serviceFee', header: 'Service fee', kind: 'money', total: true },
        { key: 'totalFee', header: 'Total', kind: 'money', total: true },
      ],
      rows: r.fees,
    },
    {
      name: 'Adjustments',
      title: title('prior-period adjustments reported in the quarter (SPEC §12)'),
      columns: [
        { key: 'reportedIn', header: 'Reported in' },
        { key: 'month', header: 'Month adjusted' },
        { key: 'portfolio', header: 'Portfolio' },
        { key: 'class', header: 'Class' },
        { key: 'distributionFee', header: 'Distribution fee', kind: 'money', total: true },
        { key: 'serviceFee', header: 'Service fee', kind: 'money', total: true },
        { key: 'totalFee', header: 'Total', kind: 'money', total: true },
      ],
      rows: r.priorPeriodAdjustments,
    },
    {
      name: 'Spent by purpose',
      title: title('amounts expended by purpose (Plan §3)'),
      columns: [
        { key: 'purpose', header: 'Purpose' },
        { key: 'purposeLabel', header: 'Description' },
        { key: 'amount', header: 'Amount', kind: 'money', total: true },
      ],
      rows: r.expendituresByPurpose,
    },
    {
      name: 'Expenditures',
      title: title('amounts expended'),
      columns: [
        { key: 'portfolio', header: 'Portfolio' },
        { key: 'class', header: 'Class' },
        { key: 'period', header: 'Period' },
        { key: 'purpose', header: 'Purpose' },
        { key: 'description', header: 'Description' },
        { key: 'amount', header: 'Amount', kind: 'money', total: true },
      ],
      rows: r.expenditures,
    },
    {
      name: 'Instruments',
      title: title('instruments in force at quarter end'),
      columns: [
        { key: 'instrument', header: 'Instrument' },
        { key: 'registrant', header: 'Registrant' },
        { key: 'schedule', header: 'Schedule' },
        { key: 'inForceSince', header: 'In force since' },
        { key: 'portfolios', header: 'Portfolios', kind: 'int' },
        { key: 'classes', header: 'Classes', kind: 'int' },
      ],
      rows: r.instruments,
    },
    {
      name: 'FINRA cap',
      title: title('FINRA Rule 2341 aggregate cap'),
      columns: [
        { key: 'portfolio', header: 'Portfolio' },
        { key: 'class', header: 'Class' },
        { key: 'firstMonth', header: 'Ledger from' },
        { key: 'remaining', header: 'Remaining amount', kind: 'money' },
        {
          key: 'deferredCreditedToFund',
          header: 'Deferred charges after exhaustion (credited to the fund)',
          kind: 'money',
        },
        { key: 'exhausted', header: 'Exhausted' },
        { key: 'exhaustedOn', header: 'ABSC stopped on' },
        { key: 'status', header: 'Status at quarter end' },
      ],
      rows: r.finraCap,
    },
    {
      name: 'Approvals',
      title: title(
        r.approvals === null || r.approvals.length === 0 ? 'no approvals recorded' : 'approvals and votes',
      ),
      columns: [
        { key: 'date', header: 'Date' },
        { key: 'body', header: 'Body' },
        { key: 'subject', header: 'Approved' },
        { key: 'scope', header: 'Portfolios and classes' },
        { key: 'vote', header: 'Vote' },
        { key: 'approved', header: 'Result' },
      ],
      rows: r.approvals ?? [],
    },
    {
      name: 'Continuance',
      title: title(
        r.continuance === null || r.continuance.length === 0
          ? 'no continuance deadlines recorded'
          : 'continuance deadlines ahead',
      ),
      columns: [
        { key: 'instrument', header: 'Instrument' },
        { key: 'deadline', header: 'Deadline' },
        { key: 'status', header: 'Status' },
        { key: 'source', header: 'Source of the deadline' },
      ],
      rows: r.continuance ?? [],
    },
  ];
}
