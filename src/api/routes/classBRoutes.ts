import { z } from '@hono/zod-openapi';
import { monthEnd, monthStart } from '../../calendar/isoDate.js';
import { toCsv } from '../../cli/csvOut.js';
import { sheetCsv } from '../../cli/tabularOutput.js';
import { Plan12bError } from '../../errors.js';
import {
  type CdscRangeReport,
  type CdscReport,
  cdscCsv,
  cdscRangeReport,
  cdscReport,
} from '../../reports/classBCdscReport.js';
import { conversionsReport } from '../../reports/classBConversionsReport.js';
import { lotsReport } from '../../reports/classBLotsReport.js';
import {
  REDEMPTION_PIECE_COLUMNS,
  redemptionPieceRows,
  redemptionsReport,
} from '../../reports/classBRedemptionsReport.js';
import { listClassBTerms } from '../../reports/classBTermsList.js';
import { requireKnownDistributor } from '../../reports/knownDistributor.js';
import {
  cdscSheet,
  classBTermsSheet,
  conversionsSheet,
  lotsSheet,
  redemptionsSheets,
} from '../../reports/xlsxSheets.js';
import { CsvText, defineRoute, XlsxSheets } from '../apiRoute.js';
import { RedemptionsReport } from '../reportSchemas.js';
import { DateText, Decimal, FormatOrXlsx, IsoDate, looseObject, Money, Month, Pct } from '../schemas.js';

const DistributorName = z
  .string()
  .min(1)
  .optional()
  .openapi({ description: 'only what this distributor earned (Agreement FOURTH(D)), as named in its terms' });

/** from and to, in order (the CLI's --from/--to rule). */
function dateRange(q: { from: string; to: string }): { from: string; to: string } {
  if (q.from > q.to)
    throw new Plan12bError(
      'USAGE',
      `from ${q.from} is after to ${q.to}`,
      'give from on or before to (both days are included)',
    );
  return { from: q.from, to: q.to };
}

/** Class B shares (SPEC §6): lots, redemptions, conversions, CDSC, terms. */
export const classBRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/class-b/lots',
    operationId: 'lots',
    summary: "an account's Class B lots (plan12b lots)",
    tag: 'class B',
    permission: 'read',
    query: z.object({
      account: z.string().min(1),
      asOf: IsoDate.optional(),
      format: FormatOrXlsx.openapi({
        description:
          'csv: one row per lot, as plan12b lots --csv (text/csv); xlsx: the workbook of plan12b lots --xlsx',
      }),
    }),
    response: looseObject({
      account: z.string(),
      asOf: DateText.nullable(),
      lots: z.array(
        looseObject({
          lotId: z.string(),
          shares: Decimal,
          kind: z.string(),
          dateOfOriginalIssuance: DateText,
          cost: Money,
          cdscRatePct: Pct.nullable(),
          conversionDate: DateText.nullable(),
        }),
      ),
      portfolios: z.array(looseObject({ portfolio: z.string(), shares: Decimal, cost: Money })),
    }).openapi('Lots'),
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'NOT_FOUND'],
    async run({ query, read }) {
      const report = await read((q) => lotsReport(q, query.account, query.asOf));
      if (query.format === 'xlsx') return new XlsxSheets([lotsSheet(report)], `lots-${query.account}.xlsx`);
      return query.format === 'csv' ? new CsvText(sheetCsv(lotsSheet(report))) : report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/class-b/redemptions',
    operationId: 'redemptions',
    summary:
      'Class B redemptions with CDSC, fees and lot pieces, optionally those a distributor earned CDSC on (plan12b redemptions)',
    tag: 'class B',
    permission: 'read',
    query: z.object({
      from: IsoDate,
      to: IsoDate,
      distributor: DistributorName,
      format: FormatOrXlsx.openapi({
        description:
          'csv: one row per lot piece, with its redemption (text/csv); xlsx: the workbook plan12b redemptions --xlsx writes (the redemptions, totalled, and their lot pieces)',
      }),
    }),
    response: RedemptionsReport.extend({
      distributor: z.string().optional(),
      distributorCdsc: Money.optional(),
      warnings: z.array(z.string()),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'NOT_FOUND'],
    async run({ query, read }) {
      const { from, to } = dateRange(query);
      const report = await read(async (q) => {
        // the CLI's rule: a distributor no term records is a name to check (404), not an empty answer
        await requireKnownDistributor(q, query.distributor ?? null);
        return redemptionsReport(q, from, to, { distributor: query.distributor ?? null });
      });
      if (query.format === 'xlsx')
        return new XlsxSheets(redemptionsSheets(report), `redemptions-${from}-${to}.xlsx`);
      return query.format === 'csv'
        ? new CsvText(toCsv(REDEMPTION_PIECE_COLUMNS, redemptionPieceRows(report)))
        : report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/class-b/conversions',
    operationId: 'conversions',
    summary: 'Class B shares due to convert at the end of a month (plan12b conversions)',
    tag: 'class B',
    permission: 'read',
    query: z.object({
      month: Month,
      format: FormatOrXlsx.openapi({
        description:
          'csv: one row per account and portfolio, as plan12b conversions --csv (text/csv); xlsx: the workbook of plan12b conversions --xlsx',
      }),
    }),
    response: looseObject({
      month: z.string(),
      date: DateText,
      conversions: z.array(
        looseObject({
          account: z.string(),
          portfolio: z.string(),
          shares: Decimal,
          lots: z.array(
            looseObject({
              lotId: z.string(),
              dateOfOriginalIssuance: DateText,
              shares: Decimal,
              cost: Money,
            }),
          ),
        }),
      ),
      totalShares: Decimal,
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const report = await read((q) => conversionsReport(q, query.month));
      if (query.format === 'xlsx')
        return new XlsxSheets([conversionsSheet(report)], `conversions-${query.month}.xlsx`);
      return query.format === 'csv' ? new CsvText(sheetCsv(conversionsSheet(report))) : report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/class-b/cdsc',
    operationId: 'cdsc',
    summary:
      "CDSC per portfolio and distributor over a month or a date range: Earned CDSC, optionally one distributor's (plan12b cdsc)",
    tag: 'class B',
    permission: 'read',
    query: z.object({
      month: Month.optional().openapi({ description: 'the month (or from and to)' }),
      from: IsoDate.optional().openapi({ description: 'first day, with to (instead of month)' }),
      to: IsoDate.optional().openapi({ description: 'last day, with from' }),
      distributor: DistributorName,
      format: FormatOrXlsx.openapi({
        description:
          'csv: one row per portfolio and distributor, then the total (text/csv); xlsx: the workbook plan12b cdsc --xlsx writes, totalled',
      }),
    }),
    response: looseObject({
      month: z.string().optional(),
      from: DateText.optional(),
      to: DateText.optional(),
      distributor: z.string().nullable().optional(),
      rows: z.array(
        looseObject({
          portfolio: z.string(),
          distributor: z.string().nullable(),
          cdsc: Money,
          cdscWaived: Money,
          pieces: z.number().int(),
        }),
      ),
      totalCdsc: Money,
      warnings: z.array(z.string()),
    }).openapi('Cdsc'),
    csv: true,
    xlsx: true,
    errors: ['USAGE', 'NOT_FOUND'],
    async run({ query, read }) {
      // the CLI's rule: --month, or --from and --to, not both
      if (query.month !== undefined && (query.from !== undefined || query.to !== undefined))
        throw new Plan12bError(
          'USAGE',
          'give month or from and to, not both',
          'a month: month=YYYY-MM; any range of days: from=YYYY-MM-DD&to=YYYY-MM-DD',
        );
      if (query.month === undefined && (query.from === undefined || query.to === undefined))
        throw new Plan12bError(
          'USAGE',
          'give month=YYYY-MM, or from and to',
          'a month: month=YYYY-MM; any range of days: from=YYYY-MM-DD&to=YYYY-MM-DD',
        );
      const distributor = query.distributor ?? null;
      const month = query.month ?? null;
      const report = await read<CdscReport | CdscRangeReport>(async (q) => {
        await requireKnownDistributor(q, distributor);
        return month !== null && distributor === null
          ? cdscReport(q, month)
          : cdscRangeReport(q, {
              ...(month === null
                ? dateRange({ from: query.from!, to: query.to! })
                : { from: monthStart(month), to: monthEnd(month) }),
              distributor,
            });
      });
      if (query.format === 'xlsx')
        return new XlsxSheets([cdscSheet(report)], `cdsc-${month ?? `${query.from}-${query.to}`}.xlsx`);
      return query.format === 'csv' ? new CsvText(cdscCsv(report)) : report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/class-b/terms',
    operationId: 'classBTerms',
    summary: 'the recorded Class B terms rules and the defaults (plan12b class-b-terms list)',
    tag: 'class B',
    permission: 'read',
    query: z.object({
      format: FormatOrXlsx.openapi({
        description:
          'csv: the rules in the columns of class-b-terms import, as plan12b class-b-terms list --csv (text/csv); xlsx: the workbook of plan12b class-b-terms list --xlsx, the defaults in its title',
      }),
    }),
    response: looseObject({
      rules: z.array(
        looseObject({
          rule: z.string(),
          portfolio: z.string(),
          doiFrom: DateText.nullable(),
          doiTo: DateText.nullable(),
          cdscSchedulePct: z.array(Pct).nullable(),
          conversionYears: z.number().int().nullable(),
          redemptionFeePct: Pct.nullable(),
          redemptionFeeDays: z.number().int().nullable(),
        }),
      ),
      defaults: looseObject({
        cdscSchedulePct: z.array(Pct),
        conversionYears: z.number().int(),
        redemptionFeePct: z.null(),
      }),
    }),
    csv: true,
    xlsx: true,
    errors: ['USAGE'],
    async run({ query, read }) {
      const list = await read((q) => listClassBTerms(q));
      // DEVELOPERS rule 7: the CSV and the workbook are the CLI's one sheet definition
      if (query.format === 'xlsx') return new XlsxSheets([classBTermsSheet(list)], 'class-b-terms.xlsx');
      return query.format === 'csv' ? new CsvText(sheetCsv(classBTermsSheet(list))) : list;
    },
  }),
];
