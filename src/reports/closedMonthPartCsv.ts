import { toCsv } from '../cli/csvOut.js';
import type { ClosedMonthView } from '../close/closedMonthView.js';
import type { SealedRedemptions } from '../close/sealedRedemptions.js';
import { Plan12bError } from '../errors.js';
import { formatCents, parseCents } from '../money/cents.js';
import type { PayeeAdjustment } from '../transfers/priorPeriodPayeeAdjustments.js';
import { type ClassMonthFees, FEES_MONTH_COLUMNS } from './feesReport.js';
import { JOURNAL_COLUMNS, type Journal } from './journal.js';
import type { MonthlyCalculationReport } from './monthlyCalculationReport.js';
import type { ServiceFeeAdjustments } from './providerStatementAdjustments.js';
import { SERVICE_FEES_COLUMNS, serviceFeesCsvRows } from './serviceFeesCsv.js';
import type { ServiceFeesReport } from './serviceFeesReport.js';

/**
 * The sealed parts `close show --csv --part P` (and the API's format=csv) print as CSV — each part
 * a person opens in a spreadsheet, by the name it is sealed under (`close show` lists them). The
 * `completeness` part is not a list (what the close accepted about its inputs: `close show` says it).
 */
export const CSV_PARTS = [
  'fees',
  'journal',
  'monthly-calculation',
  'service-fees',
  'adjustments',
  'class-b',
] as const;

/** `close show --part adjustments --csv`: one line per payee and restated month (SPEC §12). */
export const ADJUSTMENTS_COLUMNS = [
  'kind',
  'restatedMonth',
  'portfolio',
  'class',
  'payee',
  'original',
  'previouslyAdjusted',
  'restated',
  'difference',
  'twelveB1Portion',
  'cdscPortion',
  // Agreement TENTH (calc11): the distributor's role on the `service-fee-by-distributor` and
  // `service-fees-kept-by` rows — Distributor through E, Other Distributor after
  'role',
] as const;

/** `close show --part class-b --csv`: the month's Class B redemptions per portfolio, as sealed (FOURTH(D)). */
export const CLASS_B_COLUMNS = [
  'portfolio',
  'count',
  'gross',
  'cdsc',
  'cdscWaived',
  'redemptionFee',
  'net',
] as const;

/** The per-payee adjustments the `adjustments` part seals (absent in a month sealed before them). */
interface SealedAdjustments {
  /** per class; a Class B row's service fee by the distributor serving the restated days (calc11) */
  readonly adjustments?: readonly {
    readonly month: string;
    readonly portfolio: string;
    readonly class: string;
    readonly serviceFees?: readonly { distributor: string; role: string; serviceFee: string }[];
  }[];
  readonly payees?: {
    readonly monthlyCalculation: readonly PayeeAdjustment[];
    readonly serviceFees: ServiceFeeAdjustments;
  };
}

/**
 * SPEC §12 `close show --csv --part P`: one sealed part of a closed month as the lines a person
 * opens in a spreadsheet — the fees per class, the journal lines, the Monthly Calculation's
 * payees (Agreement EIGHTH(C)), the service fees per provider and class (the live `service-fees
 * --csv`'s lines, Plan §4), the prior-period adjustments per payee, or the Class B redemptions
 * per portfolio.
 */
export function closedMonthPartCsv(view: ClosedMonthView, part: string): string {
  const { columns, rows } = closedMonthPartRows(view, part);
  return toCsv(columns, rows);
}

/**
 * `close show --part P --json`: one sealed part as sealed, with the month's seal around it and the
 * restatements recorded since beside it (SPEC §12: never in it). A part the month has not: 66.
 */
export function closedMonthPartDocument(view: ClosedMonthView, part: string) {
  const content = view.parts[part];
  if (content === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `${view.month} has no sealed part ${JSON.stringify(part)}`,
      `its parts: ${view.partHashes.map((p) => p.part).join(', ')}`,
    );
  return {
    month: view.month,
    closedAt: view.closedAt,
    closedBy: view.closedBy,
    resultsHash: view.resultsHash,
    verified: view.verified,
    part,
    contentHash: view.partHashes.find((p) => p.part === part)?.contentHash ?? null,
    content,
    restatementsSince: view.restatementsSince,
  };
}

/** The header and lines of {@link closedMonthPartCsv} (and of `close show --xlsx`). */
export function closedMonthPartRows(
  view: ClosedMonthView,
  part: string,
): { readonly columns: readonly string[]; readonly rows: readonly object[] } {
  const content = view.parts[part];
  if (content === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `${view.month} has no sealed part ${JSON.stringify(part)}`,
      `its parts: ${view.partHashes.map((p) => p.part).join(', ')}`,
    );
  if (part === 'fees')
    return { columns: FEES_MONTH_COLUMNS, rows: (content as { classes: ClassMonthFees[] }).classes };
  if (part === 'journal') return { columns: JOURNAL_COLUMNS, rows: (content as Journal).lines };
  if (part === 'monthly-calculation') {
    const report = content as MonthlyCalculationReport;
    // SPEC §12: what the journal pays each payee — its month and the prior-period adjustments
    // routed to it (a report sealed before `payables` existed: its payees, unadjusted)
    const rows =
      report.payables?.map((p) => ({
        portfolio: p.portfolio,
        month: report.month,
        payee: p.payee,
        role: p.role,
        twelveB1: p.twelveB1,
        cdsc: p.cdsc,
        total: formatCents(parseCents(p.twelveB1) + parseCents(p.cdsc)),
        owedOn: p.owedOn,
        dueDate: p.dueDate,
        priorPeriodAdjustment: formatCents(parseCents(p.adjustmentTwelveB1) + parseCents(p.adjustmentCdsc)),
        payable: p.payable,
      })) ??
      report.portfolios.flatMap((mc) =>
        mc.payees.map((p) => ({
          portfolio: mc.portfolio,
          month: mc.month,
          ...p,
          priorPeriodAdjustment: '0.00',
          payable: p.total,
        })),
      );
    return {
      columns: [
        'portfolio',
        'month',
        'payee',
        'role',
        'twelveB1',
        'cdsc',
        'total',
        'owedOn',
        'dueDate',
        'priorPeriodAdjustment',
        'payable',
      ],
      rows,
    };
  }
  if (part === 'service-fees')
    return { columns: SERVICE_FEES_COLUMNS, rows: serviceFeesCsvRows(content as ServiceFeesReport) };
  if (part === 'adjustments')
    return { columns: ADJUSTMENTS_COLUMNS, rows: adjustmentRows(content as SealedAdjustments) };
  if (part === 'class-b') {
    const byPortfolio = (content as { redemptions: Partial<SealedRedemptions> }).redemptions.byPortfolio;
    // a month sealed with every redemption whole (before issue 14) has no lines per portfolio
    if (byPortfolio === undefined)
      throw new Plan12bError(
        'NOT_FOUND',
        `${view.month}'s class-b part was sealed with every redemption, not as totals per portfolio`,
        `\`plan12b close show --month ${view.month} --json\` prints it; \`plan12b redemptions --from … --to … --csv\` lists the month's redemptions`,
      );
    return { columns: CLASS_B_COLUMNS, rows: byPortfolio };
  }
  throw new Plan12bError(
    'USAGE',
    `CSV prints the parts ${CSV_PARTS.join(', ')}, not ${JSON.stringify(part)}`,
    `print it as JSON: \`plan12b close show --month ${view.month} --json\``,
  );
}

/**
 * SPEC §12: each payee's prior-period adjustment as the close sealed it — the Monthly
 * Calculation's payees (12b-1 and CDSC), then the service-fee statements' providers and what the
 * Distributor keeps, named as `service-fees` prints them.
 */
function adjustmentRows(content: SealedAdjustments): object[] {
  const payees = content.payees;
  if (payees === undefined) return [];
  const row = (
    kind: string,
    payee: string,
    a: {
      month: string;
      portfolio: string;
      original: string;
      previouslyAdjusted: string;
      restated: string;
      difference: string;
    },
  ) => ({
    kind,
    restatedMonth: a.month,
    portfolio: a.portfolio,
    payee,
    original: a.original,
    previouslyAdjusted: a.previouslyAdjusted,
    restated: a.restated,
    difference: a.difference,
  });
  return [
    ...payees.monthlyCalculation.map((a) => ({
      ...row('monthly-calculation', a.payee, a),
      twelveB1Portion: a.twelveB1Difference,
      cdscPortion: a.cdscDifference,
    })),
    ...payees.serviceFees.providers.map((a) => ({
      ...row('service-fees', `${a.providerId} ${a.name}`, a),
      class: a.class,
    })),
    // Agreement TENTH: the Monthly Calculation's Class B service fee adjustment by the distributor
    // serving the restated days, as the journal books it
    ...(content.adjustments ?? []).flatMap((a) =>
      (a.serviceFees ?? []).map((x) => ({
        kind: 'service-fee-by-distributor',
        restatedMonth: a.month,
        portfolio: a.portfolio,
        class: a.class,
        payee: x.distributor,
        difference: x.serviceFee,
        role: x.role,
      })),
    ),
    ...payees.serviceFees.distributor.flatMap((a) => [
      { ...row('service-fees', 'Distributor (keeps)', a), class: a.class },
      // who keeps that remainder's adjustment, by the distributor of each restated day (calc11)
      ...(a.keptBy ?? []).map((k) => ({
        kind: 'service-fees-kept-by',
        restatedMonth: a.month,
        portfolio: a.portfolio,
        class: a.class,
        payee: k.distributor,
        difference: k.difference,
        role: k.role,
      })),
    ]),
  ];
}
