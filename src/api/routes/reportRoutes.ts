import { z } from '@hono/zod-openapi';
import { monthEnd } from '../../calendar/isoDate.js';
import { businessDayAfter } from '../../calendar/nyseCalendar.js';
import { toCsv } from '../../cli/csvOut.js';
import { sheetCsv } from '../../cli/tabularOutput.js';
import { Plan12bError } from '../../errors.js';
import { writeAssigneeStatementPdf } from '../../reports/assigneeStatementPdf.js';
import { assigneeStatementCsv, assigneeStatementReport } from '../../reports/assigneeStatementReport.js';
import { distributorShareCsv } from '../../reports/distributorShareCsv.js';
import { distributorShareReport } from '../../reports/distributorShareReport.js';
import { feesAsRead, feesDocument } from '../../reports/feesAsRead.js';
import { FEES_DAILY_COLUMNS, FEES_MONTH_COLUMNS } from '../../reports/feesReport.js';
import { JOURNAL_COLUMNS, type Journal, monthJournal } from '../../reports/journal.js';
import { monthlyCalculationCsv } from '../../reports/monthlyCalculationCsv.js';
import { writeMonthlyCalculationPdf } from '../../reports/monthlyCalculationPdf.js';
import {
  type MonthlyCalculationReport,
  monthlyCalculationReport,
} from '../../reports/monthlyCalculationReport.js';
import { providerStatementCsv } from '../../reports/providerStatement.js';
import { writeProviderStatementPdf } from '../../reports/providerStatementPdf.js';
import { sealedDistributorShare } from '../../reports/sealedDistributorShare.js';
import { readingDocument, readMonth } from '../../reports/sealedOrRecomputed.js';
import { type ServiceFeesReport, serviceFeesReport } from '../../reports/serviceFeesReport.js';
import {
  assigneeStatementSheet,
  distributorShareSheet,
  feesSheet,
  journalSheet,
  monthlyCalculationSheets,
  providersSheet,
  serviceFeesSheets,
  transfersSheet,
} from '../../reports/xlsxSheets.js';
import type { Queryable } from '../../store/database.js';
import { listProviders, providerRecord } from '../../store/serviceProvidersRepository.js';
import { loadTransferRows } from '../../store/transfersRepository.js';
import { CsvText, defineRoute, XlsxSheets } from '../apiRoute.js';
import { pdfBytes } from '../pdfBytes.js';
import {
  DistributorShareReport,
  FeesReport,
  JournalReport,
  MonthlyCalculationReport as MonthlyCalculationAnswer,
  ServiceFeesReport as ServiceFeesAnswer,
  ServiceProvider,
} from '../reportSchemas.js';
import {
  DateText,
  Decimal,
  Flag,
  FormatOrXlsx,
  IsoDate,
  looseObject,
  Money,
  Month,
  MonthReadingFields,
  Pct,
} from '../schemas.js';

/** Fees, journal, service fees, Exhibit A, transfers and the Monthly Calculation (SPEC §4–§8). */

const monthQuery = z.object({
  month: Month,
  recompute: Flag.openapi({
    description: "a closed month: what today's data would say, not its sealed results",
  }),
});

function serviceFeesReading(db: Queryable, month: string, recompute: boolean) {
  return readMonth(db, month, {
    part: 'service-fees',
    recompute,
    sealed: (content) => content as ServiceFeesReport,
    compute: (q) => serviceFeesReport(q, month),
  });
}

function monthlyCalculationReading(
  db: Queryable,
  month: string,
  recompute: boolean,
  instructed: string | null,
) {
  return readMonth(db, month, {
    part: 'monthly-calculation',
    recompute,
    sealed: (content) => content as MonthlyCalculationReport,
    compute: (q) => monthlyCalculationReport(q, month, { instructedDueDate: instructed }),
  });
}

const monthlyCalculationQuery = monthQuery.extend({
  dueDate: IsoDate.optional().openapi({ description: 'a later payment date the Distributor instructs' }),
});

async function monthlyCalculation(db: Queryable, q: z.infer<typeof monthlyCalculationQuery>) {
  const instructed = q.dueDate ?? null;
  const reading = await monthlyCalculationReading(db, q.month, q.recompute, instructed);
  if (reading.basis === 'sealed' && instructed !== null && instructed !== reading.report.dueDate)
    throw new Plan12bError(
      'USAGE',
      `${q.month} is closed; its sealed Monthly Calculation is due ${reading.report.dueDate}`,
      'add recompute=true to see it with another due date',
    );
  return reading;
}

const ServiceFees = ServiceFeesAnswer;
const MonthlyCalculation = MonthlyCalculationAnswer;

const assigneeStatementQuery = z.object({
  assignee: z
    .string()
    .min(1)
    .openapi({ description: 'the Assignee, as named in its Transfers', example: 'Alpha Funding LLC' }),
  month: Month,
});

/** `plan12b transfers statement` (Agreement EIGHTH; SPEC §8), read in one snapshot. */
function assigneeStatementOf(db: Queryable, q: z.infer<typeof assigneeStatementQuery>) {
  return assigneeStatementReport(db, q.assignee, q.month);
}

const Portion = looseObject({
  portfolio: z.string(),
  transferId: z.string(),
  twelveB1PortionPct: Pct.nullable(),
  cdscPortionPct: Pct.nullable(),
  distributionFee: Money,
  distributor12b1Share: Money,
  earnedCdsc: Money,
  twelveB1Portion: Money,
  cdscPortion: Money,
  total: Money,
  payTo: z.string(),
  effectiveDate: DateText,
  doiFrom: DateText.nullable().optional(),
  doiTo: DateText.nullable().optional(),
  owedOnToAssignee: Money,
  segments: z.array(
    looseObject({
      from: DateText,
      to: DateText,
      distributionFee: Money,
      distributor12b1Share: Money,
      weightPct: Pct,
      twelveB1Portion: Money,
      periods: z
        .array(
          looseObject({
            from: DateText,
            to: DateText,
            countedOn: DateText.nullable().optional(),
            distributionFee: Money,
          }),
        )
        .optional(),
    }),
  ),
  doiRangeCounts: z.array(
    looseObject({
      countedOn: DateText,
      distributorShares: Decimal,
      doiRangeShares: Decimal,
      lots: z.array(looseObject({ doi: DateText, issuingPortfolio: z.string(), shares: Decimal })),
    }),
  ),
  cdscPieces: z.array(
    looseObject({
      date: DateText,
      txnId: z.string(),
      doi: DateText,
      earnedCdsc: Money,
      portionPct: Pct,
      exactPortion: Decimal,
    }),
  ),
});

const AssigneeStatement = looseObject({
  assignee: z.string(),
  address: z.string().nullable(),
  month: z.string(),
  distributor: z.string(),
  dueDate: DateText,
  basis: z.enum(['open', 'sealed', 'recomputed']).openapi({
    description:
      "sealed: the month is closed and this is computed from the inputs it was sealed with, matching its sealed Monthly Calculation (the adjustments since in adjustmentsSince); recomputed: today's data, where it does not match (note says where)",
  }),
  note: z.string().optional(),
  adjustmentsSince: z.array(looseObject({ kind: z.string() })).optional(),
  assigneeAdjustmentsSince: z
    .array(
      looseObject({
        reportedIn: z.string(),
        portfolio: z.string(),
        transferId: z.string(),
        twelveB1Adjustment: Money,
        cdscAdjustment: Money,
        adjustment: Money,
      }),
    )
    .optional()
    .openapi({
      description:
        "a closed month: the Assignee's part of the adjustments of this month later closes reported (paid with those months)",
    }),
  pendingAdjustments: looseObject({
    reportedIn: z.string(),
    final: z.literal(false),
    lines: z.array(
      looseObject({
        adjustsMonth: z.string(),
        portfolio: z.string(),
        transferId: z.string(),
        twelveB1Adjustment: Money,
        cdscAdjustment: Money,
        adjustment: Money,
      }),
    ),
    total: Money,
  })
    .optional()
    .openapi({
      description:
        "SPEC §12, an open month after the next to close: the Assignee's part of the restatements recorded since the last close, which the close of reportedIn reports and pays — not in this month's payable, not final until then",
    }),
  lines: z.array(Portion),
  priorPeriodAdjustments: z
    .array(
      looseObject({
        adjustsMonth: z.string(),
        portfolio: z.string(),
        transferId: z.string(),
        twelveB1Adjustment: Money,
        cdscAdjustment: Money,
        adjustment: Money,
        payTo: z.string(),
        owedOnToAssignee: Money,
      }),
    )
    .openapi({
      description:
        "SPEC §12: the Assignee's part of the restatements of closed months reported in this month, paid with it",
    }),
  totals: looseObject({
    twelveB1Portion: Money,
    cdscPortion: Money,
    total: Money,
    priorPeriodAdjustments: Money,
    payable: Money.openapi({ description: 'total + priorPeriodAdjustments: what is paid on the due date' }),
    owedOnToAssignee: Money,
  }),
}).openapi('AssigneeStatement');

export const reportRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/fees',
    operationId: 'fees',
    summary: 'distribution and service fees per class and month, or daily (plan12b fees)',
    tag: 'fees',
    permission: 'read',
    query: z.object({
      from: IsoDate,
      to: IsoDate,
      portfolio: z.string().optional(),
      class: z.string().optional(),
      daily: Flag,
      recompute: Flag.openapi({
        description: "closed months from today's data instead of as sealed (SPEC §12)",
      }),
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per class and month (per class and day with daily=true), text/csv; xlsx: the workbook plan12b fees --xlsx writes, totalled',
      }),
    }),
    response: FeesReport.extend({
      closedMonths: z
        .array(
          looseObject({
            month: z.string(),
            basis: z.enum(['sealed', 'as-sealed', 'recomputed']),
            closedAt: z.string(),
            closedBy: z.string(),
            resultsHash: z.string().nullable(),
            note: z.string().optional(),
            adjustmentsSince: z.array(looseObject({ kind: z.string() })),
          }),
        )
        .optional()
        .openapi({
          description:
            'the closed months in the range: sealed (their sealed rows), as-sealed (part of the month, from the net assets it was sealed with) or recomputed (asked so), with the adjustments since',
        }),
      recomputedClosedMonths: z.array(z.string()).optional(),
    }).openapi('Fees'),
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND'],
    async run({ query, read }) {
      if (query.from > query.to)
        throw new Plan12bError(
          'USAGE',
          `from ${query.from} is after to ${query.to}`,
          'give from on or before to (both days are included)',
        );
      const { report, closedMonths } = await read((q) =>
        feesAsRead(
          q,
          {
            from: query.from,
            to: query.to,
            daily: query.daily,
            ...(query.portfolio ? { portfolio: query.portfolio } : {}),
            ...(query.class ? { class: query.class } : {}),
          },
          { recompute: query.recompute },
        ),
      );
      if (query.format === 'xlsx')
        return new XlsxSheets([feesSheet(report, query.daily)], `fees-${query.from}-${query.to}.xlsx`);
      if (query.format === 'csv')
        return new CsvText(
          query.daily
            ? toCsv(FEES_DAILY_COLUMNS, report.daily ?? [])
            : toCsv(FEES_MONTH_COLUMNS, report.classes),
        );
      // SPEC §12: a closed month in the range as sealed, the adjustments since beside it
      return feesDocument(report, closedMonths);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/journal',
    operationId: 'journal',
    summary: "the month's journal: sealed for a closed month (plan12b journal)",
    tag: 'fees',
    permission: 'read',
    query: monthQuery.extend({
      paymentDays: z.coerce
        .number()
        .int()
        .min(1)
        .max(60)
        .optional()
        .openapi({ type: 'integer', example: 10 }),
      format: FormatOrXlsx.openapi({
        description:
          'csv: the journal lines, as plan12b journal prints them (text/csv); xlsx: the workbook plan12b journal --xlsx writes',
      }),
    }),
    response: JournalReport,
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND'],
    async run({ query, read }) {
      const days = query.paymentDays ?? 10;
      const reading = await read((tx) =>
        readMonth(tx, query.month, {
          part: 'journal',
          recompute: query.recompute,
          sealed: (content) => content as Journal,
          compute: (q) => monthJournal(q, query.month, { paymentBusinessDays: days }),
        }),
      );
      if (
        reading.basis === 'sealed' &&
        query.paymentDays !== undefined &&
        reading.report.paymentDate !== businessDayAfter(monthEnd(query.month), days)
      )
        throw new Plan12bError(
          'USAGE',
          `${query.month} is closed; its sealed journal pays on ${reading.report.paymentDate}`,
          'add recompute=true to see the journal with another payment date',
        );
      if (query.format === 'xlsx')
        return new XlsxSheets([journalSheet(reading.report, query.month)], `journal-${query.month}.xlsx`);
      return query.format === 'csv'
        ? new CsvText(toCsv(JOURNAL_COLUMNS, reading.report.lines))
        : readingDocument(reading);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/service-fees',
    operationId: 'serviceFees',
    summary:
      "a month's service fees per provider and class, and what the Distributor keeps (plan12b service-fees)",
    tag: 'service fees',
    permission: 'read',
    query: monthQuery.extend({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per provider and class, as plan12b service-fees --csv prints them (text/csv); xlsx: the workbook plan12b service-fees --xlsx writes (providers and classes)',
      }),
    }),
    response: ServiceFees,
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'BAD_INPUT'],
    async run({ query, read }) {
      const reading = await read((q) => serviceFeesReading(q, query.month, query.recompute));
      if (query.format === 'xlsx')
        return new XlsxSheets(serviceFeesSheets(reading.report), `service-fees-${query.month}.xlsx`);
      // the CLI's --csv: the workbook's Providers sheet (one sheet behind both)
      return query.format === 'csv'
        ? new CsvText(sheetCsv(serviceFeesSheets(reading.report)[0]!))
        : readingDocument(reading);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/service-fees/statements',
    operationId: 'providerStatements',
    summary: "each provider's statement for a month, as the CSV plan12b service-fees --statements writes",
    tag: 'service fees',
    permission: 'read',
    query: monthQuery,
    response: z.object({
      month: z.string(),
      paymentDate: DateText,
      statements: z.array(z.object({ provider: z.string(), name: z.string(), csv: z.string() })),
    }),
    errors: ['USAGE', 'BAD_INPUT'],
    async run({ query, read }) {
      const { report } = await read((q) => serviceFeesReading(q, query.month, query.recompute));
      return {
        month: report.month,
        paymentDate: report.paymentDate,
        statements: report.providers.map((p) => ({
          provider: p.id,
          name: p.name,
          csv: providerStatementCsv(report, p),
        })),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/service-fees/statements/{provider}/pdf',
    operationId: 'providerStatementPdf',
    summary: "one provider's statement for a month as PDF",
    tag: 'service fees',
    permission: 'read',
    params: z.object({ provider: z.string().openapi({ param: { name: 'provider', in: 'path' } }) }),
    query: monthQuery,
    response: 'pdf',
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND'],
    async run({ query, params, read }) {
      const { report, known } = await read(async (q) => ({
        ...(await serviceFeesReading(q, query.month, query.recompute)),
        known: (await providerRecord(q, params.provider)) !== undefined,
      }));
      const p = report.providers.find((x) => x.id === params.provider);
      // an id no provider ever had is an id to check (as `providers terminate` answers it); a
      // provider with no statement that month (its agreement not in force, nothing owed) is said so
      if (!p && !known)
        throw new Plan12bError(
          'NOT_FOUND',
          `no service provider ${JSON.stringify(params.provider)} is recorded`,
          'check the id with `plan12b providers list` (GET /api/providers)',
        );
      if (!p)
        throw new Plan12bError(
          'NOT_FOUND',
          `no statement for provider ${params.provider} in ${query.month}: its agreement was not in force that month and no adjustment is due to it`,
          `\`plan12b service-fees --month ${query.month}\` lists the providers with a statement that month`,
        );
      return pdfBytes((path) => writeProviderStatementPdf(report, p, path));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/providers',
    operationId: 'providers',
    summary: 'every service provider and agreement, with its history (plan12b providers list)',
    tag: 'service fees',
    permission: 'read',
    query: z.object({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one row per provider and its agreement, as plan12b providers list --csv (text/csv); xlsx: the workbook of plan12b providers list --xlsx',
      }),
    }),
    response: z.object({
      providers: z.array(ServiceProvider),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const providers = await read((q) => listProviders(q));
      if (query.format === 'xlsx') return new XlsxSheets([providersSheet(providers)], 'providers.xlsx');
      return query.format === 'csv' ? new CsvText(sheetCsv(providersSheet(providers))) : { providers };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/distributor-share',
    operationId: 'distributorShare',
    summary:
      "the Distributor's 12b-1 Share per portfolio by rule (a), (b), (c) of Exhibit A (plan12b distributor-share)",
    tag: 'exhibit A',
    permission: 'read',
    query: monthQuery.extend({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per portfolio, computation and party (text/csv); xlsx: the workbook plan12b distributor-share --xlsx writes',
      }),
    }),
    response: DistributorShareReport.extend(MonthReadingFields),
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND'],
    async run({ query, read }) {
      const reading = await read((tx) =>
        readMonth(tx, query.month, {
          part: 'monthly-calculation',
          recompute: query.recompute,
          sealed: (content) => sealedDistributorShare(content as MonthlyCalculationReport),
          compute: (q) => distributorShareReport(q, query.month),
        }),
      );
      if (query.format === 'xlsx')
        return new XlsxSheets(
          [distributorShareSheet(reading, query.month)],
          `distributor-share-${query.month}.xlsx`,
        );
      if (query.format === 'csv')
        // as `plan12b distributor-share --csv` prints it
        return new CsvText(distributorShareCsv(reading));
      return readingDocument(reading);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/transfers',
    operationId: 'transfers',
    summary: 'every Transfer to an Assignee recorded (plan12b transfers list)',
    tag: 'transfers',
    permission: 'read',
    query: z.object({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one row per Transfer, as plan12b transfers list --csv (text/csv); xlsx: the workbook of plan12b transfers list --xlsx',
      }),
    }),
    response: z.object({
      transfers: z.array(
        looseObject({
          id: z.string(),
          assignee: z.string(),
          twelve_b1_portion_pct: Pct.nullable(),
          cdsc_portion_pct: Pct.nullable(),
          doi_from: DateText.nullable(),
          doi_to: DateText.nullable(),
          effective_date: DateText,
          notice_received_date: DateText.nullable(),
        }),
      ),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const transfers = await read((q) => loadTransferRows(q));
      if (query.format === 'xlsx') return new XlsxSheets([transfersSheet(transfers)], 'transfers.xlsx');
      return query.format === 'csv' ? new CsvText(sheetCsv(transfersSheet(transfers))) : { transfers };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/monthly-calculation',
    operationId: 'monthlyCalculation',
    summary: 'the Monthly Calculation, Agreement EIGHTH(C) (plan12b monthly-calculation)',
    tag: 'transfers',
    permission: 'read',
    query: monthlyCalculationQuery.extend({
      format: FormatOrXlsx.openapi({
        description:
          'csv: one line per portfolio and payee, then the adjustments and payables (text/csv); xlsx: the workbook plan12b monthly-calculation --xlsx writes',
      }),
    }),
    response: MonthlyCalculation,
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND'],
    async run({ query, read }) {
      const reading = await read((q) => monthlyCalculation(q, query));
      if (query.format === 'xlsx')
        return new XlsxSheets(
          monthlyCalculationSheets(reading.report),
          `monthly-calculation-${query.month}.xlsx`,
        );
      // as `plan12b monthly-calculation --csv` prints it (its headline and warnings go to stderr there)
      return query.format === 'csv'
        ? new CsvText(monthlyCalculationCsv(reading.report))
        : readingDocument(reading);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/monthly-calculation/pdf',
    operationId: 'monthlyCalculationPdf',
    summary: 'the Monthly Calculation as PDF, one page per portfolio (plan12b monthly-calculation --pdf)',
    tag: 'transfers',
    permission: 'read',
    query: monthlyCalculationQuery,
    response: 'pdf',
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND'],
    async run({ query, read }) {
      const { report } = await read((q) => monthlyCalculation(q, query));
      return pdfBytes((path) =>
        writeMonthlyCalculationPdf(
          report.portfolios,
          {
            month: query.month,
            distributor: report.distributor,
            preparedAt: new Date().toISOString(),
            // as the CLI's --pdf: the restatements reported, the payables, the vintages (SPEC §12)
            priorPeriodAdjustments: report.priorPeriodAdjustments ?? [],
            priorPeriodServiceFeeAdjustments: report.priorPeriodServiceFeeAdjustments ?? [],
            ...(report.payables ? { payables: report.payables } : {}),
            ...(report.classBVintages ? { vintages: report.classBVintages } : {}),
          },
          path,
        ),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/transfers/statement',
    operationId: 'assigneeStatement',
    summary:
      "an Assignee's statement for a month across portfolios: its portions, the weights, the DOI-range shares by lot and the CDSC pieces (plan12b transfers statement)",
    tag: 'transfers',
    permission: 'read',
    query: assigneeStatementQuery.extend({
      format: FormatOrXlsx.openapi({
        description:
          'csv: portion, segment, period, lot and cdsc-piece rows, then the total (text/csv); xlsx: the workbook plan12b transfers statement --xlsx writes',
      }),
    }),
    response: AssigneeStatement,
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND'],
    async run({ query, read }) {
      const statement = await read((q) => assigneeStatementOf(q, query));
      if (query.format === 'xlsx')
        return new XlsxSheets([assigneeStatementSheet(statement)], `statement-${query.month}.xlsx`);
      return query.format === 'csv' ? new CsvText(assigneeStatementCsv(statement)) : statement;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/transfers/statement/pdf',
    operationId: 'assigneeStatementPdf',
    summary: "an Assignee's statement for a month as PDF (plan12b transfers statement --pdf)",
    tag: 'transfers',
    permission: 'read',
    query: assigneeStatementQuery,
    response: 'pdf',
    errors: ['USAGE', 'BAD_INPUT', 'NOT_FOUND'],
    async run({ query, read }) {
      const statement = await read((q) => assigneeStatementOf(q, query));
      return pdfBytes((path) => writeAssigneeStatementPdf(statement, path, new Date().toISOString()));
    },
  }),
];
