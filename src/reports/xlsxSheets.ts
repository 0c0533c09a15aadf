import { AUDIT_LOG_CSV_COLUMNS } from '../audit/auditLogColumns.js';
import type { ClosedMonthView } from '../close/closedMonthView.js';
import type { ParsedExhibit } from '../edgar/exhibitDocument.js';
import { CLASS_B_TERMS_COLUMNS } from '../feeds/classBTermsFeed.js';
import type { Rule12b1Records } from '../governance/rule12b1Records.js';
import { AMENDMENT_DIFF_COLUMNS, type AmendmentDiffAnswer } from '../registry/amendmentDiffAnswer.js';
import type { BoardRate } from '../registry/boardRate.js';
import type { PortfolioHistory, ScheduleAnswer } from '../registry/registry.js';
import { TOKEN_LIST_COLUMNS } from '../store/apiTokenRepository.js';
import type { ProviderRecord } from '../store/serviceProvidersRepository.js';
import type { AssigneeStatement } from '../transfers/assigneeStatement.js';
import { isEndOnly, type TransferRecord } from '../transfers/transferRecord.js';
import { APPROVAL_CSV_COLUMNS } from './approvalsReport.js';
import {
  ASSIGNEE_STATEMENT_COLUMNS,
  type AssigneeStatementReport,
  assigneeStatementRows,
} from './assigneeStatementReport.js';
import type { CdscRangeReport, CdscReport } from './classBCdscReport.js';
import type { ConversionsReport } from './classBConversionsReport.js';
import type { LotsReport } from './classBLotsReport.js';
import {
  REDEMPTION_PIECE_COLUMNS,
  type RedemptionsReport,
  redemptionPieceRows,
} from './classBRedemptionsReport.js';
import type { ClassBTermsList } from './classBTermsList.js';
import { closedMonthPartRows } from './closedMonthPartCsv.js';
import { CONTINUANCE_CSV_COLUMNS } from './continuanceReport.js';
import {
  DISTRIBUTOR_SHARE_COLUMNS,
  type DistributorShareReading,
  distributorShareLines,
} from './distributorShareCsv.js';
import { DOCUMENT_LIST_COLUMNS, documentListRows, type ListedDocument } from './documentListCsv.js';
import { EXHIBIT_ENTRY_COLUMNS, exhibitEntryRows } from './exhibitEntriesCsv.js';
import type { FeesReport } from './feesReport.js';
import { FINRA_CAP_COLUMNS, type FinraCapReport } from './finraCapReport.js';
import { SETTING_COLUMNS } from './governanceSettingsList.js';
import type { Journal } from './journal.js';
import { monthlyCalculationCsvRows } from './monthlyCalculationCsv.js';
import type { MonthlyCalculationReport } from './monthlyCalculationReport.js';
import {
  PORTFOLIO_HISTORY_COLUMNS,
  portfolioHistoryRows,
  portfolioNameRows,
  portfolioRegistrantRows,
} from './portfolioHistoryCsv.js';
import { RULE_12B1_RECORDS_CSV_COLUMNS, rule12b1RecordsCsvRows } from './rule12b1RecordsReport.js';
import { serviceFeesCsvRows } from './serviceFeesCsv.js';
import type { ServiceFeesReport } from './serviceFeesReport.js';
import { TERMINATION_COLUMNS } from './terminationsList.js';
import type { WhatIfReport } from './whatIfReport.js';
import type { XlsxColumn, XlsxSheet } from './xlsxOut.js';

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
const pct = (key: string, header: string): XlsxColumn => ({ key, header, kind: 'pct' });
const shares = (key: string, header: string): XlsxColumn => ({ key, header, kind: 'shares' });
const int = (key: string, header: string, total = false): XlsxColumn => ({
  key,
  header,
  kind: 'int',
  ...(total ? { total } : {}),
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
        pct('distributionFeePct', 'Distribution fee rate'),
        pct('serviceFeePct', 'Service fee rate'),
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
      int('days', 'Days'),
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
        int('days', 'Days'),
        money('averageDailyNetAssets', 'Average daily net assets', false),
        pct('ratePct', 'Rate'),
        money('amount', 'Amount'),
      ],
      rows: serviceFeesCsvRows(report),
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
      // SPEC §8: paid to the Distributor before the notice of Transfer, owed on to the Assignee
      money('owedOnToAssignee', 'Owed on to Assignee', false),
      // FINRA 2341(d)(2): the CDSC collected and the part credited to the fund (the cap used up)
      money('cdscCollected', 'CDSC collected', false),
      money('cdscCreditedToFund', 'CDSC credited to the fund (FINRA 2341)', false),
    ],
    rows: lines,
    totalsLabel: 'Total of the portions',
  };
}

/**
 * The Monthly Calculation's workbook: the lines per portfolio and payee, then — as the CSV's
 * further lines — the prior-period adjustments (SPEC §12) and what the Fund pays each payee on the
 * due date (the journal pays the same), each on a sheet of its own where the month has any.
 */
export function monthlyCalculationSheets(report: MonthlyCalculationReport): XlsxSheet[] {
  const { lines, adjustmentRows, paymentRows } = monthlyCalculationCsvRows(report);
  const month = report.month;
  const sheets = [monthlyCalculationSheet(lines, month)];
  if (adjustmentRows.length > 0)
    sheets.push({
      name: `Adjustments ${month}`,
      title: `Monthly Calculation ${month}: prior-period adjustments (SPEC §12)`,
      columns: [
        text('portfolio', 'Portfolio'),
        text('restatedMonth', 'Restated month'),
        text('payee', 'Payee'),
        text('payTo', 'Pay to'),
        money('original', 'Original', false),
        money('restated', 'Restated', false),
        money('difference', 'Difference'),
        money('twelveB1Portion', '12b-1 difference'),
        money('cdscPortion', 'CDSC difference'),
      ],
      rows: adjustmentRows,
      totalsLabel: 'Total',
    });
  if (paymentRows.length > 0)
    sheets.push({
      name: `Payments due ${month}`,
      title: `Monthly Calculation ${month}: payments due (the journal pays the same)`,
      columns: [
        text('portfolio', 'Portfolio'),
        text('dueDate', 'Due date'),
        text('payee', 'Payee'),
        money('twelveB1Portion', '12b-1 Portion'),
        money('cdscPortion', 'CDSC Portion'),
        money('priorPeriodAdjustment', 'Prior-period adjustment'),
        money('payable', 'Payable'),
        money('owedOnToAssignee', 'Owed on to Assignee'),
      ],
      rows: paymentRows,
      totalsLabel: 'Total payable',
    });
  return sheets;
}

/** `schedule --as-of D`: the entries in force, each with the document it comes from (SPEC §2). */
export function scheduleSheet(asOf: string, entries: readonly ScheduleAnswer[]): XlsxSheet {
  return {
    name: `Schedule ${asOf}`,
    title: `Schedule entries in force on ${asOf}`,
    columns: [
      text('registrant', 'Registrant'),
      text('portfolio', 'Portfolio'),
      text('class', 'Class'),
      pct('assetBasedSalesChargePct', 'ABSC (distribution fee)'),
      text('assetBasedSalesChargeBound', 'ABSC bound'),
      pct('serviceFeePct', 'Service fee'),
      pct('aggregateFeePct', 'Aggregate fee'),
      text('rateSource', 'Rates set by'),
      text('instrument', 'Instrument'),
      text('schedule', 'Schedule'),
      text('document', 'Document'),
      text('documentFile', 'Document file'),
      text('inForceSince', 'In force since'),
      text('approvedOn', 'Approved on'),
      text('stopped', 'No fee due because'),
      // Plan §7, FOURTEENTH: its instrument had lapsed by the date, whether or not fees stop
      text('lapsedOn', 'Instrument lapsed on'),
      text('lapse', 'Lapse'),
    ],
    rows: entries.map((e) => ({
      ...e,
      lapsedOn: e.lapse?.endsOn ?? '',
      lapse: e.lapse?.text ?? '',
      document: e.document.title,
      documentFile: e.document.file,
      approvedOn: e.approvals.map((a) => a.meetingDate).join(' '),
    })),
  };
}

/** `lots --account A`: the account's lots, Commission Shares and Free Shares (SPEC §6). */
export function lotsSheet(report: LotsReport): XlsxSheet {
  return {
    name: `Lots ${report.account}`,
    title: `Class B lots of account ${report.account}${report.omnibus ? ' (omnibus)' : ''} as of ${report.asOf ?? '—'}`,
    columns: [
      text('portfolio', 'Portfolio'),
      text('lotId', 'Lot'),
      text('kind', 'Kind'),
      text('dateOfOriginalIssuance', 'DOI'),
      text('issuingPortfolio', 'Issued by'),
      shares('shares', 'Shares'),
      money('cost', 'Cost'),
      pct('cdscRatePct', 'CDSC rate'),
      text('conversionDate', 'Converts'),
    ],
    rows: report.lots,
  };
}

/** `conversions --month M`: the shares converting to Class A at the month's end, Free Shares pro rata. */
export function conversionsSheet(report: ConversionsReport): XlsxSheet {
  return {
    name: `Conversions ${report.month}`,
    title: `Class B shares converting to Class A on ${report.date}`,
    columns: [
      text('account', 'Account'),
      text('portfolio', 'Portfolio'),
      shares('commissionShares', 'Commission Shares'),
      shares('freeShares', 'Free Shares'),
      shares('shares', 'Shares'),
      text('confirmedBy', 'Confirmed by'),
    ],
    rows: report.conversions.map((c) => ({ ...c, confirmedBy: c.confirmedBy.join(' ') })),
  };
}

/**
 * `redemptions --xlsx`: one sheet of redemptions (their amounts totalled) and one of their lot
 * pieces, the CSV's columns (FOURTH(D)); a piece's redemption figures repeat, so only its own total.
 */
export function redemptionsSheets(report: RedemptionsReport): XlsxSheet[] {
  // the redemption's own figures repeat on each of its pieces: numbers a person can sum by hand,
  // but no totals row for them (the Redemptions sheet totals them once)
  const pieceKinds: Partial<Record<(typeof REDEMPTION_PIECE_COLUMNS)[number], XlsxColumn>> = {
    shares: shares('shares', 'shares'),
    price: shares('price', 'price'),
    gross: money('gross', 'gross', false),
    cdsc: money('cdsc', 'cdsc', false),
    cdsc_waived: money('cdsc_waived', 'cdsc_waived', false),
    redemption_fee: money('redemption_fee', 'redemption_fee', false),
    net: money('net', 'net', false),
    piece_shares: shares('piece_shares', 'piece_shares'),
    piece_cost: money('piece_cost', 'piece_cost'),
    piece_cdsc: money('piece_cdsc', 'piece_cdsc'),
    piece_cdsc_waived: money('piece_cdsc_waived', 'piece_cdsc_waived'),
    rate_pct: pct('rate_pct', 'rate_pct'),
    // the piece's CDSC base, min(cost given up, shares × price): money (it was left as text), exact
    // to 8 places (SPEC §6), so not totalled in cents (a sum of bases is no figure of the Agreement)
    base: money('base', 'base', false),
  };
  return [
    {
      name: 'Redemptions',
      title: `Class B redemptions ${report.from} to ${report.to}${report.distributor ? `, with CDSC earned by ${report.distributor}` : ''}`,
      columns: [
        text('date', 'Date'),
        text('txnId', 'Transaction'),
        text('account', 'Account'),
        text('portfolio', 'Portfolio'),
        shares('shares', 'Shares'),
        shares('price', 'Price'),
        text('waiver', 'Waiver'),
        money('gross', 'Gross'),
        money('cdsc', 'CDSC'),
        money('cdscWaived', 'CDSC waived'),
        money('redemptionFee', 'Redemption fee'),
        money('net', 'Net'),
        int('pieces', 'Lot pieces'),
      ],
      rows: report.redemptions.map((r) => ({ ...r, pieces: r.pieces.length })),
    },
    {
      name: 'Lot pieces',
      title: 'One row per lot piece, with its redemption',
      columns: REDEMPTION_PIECE_COLUMNS.map((key) => pieceKinds[key] ?? text(key)),
      rows: redemptionPieceRows(report),
    },
  ];
}

/** `cdsc --xlsx`: the CDSC per portfolio and the distributor it is paid to (FOURTH(D)). */
export function cdscSheet(report: CdscReport | CdscRangeReport): XlsxSheet {
  const period = 'month' in report ? report.month : `${report.from} to ${report.to}`;
  const only =
    'distributor' in report && report.distributor !== null ? `, earned by ${report.distributor}` : '';
  return {
    name: 'CDSC',
    title: `CDSC ${period}${only}`,
    columns: [
      text('portfolio', 'Portfolio'),
      text('distributor', 'Earned by'),
      money('cdsc', 'CDSC'),
      money('cdscWaived', 'CDSC waived'),
      int('pieces', 'Pieces', true),
    ],
    rows: report.rows,
  };
}

/** `transfers list`: every Transfer recorded (EIGHTH), with the CSV keys of the transfers feed. */
/**
 * `distributor-share --xlsx` (Exhibit A): the CSV's lines and columns — one per portfolio,
 * computation and party — shares, percentages and dollars as numbers. Only the 12b-1 Share adds up
 * across the lines (a computation's Distribution Fees repeat on each party's line).
 */
export function distributorShareSheet(reading: DistributorShareReading, month: string): XlsxSheet {
  const kinds: Partial<Record<(typeof DISTRIBUTOR_SHARE_COLUMNS)[number], XlsxColumn>> = {
    days: int('days', 'days'),
    a_commissionShares: shares('a_commissionShares', 'a_commissionShares'),
    b_freeShares: shares('b_freeShares', 'b_freeShares'),
    c_omnibusFreeShares: shares('c_omnibusFreeShares', 'c_omnibusFreeShares'),
    totalShares: shares('totalShares', 'totalShares'),
    sharePct: pct('sharePct', 'sharePct'),
    distributionFee: money('distributionFee', 'distributionFee', false),
    twelveB1Share: money('twelveB1Share', 'twelveB1Share'),
  };
  return {
    name: 'Distributor share',
    title: `Distributor's 12b-1 Share, ${month} (Agreement Exhibit A)`,
    columns: DISTRIBUTOR_SHARE_COLUMNS.map((k) => kinds[k] ?? text(k, k)),
    rows: distributorShareLines(reading),
  };
}

export function transfersSheet(rows: readonly TransferRecord[]): XlsxSheet {
  return {
    name: 'Transfers',
    title: 'Transfers to Assignees (Agreement EIGHTH)',
    columns: [
      text('id', 'Id'),
      text('assignee', 'Assignee'),
      text('address', 'Address'),
      text('portfolio', 'Portfolio'),
      pct('twelve_b1_portion_pct', '12b-1 Portion'),
      pct('cdsc_portion_pct', 'CDSC Portion'),
      text('doi_from', 'DOI from'),
      text('doi_to', 'DOI to'),
      text('effective_date', 'Effective'),
      text('notice_received_date', 'Notice received'),
      text('payment', 'Payment'),
      text('depository_agent', 'Depository agent'),
      text('ends', 'Ends'),
    ],
    // the feed's own columns, so the CSV imports again unchanged: `portfolio` is a name or `all`
    // (empty on a record that only ends a Transfer)
    rows: rows.map((r) => ({ ...r, portfolio: isEndOnly(r) ? null : (r.portfolio_name ?? 'all') })),
  };
}

/** `providers list`: every service provider and its Service Agreement (Plan §4, §10). */
export function providersSheet(list: readonly ProviderRecord[]): XlsxSheet {
  return {
    name: 'Service providers',
    title: 'Service providers and their Service Agreements',
    columns: [
      text('id', 'Id'),
      text('name', 'Name'),
      text('kind', 'Kind'),
      text('exhibit', 'Exhibit'),
      text('agreementDate', 'Agreement date'),
      pct('ownRatePct', 'Own rate'),
      text('status', 'Status'),
      text('terminationEffective', 'Terminated effective'),
      text('terminationCause', 'Termination cause'),
    ],
    rows: list,
  };
}

/**
 * `what-if --xlsx`: one line per payee and component, before and after the hypothetical rate, the
 * CSV's columns (WHAT_IF_COLUMNS of the API's CSV); the payees together are the class's fees, so
 * each amount is totalled.
 */
export function whatIfSheet(report: WhatIfReport): XlsxSheet {
  const { before, after } = report.rates;
  return {
    name: 'What if',
    title: `${report.portfolio} class ${report.class}, ${report.year.from} … ${report.year.to}: distribution fee ${before.distributionFeePct}% → ${after.distributionFeePct}%, service fee ${before.serviceFeePct}% → ${after.serviceFeePct}%`,
    columns: [
      text('payee', 'Payee'),
      text('role', 'Role'),
      text('component', 'Component'),
      money('before', 'Before'),
      money('after', 'After'),
      money('difference', 'Difference'),
    ],
    rows: report.payees,
  };
}

/**
 * A list a person opens in a spreadsheet (approvals, continuance deadlines, terminations, the audit
 * log): the CSV's columns as its header, text as text, counts and share amounts as numbers.
 */
export function listSheet(
  name: string,
  title: string,
  columns: readonly string[],
  rows: readonly object[],
  numbers: { readonly int?: readonly string[]; readonly shares?: readonly string[] } = {},
): XlsxSheet {
  return {
    name,
    title,
    columns: columns.map((key) =>
      numbers.int?.includes(key)
        ? int(key, key)
        : numbers.shares?.includes(key)
          ? shares(key, key)
          : text(key, key),
    ),
    rows,
  };
}

/** `approvals list --xlsx`: every approval and vote (Plan §§5–7, §9, §11), votes and shares as numbers. */
export function approvalsSheet(rows: readonly object[]): XlsxSheet {
  return listSheet('Approvals', 'Approvals and votes (Plan §§5–7, §9, §11)', APPROVAL_CSV_COLUMNS, rows, {
    int: [
      'trusteesFor',
      'trusteesAgainst',
      'trusteesAbsent',
      'disinterestedFor',
      'disinterestedAgainst',
      'disinterestedAbsent',
    ],
    shares: ['sharesOutstanding', 'sharesPresent', 'sharesFor'],
  });
}

/** `continuance --as-of D --xlsx`: one line per instrument and its next deadline (Plan §7; FOURTEENTH). */
export function continuanceSheet(asOf: string, rows: readonly object[]): XlsxSheet {
  return listSheet(
    'Continuance',
    `Continuance deadlines as of ${asOf} (Plan §7; Agreement FOURTEENTH)`,
    CONTINUANCE_CSV_COLUMNS,
    rows,
    { int: ['deadlinesMet'] },
  );
}

/** `records --xlsx` (Rule 12b-1(f)): one row per record as of the date (the CSV's columns). */
export function rule12b1RecordsSheet(r: Rule12b1Records): XlsxSheet {
  return listSheet(
    'Records',
    `Rule 12b-1(f) records as of ${r.asOf}`,
    RULE_12B1_RECORDS_CSV_COLUMNS,
    rule12b1RecordsCsvRows(r),
  );
}

/** `settings list --xlsx`: every governance setting, its value and default (the CSV's columns). */
export function settingsSheet(rows: readonly object[]): XlsxSheet {
  return listSheet('Settings', 'Governance settings', SETTING_COLUMNS, rows);
}

/** `tokens list --xlsx`: every API token's name, role, creation and revocation (never the token). */
export function tokensSheet(rows: readonly object[]): XlsxSheet {
  return listSheet('Tokens', 'API tokens of plan12b serve', TOKEN_LIST_COLUMNS, rows);
}

/** `terminations list --xlsx`: every termination recorded (Plan §9; Agreement FIFTEENTH). */
export function terminationsSheet(rows: readonly object[]): XlsxSheet {
  return listSheet('Terminations', 'Terminations (Plan §9; Agreement FIFTEENTH)', TERMINATION_COLUMNS, rows);
}

/**
 * `finra-cap --class C --through M --xlsx`: the FINRA Rule 2341 cap ledger month by month, the
 * month's flows totalled (the balances are not sums).
 */
export function finraCapSheet(report: FinraCapReport, through: string): XlsxSheet {
  const totalled = [
    'newGrossSales',
    'capAddition',
    'interest',
    'frontEndAndDeferred',
    'deferredCreditedToFund',
    'abscAccrued',
    'abscAllowed',
    'abscNotAccrued',
  ];
  return {
    name: `FINRA cap class ${report.class}`,
    title: `FINRA Rule 2341 aggregate cap — class ${report.class} through ${through}`,
    columns: FINRA_CAP_COLUMNS.map((key) => ({
      key,
      kind:
        key === 'capPct' || key === 'primeRatePct'
          ? 'pct'
          : ['portfolio', 'class', 'month', 'exhausted'].includes(key)
            ? 'text'
            : 'money',
      total: totalled.includes(key),
    })),
    rows: report.months,
  };
}

/** `audit log --xlsx`: one line per audit record (SPEC §12), its sequence number a number. */
export function auditLogSheet(records: readonly object[]): XlsxSheet {
  return listSheet('Audit log', 'plan12b audit log (SPEC §12)', AUDIT_LOG_CSV_COLUMNS, records, {
    int: ['seq'],
  });
}

/** `rates list --csv|--xlsx`: every Board-set rate recorded, rates as percentages (SPEC §2). */
export function boardRatesSheet(rates: readonly BoardRate[]): XlsxSheet {
  return {
    name: 'Board rates',
    title: 'Rates set by the Board below the schedule maxima',
    columns: [
      text('effectiveDate', 'From'),
      text('portfolio', 'Portfolio'),
      text('class', 'Class'),
      pct('distributionFeePct', 'Distribution fee'),
      pct('serviceFeePct', 'Service fee'),
      text('reason', 'Reason'),
    ],
    rows: rates,
  };
}

/**
 * A workbook holding the lines of a CSV as the CSV prints them: its keys as the header, its rows in
 * order; the columns `kinds` names typed (money as numbers in `#,##0.00`), the rest text.
 */
function csvLinesSheet(
  name: string,
  title: string,
  columns: readonly string[],
  rows: readonly object[],
  kinds: Readonly<Record<string, XlsxColumn>>,
  totalsLabel?: string,
): XlsxSheet {
  return {
    name,
    title,
    columns: columns.map((key) => kinds[key] ?? text(key, key)),
    rows,
    ...(totalsLabel ? { totalsLabel } : {}),
  };
}

/**
 * `class-b-terms list --csv|--xlsx` (SPEC §6): the recorded rules in the class-b-terms feed's own
 * columns, so the CSV imports again unchanged; the defaults beneath them are in the title.
 */
export const CLASS_B_TERMS_LIST_COLUMNS = CLASS_B_TERMS_COLUMNS;

export function classBTermsSheet(list: ClassBTermsList): XlsxSheet {
  const d = list.defaults;
  return csvLinesSheet(
    'Class B terms',
    `Class B terms rules; where none applies: CDSC ${d.cdscSchedulePct.join(' ')} % by year, conversion after ${d.conversionYears} years, no redemption fee`,
    CLASS_B_TERMS_LIST_COLUMNS,
    list.rules.map((r) => ({
      rule: r.rule,
      portfolio: r.portfolio,
      doi_from: r.doiFrom,
      doi_to: r.doiTo,
      // the feed reads the schedule as one cell of comma-separated yearly rates
      cdsc_schedule_pct: r.cdscSchedulePct?.join(','),
      conversion_years: r.conversionYears,
      redemption_fee_pct: r.redemptionFeePct,
      redemption_fee_days: r.redemptionFeeDays,
    })),
    {
      conversion_years: int('conversion_years', 'conversion_years'),
      redemption_fee_pct: pct('redemption_fee_pct', 'redemption_fee_pct'),
      redemption_fee_days: int('redemption_fee_days', 'redemption_fee_days'),
    },
  );
}

/** `exhibit list --csv|--xlsx`: every imported exhibit, a withdrawn one with its withdrawal (SPEC §2). */
export function documentListSheet(documents: readonly ListedDocument[]): XlsxSheet {
  return csvLinesSheet(
    'Exhibits',
    'Imported exhibits',
    DOCUMENT_LIST_COLUMNS,
    documentListRows(documents),
    {},
  );
}

/**
 * `exhibit parse FILE --csv|--xlsx` (SPEC §2.1): the exhibit's schedule entries, the CSV's lines,
 * rates as percentages; the title names the document and its effective date.
 */
export function exhibitEntriesSheet(
  doc: Pick<ParsedExhibit, 'title' | 'effectiveDate' | 'schedules'>,
): XlsxSheet {
  return csvLinesSheet(
    'Schedule entries',
    `${doc.title}: schedule entries as filed (effective ${doc.effectiveDate ?? 'not stated'})`,
    EXHIBIT_ENTRY_COLUMNS,
    exhibitEntryRows(doc),
    {
      assetBasedSalesChargePct: pct('assetBasedSalesChargePct', 'assetBasedSalesChargePct'),
      serviceFeePct: pct('serviceFeePct', 'serviceFeePct'),
      aggregateFeePct: pct('aggregateFeePct', 'aggregateFeePct'),
    },
  );
}

/**
 * `portfolio history NAME --csv|--xlsx` (SPEC §2): first the classes and rates over time, the lines
 * of the CSV (rates as percentages, the amendment number a count); then its names and registrants.
 */
export function portfolioHistorySheets(h: PortfolioHistory): XlsxSheet[] {
  return [
    csvLinesSheet(
      'Classes and rates',
      `Portfolio ${h.portfolioId}: classes covered and rates over time`,
      PORTFOLIO_HISTORY_COLUMNS,
      portfolioHistoryRows(h),
      {
        distributionFeePct: pct('distributionFeePct', 'distributionFeePct'),
        serviceFeePct: pct('serviceFeePct', 'serviceFeePct'),
        aggregateFeePct: pct('aggregateFeePct', 'aggregateFeePct'),
        amendmentNumber: int('amendmentNumber', 'amendmentNumber'),
      },
    ),
    csvLinesSheet(
      'Names',
      `Portfolio ${h.portfolioId}: names over time`,
      ['portfolioId', 'name', 'from', 'lastDay'],
      portfolioNameRows(h),
      {},
    ),
    csvLinesSheet(
      'Registrants',
      `Portfolio ${h.portfolioId}: registrants over time`,
      ['portfolioId', 'registrant', 'from', 'lastDay'],
      portfolioRegistrantRows(h),
      {},
    ),
  ];
}

/** `exhibit diff --csv|--xlsx`: what one imported document changed in the schedule in force. */
export function amendmentDiffSheet(diff: AmendmentDiffAnswer): XlsxSheet {
  return csvLinesSheet(
    'Changes',
    `${diff.document.title}, effective ${diff.from ?? '(no date)'}: changes against the schedule in force on ${diff.before ?? '—'}`,
    AMENDMENT_DIFF_COLUMNS,
    diff.changes,
    {},
  );
}

/**
 * `close show --part P --csv|--xlsx` (SPEC §12): one sealed part's lines, as its CSV; the fees,
 * the journal's debits and credits and the payees' amounts totalled (each line is its own class,
 * journal line or payee, so the column adds up).
 */
export function closedMonthPartSheet(view: ClosedMonthView, part: string): XlsxSheet {
  const { columns, rows } = closedMonthPartRows(view, part);
  const kinds: Record<string, XlsxColumn> = {
    days: int('days', 'days'),
    averageDailyNetAssets: money('averageDailyNetAssets', 'averageDailyNetAssets', false),
    ratePct: pct('ratePct', 'ratePct'),
    count: int('count', 'count'),
  };
  // an adjustment's amounts as sealed and as restated are not summed, nor differences of
  // different statements (the Monthly Calculation's payees and the service-fee statements')
  for (const key of ['original', 'previouslyAdjusted', 'restated', 'difference'])
    kinds[key] = money(key, key, false);
  for (const key of [
    'amount',
    'twelveB1Portion',
    'cdscPortion',
    'gross',
    'cdscWaived',
    'redemptionFee',
    'net',
    'distributionFee',
    'serviceFee',
    'totalFee',
    'debit',
    'credit',
    'twelveB1',
    'cdsc',
    'total',
    'owedOn',
    'priorPeriodAdjustment',
    'payable',
  ])
    kinds[key] = money(key, key);
  return csvLinesSheet(
    `${part} ${view.month}`,
    `Closed month ${view.month}, sealed: ${part}`,
    columns,
    rows,
    kinds,
    'Total',
  );
}

/**
 * `transfers statement --csv|--xlsx` (EIGHTH; SPEC §8): the statement's lines as its CSV — portion,
 * segment, period, lot and cdsc-piece rows and the statement's own `total` row, the prior-period
 * `adjustment` rows and the `payable` row, a closed month's `adjusted-since` rows — amounts as money;
 * no further totals row (the rows repeat a portfolio's figures at each level of detail). The exact,
 * unrounded portions and the weights stay as written.
 */
export function assigneeStatementSheet(
  statement: AssigneeStatement & Partial<AssigneeStatementReport>,
): XlsxSheet {
  const kinds: Record<string, XlsxColumn> = {
    days: int('days', 'days'),
    lots: int('lots', 'lots'),
    doi_range_shares: shares('doi_range_shares', 'doi_range_shares'),
    distributor_shares: shares('distributor_shares', 'distributor_shares'),
  };
  for (const key of [
    'distribution_fee',
    'distributor_12b1_share',
    'earned_cdsc',
    'twelve_b1_portion',
    'cdsc_portion',
    'total',
    'owed_on_to_assignee',
  ])
    kinds[key] = money(key, key, false);
  return csvLinesSheet(
    `Statement ${statement.month}`,
    `Statement of ${statement.assignee}, ${statement.month} (Agreement EIGHTH)`,
    ASSIGNEE_STATEMENT_COLUMNS,
    assigneeStatementRows(statement),
    kinds,
  );
}
