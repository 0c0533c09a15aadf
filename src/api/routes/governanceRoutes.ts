import { z } from '@hono/zod-openapi';
import { isMonthOfNyseCalendar, NYSE_FIRST_YEAR, NYSE_LAST_YEAR } from '../../calendar/nyseCalendar.js';
import { parseQuarter } from '../../calendar/quarter.js';
import { toCsv } from '../../cli/csvOut.js';
import { sheetCsv } from '../../cli/tabularOutput.js';
import { Plan12bError } from '../../errors.js';
import { recordTermination } from '../../feeds/terminationsFeed.js';
import { setGovernanceSetting } from '../../import/governanceSettingChange.js';
import { APPROVAL_CSV_COLUMNS, approvalRows } from '../../reports/approvalsReport.js';
import { BOARD_REPORT_CSV_COLUMNS, boardReport, boardReportLines } from '../../reports/boardReport.js';
import { boardReportGovernance } from '../../reports/boardReportGovernance.js';
import { writeBoardReportPdf } from '../../reports/boardReportPdf.js';
import { boardReportSheets } from '../../reports/boardReportXlsx.js';
import {
  CONTINUANCE_CSV_COLUMNS,
  continuanceCsvRows,
  continuanceReport,
} from '../../reports/continuanceReport.js';
import { FINRA_CAP_COLUMNS, finraCapReport } from '../../reports/finraCapReport.js';
import { governanceSettingRows } from '../../reports/governanceSettingsList.js';
import { rule12b1RecordsReport } from '../../reports/rule12b1RecordsReport.js';
import { TERMINATION_COLUMNS, terminationRows } from '../../reports/terminationsList.js';
import { WHAT_IF_COLUMNS, whatIfReport } from '../../reports/whatIfReport.js';
import {
  approvalsSheet,
  continuanceSheet,
  finraCapSheet,
  rule12b1RecordsSheet,
  settingsSheet,
  terminationsSheet,
  whatIfSheet,
} from '../../reports/xlsxSheets.js';
import { CsvText, defineRoute, XlsxSheets } from '../apiRoute.js';
import { pdfBytes } from '../pdfBytes.js';
import {
  DateText,
  Decimal,
  FormatOrXlsx,
  IsoDate,
  looseObject,
  Money,
  Month,
  Pct,
  RatePct,
} from '../schemas.js';

/** Governance and compliance (SPEC §10): the FINRA cap, the board report, what-if. */

// No regex flag: /openapi.json states the source alone as the JSON-Schema `pattern`, where an `i`
// flag would be lost (and once was written into the pattern, which then matched no quarter).
const Quarter = z
  .string()
  .regex(/^\d{4}[Qq][1-4]$/)
  .refine((q) => isMonthOfNyseCalendar(`${q.slice(0, 4)}-01`), {
    message: `outside the years plan12b keeps (${NYSE_FIRST_YEAR}–${NYSE_LAST_YEAR})`,
  })
  .openapi({ example: '2025Q4', description: 'a calendar quarter' });

function quarterOf(text: string) {
  const q = parseQuarter(text);
  if (q === null)
    throw new Plan12bError('USAGE', `${JSON.stringify(text)} is not a quarter`, 'give e.g. 2025Q4');
  return q;
}

const boardReportQuery = z.object({ quarter: Quarter });

/** A continuance period (Plan §7; Agreement FOURTEENTH): its deadline and the vote that met it, if any. */
/** Where a continuance deadline comes from (governance/continuanceDeadlineSource.ts). */
const DeadlineSource = z.enum(['document', 'rule', 'setting', 'anniversary', 'last-approval']);

const ContinuancePeriod = looseObject({
  deadline: DateText,
  metBy: looseObject({ meetingDate: DateText }).nullable(),
  // the first deadline's source, then year by year (anniversary) or a year after the last vote
  deadlineSource: DeadlineSource,
  deadlineWhy: z.string(),
});

/** A class's fees in the board report (Plan §8): money, each part and their sum. */
const FeeTotals = looseObject({ distributionFee: Money, serviceFee: Money, totalFee: Money });

/** what-if: an amount before and after the rate, and the difference. */
const BeforeAfter = looseObject({ before: Money, after: Money, difference: Money });
const WhatIfRates = z.object({ distributionFeePct: Pct, serviceFeePct: Pct });

export const governanceRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/terminations',
    operationId: 'terminations',
    summary:
      'every recorded termination of the Plan (§9) or the Agreement (FIFTEENTH) per portfolio or class (plan12b terminations list)',
    tag: 'governance',
    permission: 'read',
    query: z.object({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per termination (text/csv); xlsx: the workbook of plan12b terminations list --xlsx',
      }),
    }),
    response: z.object({
      count: z.number().int(),
      terminations: z.array(
        z.object({
          instrument: z.string(),
          portfolio: z.string(),
          class: z.string(),
          date: DateText,
          by: z.string(),
          noticeDate: DateText.nullable(),
          reason: z.string().nullable(),
        }),
      ),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const rows = await read((q) => terminationRows(q));
      if (query.format === 'xlsx') return new XlsxSheets([terminationsSheet(rows)], 'terminations.xlsx');
      return query.format === 'csv'
        ? new CsvText(toCsv(TERMINATION_COLUMNS, rows))
        : { count: rows.length, terminations: rows };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/terminations',
    operationId: 'terminate',
    summary:
      'terminate the Plan (§9) or the Agreement (FIFTEENTH(A)) for a portfolio (or all) and a class (or all) from a date (plan12b terminate)',
    tag: 'governance',
    permission: 'operate',
    changesState: true,
    body: {
      kind: 'json',
      schema: z.object({
        instrument: z.enum(['plan', 'agreement']).default('plan'),
        portfolio: z
          .string()
          .min(1)
          .openapi({ description: 'any name the portfolio ever had, or all', example: 'AIM Value Fund' }),
        class: z.string().min(1).nullable().default(null).openapi({ description: 'null: every class' }),
        date: IsoDate.openapi({ description: 'the first day no payment is due' }),
        by: z.enum(['trustees', 'shareholders', 'distributor']).openapi({
          description: 'distributor: the Agreement only',
        }),
        noticeDate: IsoDate.nullable().default(null).openapi({
          description:
            'the date of the written notice (the Agreement: at least 60 days before date, FIFTEENTH(A); without it a warning)',
        }),
        reason: z.string().max(500).nullable().default(null),
      }),
    },
    response: z.object({
      recorded: z.boolean(),
      termination: looseObject({ instrument: z.string(), effectiveDate: DateText }),
      // FIFTEENTH(A): an Agreement termination recorded without the date of its written notice
      warnings: z.array(z.string()),
    }),
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND', 'CONFLICT', 'REFUSED'],
    run: ({ body, use }) =>
      use((db) => recordTermination(db, body as Parameters<typeof recordTermination>[1])),
  }),
  defineRoute({
    method: 'post',
    path: '/api/settings/{key}',
    operationId: 'setGovernanceSetting',
    summary:
      'set one governance setting (plan12b settings set); refused where it would change what governed a closed month',
    tag: 'governance',
    permission: 'administer',
    changesState: true,
    params: z.object({
      key: z.string().openapi({ param: { name: 'key', in: 'path' }, example: 'approvals.enforce' }),
    }),
    body: { kind: 'json', schema: z.object({ value: z.string().min(1).max(200) }) },
    response: z.object({ key: z.string(), value: z.string(), changed: z.boolean() }),
    errors: ['USAGE', 'BAD_INPUT', 'REFUSED'],
    run: ({ params, body, use }) =>
      use((db) => setGovernanceSetting(db, params.key, (body as { value: string }).value)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/settings',
    operationId: 'governanceSettings',
    summary:
      'every governance setting (approvals.enforce, continuance.*): its value and whether it is the default (plan12b settings list)',
    tag: 'governance',
    permission: 'read',
    query: z.object({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per setting (text/csv); xlsx: the workbook of plan12b settings list --xlsx',
      }),
    }),
    response: z.object({
      settings: z.array(
        z.object({
          key: z.string(),
          value: z.string(),
          default: z.string(),
          isDefault: z.boolean(),
          meaning: z.string(),
        }),
      ),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const rows = await read((q) => governanceSettingRows(q));
      if (query.format === 'xlsx') return new XlsxSheets([settingsSheet(rows)], 'settings.xlsx');
      return query.format === 'csv' ? new CsvText(sheetCsv(settingsSheet(rows))) : { settings: rows };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/approvals',
    operationId: 'approvals',
    summary: 'every recorded approval and vote, in meeting order, with its outcome (plan12b approvals list)',
    tag: 'governance',
    permission: 'read',
    query: z.object({
      format: FormatOrXlsx.openapi({
        description: 'csv: one line per vote (text/csv); xlsx: the workbook of plan12b approvals list --xlsx',
      }),
    }),
    response: z.object({
      count: z.number().int(),
      approvals: z.array(looseObject({ meetingDate: DateText })),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const approvals = await read((q) => approvalRows(q));
      if (query.format === 'xlsx') return new XlsxSheets([approvalsSheet(approvals)], 'approvals.xlsx');
      return query.format === 'csv'
        ? new CsvText(toCsv(APPROVAL_CSV_COLUMNS, approvals))
        : { count: approvals.length, approvals };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/continuance',
    operationId: 'continuance',
    summary:
      'every instrument with its next continuance deadline, the approval that met each past one, and lapses; warnings: the lapses and the Rule 12b-1(b)(1) warnings of the board report as of the date (plan12b continuance)',
    tag: 'governance',
    permission: 'read',
    query: z.object({
      asOf: IsoDate,
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per instrument (text/csv); xlsx: the workbook of plan12b continuance --xlsx',
      }),
    }),
    response: looseObject({
      asOf: DateText,
      approvalsEnforced: z.boolean(),
      instruments: z.array(
        looseObject({
          instrument: z.string(),
          status: z.string(),
          firstDeadline: DateText,
          // where it comes from: the instrument's text (Plan §7, FOURTEENTH), Rule 12b-1(b)(3)(i)'s
          // year from its adoption, or the user's setting; firstDeadlineWhy says it in words
          firstDeadlineSource: z.enum(['document', 'rule', 'setting']),
          firstDeadlineWhy: z.string(),
          nextDeadline: DateText.nullable(),
          nextDeadlineSource: DeadlineSource.nullable(),
          nextDeadlineWhy: z.string().nullable(),
          // Rule 12b-1(b)(3)(i) "at least annually" (DOMAIN §9): the last vote and a year after it
          lastContinuanceVote: DateText.nullable(),
          annualVoteBy: DateText.nullable(),
          endsOn: DateText.nullable(),
          missedDeadline: DateText.nullable(),
          periods: z.array(ContinuancePeriod),
          // Agreement FOURTEENTH: continued per Portfolio (a Plan: null)
          portfolios: z
            .array(
              looseObject({
                portfolio: z.string(),
                status: z.string(),
                listedFrom: DateText,
                lastDay: DateText.nullable(),
                terminatedOn: DateText.nullable(),
                firstDeadline: DateText,
                firstDeadlineSource: z.enum(['document', 'rule', 'setting']),
                firstDeadlineWhy: z.string(),
                nextDeadline: DateText.nullable(),
                endsOn: DateText.nullable(),
                periods: z.array(ContinuancePeriod),
              }),
            )
            .nullable(),
          lapsedPortfolios: z.number().int().nullable(),
        }),
      ),
      warnings: z.array(z.string()),
    }).openapi('Continuance'),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const report = await read((q) => continuanceReport(q, query.asOf));
      if (query.format === 'xlsx')
        return new XlsxSheets(
          [continuanceSheet(query.asOf, continuanceCsvRows(report))],
          `continuance-${query.asOf}.xlsx`,
        );
      return query.format === 'csv'
        ? new CsvText(toCsv(CONTINUANCE_CSV_COLUMNS, continuanceCsvRows(report)))
        : report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/records',
    operationId: 'records',
    summary:
      'the Rule 12b-1(f) records as of a date: every plan, agreement, amendment, related agreement and sealed quarterly report (Plan §8) the fund keeps, the votes on each up to the date, and the days each is kept through; warnings: quarters ended by the date whose report is not final (plan12b records)',
    tag: 'governance',
    permission: 'read',
    query: z.object({
      asOf: IsoDate,
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per record, its votes in one cell (text/csv), as plan12b records --csv; xlsx: the workbook of plan12b records --xlsx',
      }),
    }),
    response: looseObject({
      asOf: DateText,
      records: z.array(
        looseObject({
          kind: z.literal('rule12b1Record'),
          record: z.enum([
            'plan',
            'agreement',
            'plan-amendment',
            'agreement-amendment',
            'related-agreement',
            'quarterly-report',
          ]),
          title: z.string(),
          instrument: z.string().nullable(),
          file: z.string().nullable(),
          // the document's content hash
          document: z.string().nullable(),
          // the date the six years run from
          dated: DateText,
          votes: z.array(
            looseObject({
              meetingDate: DateText,
              body: z.enum(['board', 'shareholders']),
              subject: z.string(),
              carried: z.boolean(),
              outcome: z.string(),
            }),
          ),
          approvedByTheBoard: z.boolean(),
          // the 2nd and 6th anniversaries of dated
          accessibleThrough: DateText,
          keptThrough: DateText,
          retention: z.enum(['easily accessible', 'kept', 'past retention']),
        }),
      ),
      warnings: z.array(z.string()),
    }).openapi('Rule12b1Records'),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const report = await read((q) => rule12b1RecordsReport(q, query.asOf));
      if (query.format === 'xlsx')
        return new XlsxSheets([rule12b1RecordsSheet(report)], `records-${query.asOf}.xlsx`);
      return query.format === 'csv' ? new CsvText(sheetCsv(rule12b1RecordsSheet(report))) : report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/finra-cap',
    operationId: 'finraCap',
    summary: 'the FINRA Rule 2341 aggregate cap ledger of a class, month by month (plan12b finra-cap)',
    tag: 'governance',
    permission: 'read',
    query: z.object({
      class: z.string().min(1),
      portfolio: z.string().optional(),
      through: Month,
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per portfolio and month (text/csv); xlsx: the workbook plan12b finra-cap --xlsx writes',
      }),
    }),
    response: looseObject({
      class: z.string(),
      through: z.string(),
      classes: z.array(
        looseObject({
          portfolio: z.string(),
          class: z.string(),
          remaining: Money,
          exhaustedOn: DateText.nullable(),
          exhaustions: z.array(looseObject({ from: DateText, resumedOn: DateText.nullable() })),
          abscMonthsCovered: Decimal.nullable(),
        }),
      ),
      months: z.array(
        looseObject({
          portfolio: z.string(),
          class: z.string(),
          month: z.string(),
          opening: Money,
          newGrossSales: Money,
          capPct: Pct,
          capAddition: Money,
          primeRatePct: Pct,
          interest: Money,
          frontEndAndDeferred: Money,
          deferredCreditedToFund: Money,
          abscAccrued: Money,
          abscAllowed: Money,
          abscNotAccrued: Money,
          remaining: Money,
        }),
      ),
      warnings: z.array(z.string()),
    }).openapi('FinraCap'),
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'NOT_FOUND', 'BAD_INPUT'],
    async run({ query, read }) {
      const report = await read((q) =>
        finraCapReport(q, {
          class: query.class,
          through: query.through,
          ...(query.portfolio ? { portfolio: query.portfolio } : {}),
        }),
      );
      if (query.format === 'xlsx')
        return new XlsxSheets(
          [finraCapSheet(report, query.through)],
          `finra-cap-${query.class}-${query.through}.xlsx`,
        );
      return query.format === 'csv' ? new CsvText(toCsv(FINRA_CAP_COLUMNS, report.months)) : report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/board-report',
    operationId: 'boardReport',
    summary:
      'the quarterly report to the board (Plan §8): instruments in force, fees, amounts spent by purpose, FINRA cap, approvals, continuance (plan12b board-report)',
    tag: 'governance',
    permission: 'read',
    query: boardReportQuery.extend({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per item, with its section (text/csv); xlsx: the workbook plan12b board-report --xlsx writes, one sheet per section',
      }),
    }),
    response: looseObject({
      quarter: z.string(),
      from: DateText,
      to: DateText,
      instruments: z.array(looseObject({ instrument: z.string(), inForceSince: DateText })),
      fees: z.array(FeeTotals.extend({ portfolio: z.string(), class: z.string() })),
      feesTotal: FeeTotals,
      priorPeriodAdjustments: z.array(
        FeeTotals.extend({
          month: z.string(),
          reportedIn: z.string(),
          portfolio: z.string(),
          class: z.string(),
        }),
      ),
      priorPeriodAdjustmentsTotal: FeeTotals,
      paidTotal: FeeTotals,
      expenditures: z.array(
        looseObject({ portfolio: z.string(), class: z.string(), purpose: z.string(), amount: Money }),
      ),
      expendituresByPurpose: z.array(looseObject({ purpose: z.string(), amount: Money })),
      expendituresTotal: Money,
      finraCap: z.array(
        looseObject({
          portfolio: z.string(),
          class: z.string(),
          remaining: Money,
          exhaustedOn: DateText.nullable(),
          // FINRA 2341(d)(2): deferred sales charges collected in the quarter after exhaustion
          deferredCreditedToFund: Money,
        }),
      ),
      approvals: z.array(looseObject({ date: DateText, body: z.string(), approved: z.boolean() })).nullable(),
      continuance: z
        .array(
          looseObject({
            instrument: z.string(),
            deadline: DateText,
            status: z.string(),
            // where the deadline comes from, in words (and the vote due a year after the last)
            source: z.string(),
          }),
        )
        .nullable(),
      warnings: z.array(z.string()),
    }).openapi('BoardReport'),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const report = await read((q) => boardReport(q, quarterOf(query.quarter), boardReportGovernance));
      if (query.format === 'xlsx')
        return new XlsxSheets(boardReportSheets(report), `board-report-${report.quarter}.xlsx`);
      return query.format === 'csv'
        ? new CsvText(toCsv(BOARD_REPORT_CSV_COLUMNS, boardReportLines(report)))
        : report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/board-report/pdf',
    operationId: 'boardReportPdf',
    summary: 'the quarterly report to the board as PDF (plan12b board-report --pdf)',
    tag: 'governance',
    permission: 'read',
    query: boardReportQuery,
    response: 'pdf',
    errors: ['USAGE'],
    async run({ query, read }) {
      const report = await read((q) => boardReport(q, quarterOf(query.quarter), boardReportGovernance));
      return pdfBytes((path) => writeBoardReportPdf(report, { preparedAt: new Date().toISOString() }, path));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/what-if',
    operationId: 'whatIf',
    summary:
      'the annual effect of another rate on fees and on each payee, from the recorded year; writes nothing (plan12b what-if)',
    tag: 'governance',
    permission: 'read',
    query: z.object({
      portfolio: z.string().min(1),
      class: z.string().min(1),
      distributionFee: RatePct,
      serviceFee: RatePct.optional(),
      from: IsoDate.optional(),
      format: FormatOrXlsx.openapi({
        description: 'csv: one line per payee (text/csv); xlsx: the workbook plan12b what-if --xlsx writes',
      }),
    }),
    response: looseObject({
      portfolio: z.string(),
      class: z.string(),
      year: looseObject({ from: DateText, to: DateText, basis: z.string() }),
      rates: z.object({ before: WhatIfRates, after: WhatIfRates }),
      fees: z.object({ distributionFee: BeforeAfter, serviceFee: BeforeAfter, totalFee: BeforeAfter }),
      payees: z.array(BeforeAfter.extend({ payee: z.string(), role: z.string(), component: z.string() })),
      finraCap: z
        .object({
          remaining: BeforeAfter,
          exhaustedOn: z.object({ before: DateText.nullable(), after: DateText.nullable() }),
        })
        .nullable(),
      notes: z.array(z.string()),
      warnings: z.array(z.string()),
    }).openapi('WhatIf'),
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND', 'REFUSED'],
    async run({ query, read }) {
      const report = await read((q) =>
        whatIfReport(q, {
          portfolio: query.portfolio,
          class: query.class,
          distributionFeePct: query.distributionFee,
          ...(query.serviceFee ? { serviceFeePct: query.serviceFee } : {}),
          ...(query.from ? { from: query.from } : {}),
        }),
      );
      if (query.format === 'xlsx')
        return new XlsxSheets([whatIfSheet(report)], `what-if-${query.portfolio}-${query.class}.xlsx`);
      return query.format === 'csv' ? new CsvText(toCsv(WHAT_IF_COLUMNS, report.payees)) : report;
    },
  }),
];
