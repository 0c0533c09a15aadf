import { z } from '@hono/zod-openapi';
import { DateText, Decimal, looseObject, Money, MonthReadingFields, Pct } from './schemas.js';

/**
 * The answers of the month's reports as /openapi.json declares them (SPEC §11), each once: the
 * report routes answer them and a closed month's sealed parts (GET /api/months/{month}/sealed)
 * hold the same documents. Every amount of money is `Money` (a two-place decimal string, SPEC §3)
 * and every day `DateText`; fields besides the declared ones pass through as computed.
 */

const FeeRow = looseObject({
  portfolio: z.string(),
  class: z.string(),
  month: z.string(),
  days: z.number().int(),
  averageDailyNetAssets: Money,
  distributionFee: Money,
  serviceFee: Money,
  totalFee: Money,
});

/** SPEC §4: a class's fee on one day (fees with daily=true). */
const DailyFeeRow = looseObject({
  portfolio: z.string(),
  class: z.string(),
  date: DateText,
  netAssets: Money,
  distributionFeePct: Pct.nullable(),
  serviceFeePct: Pct.nullable(),
  distributionFee: Money,
  serviceFee: Money,
});

/** `plan12b fees --json` (SPEC §4) without the closed months' reading, as a closed month seals it. */
export const FeesReport = looseObject({
  from: DateText,
  to: DateText,
  classes: z.array(FeeRow),
  daily: z
    .array(DailyFeeRow)
    .optional()
    .openapi({ description: 'with daily=true: one row per class and day' }),
  warnings: z.array(z.string()),
}).openapi('FeesReport');

/** `plan12b journal --json`: the month's GL lines, debits and credits as money. */
export const JournalReport = looseObject({
  month: z.string(),
  paymentDate: DateText,
  lines: z.array(looseObject({ date: DateText, debit: Money, credit: Money })),
  totalDebits: Money,
  totalCredits: Money,
  ...MonthReadingFields,
}).openapi('Journal');

/** `plan12b service-fees --json` (Plan §4; SPEC §5). */
export const ServiceFeesReport = looseObject({
  month: z.string(),
  paymentDate: DateText,
  providers: z.array(
    looseObject({
      id: z.string(),
      name: z.string(),
      agreementDate: DateText,
      ownRatePct: Pct.nullable().optional(),
      terminationEffective: DateText.nullable().optional(),
      amount: Money,
      classes: z.array(
        looseObject({
          portfolio: z.string(),
          class: z.string(),
          averageDailyNetAssets: Money,
          ratePct: Pct,
          amount: Money,
        }),
      ),
    }),
  ),
  classes: z.array(
    looseObject({
      portfolio: z.string(),
      class: z.string(),
      serviceFee: Money,
      providerFees: Money,
      distributorRetained: Money,
      // Agreement TENTH: a Class B remainder by the distributor serving its days (after E the Other Distributor's)
      retainedBy: z
        .array(
          looseObject({
            distributor: z.string(),
            role: z.string(),
            from: DateText,
            to: DateText,
            days: z.number().int(),
            amount: Money,
          }),
        )
        .optional(),
    }),
  ),
  totals: z.object({ serviceFee: Money, providerFees: Money, distributorRetained: Money }),
  warnings: z.array(z.string()),
  ...MonthReadingFields,
}).openapi('ServiceFees');

/** Exhibit A: a computation of the Distributor's 12b-1 Share and the days it governs. */
const ShareComputation = looseObject({
  computedOn: DateText.nullable(),
  from: DateText,
  to: DateText,
  days: z.number().int(),
  distributionFee: Money,
  parties: z.array(looseObject({ distributor: z.string(), sharePct: Pct, twelveB1Share: Money })),
});

const Payee = looseObject({
  payee: z.string(),
  role: z.string(),
  twelveB1: Money,
  cdsc: Money,
  owedOn: Money,
  total: Money,
  dueDate: DateText,
});

/** `plan12b monthly-calculation --json` (Agreement EIGHTH(C); SPEC §8). */
export const MonthlyCalculationReport = looseObject({
  month: z.string(),
  distributor: z.string(),
  dueDate: DateText,
  portfolios: z.array(
    looseObject({
      portfolio: z.string(),
      dueDate: DateText,
      distributionFee: Money,
      computations: z.array(ShareComputation),
      distributor12b1Share: Money,
      earnedCdsc: Money,
      // FINRA 2341(d)(2): only where part of the CDSC collected is credited to the fund
      cdscCollected: Money.optional(),
      cdscCreditedToFund: Money.optional(),
      // SPEC §6: the CDSC on an Other Distributor's shares, owed to it or credited to the fund
      otherDistributorsCdsc: z
        .array(
          looseObject({
            distributor: z.string(),
            cdscCollected: Money,
            cdscCreditedToFund: Money,
            cdsc: Money,
          }),
        )
        .optional(),
      assignees: z.array(
        looseObject({
          transferId: z.string(),
          assignee: z.string(),
          twelveB1Portion: Money,
          cdscPortion: Money,
          owedOnToAssignee: Money,
        }),
      ),
      distributor12b1Portion: Money,
      distributorEarnedCdscPortion: Money,
      serviceFee: Money,
      // Agreement TENTH: the service fee by the distributor serving its days (after E the Other Distributor's)
      serviceFees: z
        .array(
          looseObject({
            distributor: z.string(),
            role: z.string(),
            from: DateText,
            to: DateText,
            days: z.number().int(),
            serviceFee: Money,
          }),
        )
        .optional(),
      payees: z.array(Payee),
    }),
  ),
  totals: looseObject({
    distributionFee: Money,
    distributor12b1Share: Money,
    earnedCdsc: Money,
    serviceFee: Money,
  }),
  payables: z.array(
    looseObject({
      portfolio: z.string(),
      payee: z.string(),
      twelveB1: Money,
      cdsc: Money,
      adjustmentTwelveB1: Money,
      adjustmentCdsc: Money,
      owedOn: Money,
      payable: Money,
      dueDate: DateText,
    }),
  ),
  // Agreement TENTH, SPEC §12: a restated month's Class B service fee adjusted by the distributor of each restated day
  priorPeriodServiceFeeAdjustments: z
    .array(
      looseObject({
        month: z.string(),
        portfolio: z.string(),
        distributor: z.string(),
        role: z.string(),
        original: Money,
        previouslyAdjusted: Money,
        restated: Money,
        difference: Money,
      }),
    )
    .optional(),
  // FINRA 2341(d)(2), SPEC §12: a restated month whose CDSC credited to the fund changed
  priorPeriodCdscToFundAdjustments: z
    .array(
      looseObject({
        month: z.string(),
        portfolio: z.string(),
        cdscCollectedDifference: Money,
        cdscCreditedToFundDifference: Money,
        otherDistributors: z
          .array(
            looseObject({
              distributor: z.string(),
              cdscCollectedDifference: Money,
              cdscCreditedToFundDifference: Money,
              cdscDifference: Money,
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  ...MonthReadingFields,
}).openapi('MonthlyCalculation');

/** Exhibit A computed on a date: each distributor's shares by rule 2(a), 2(b), 2(c). */
const ExhibitAComputation = looseObject({
  date: DateText,
  sharePct: Pct,
  numerator: Decimal,
  denominator: Decimal,
  byRule: z.array(
    looseObject({
      distributor: z.string(),
      a_commissionShares: Decimal,
      b_freeShares: Decimal,
      c_omnibusFreeShares: Decimal,
      total: Decimal,
    }),
  ),
});

/** `plan12b distributor-share --json` (Agreement SEVENTH(B), Exhibit A). */
export const DistributorShareReport = looseObject({
  month: z.string(),
  portfolios: z.array(
    looseObject({
      portfolio: z.string(),
      exclusiveThrough: DateText.nullable().optional(),
      exclusive: z.array(looseObject({ distributor: z.string(), from: DateText, to: DateText })).optional(),
      distributionFee: Money.optional(),
      distributor12b1Share: Money.optional(),
      otherDistributors: z.array(looseObject({ distributor: z.string(), twelveB1Share: Money })).optional(),
      // a closed month as sealed: the computations that governed its days, in dollars; a month
      // computed: each computation date with the shares by rule (docs/FORMATS.md)
      computations: z.array(z.union([ShareComputation, ExhibitAComputation])).optional(),
    }),
  ),
}).openapi('DistributorShare');

/** A service provider and its agreement (Plan §4; SPEC §5), as `plan12b providers list --json` lists it. */
export const ServiceProvider = looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  agreementDate: DateText,
  ownRatePct: Pct.nullable(),
  terminationEffective: DateText.nullable(),
  history: z.array(
    looseObject({ event: z.string(), noticeDate: DateText.nullable(), effectiveDate: DateText }),
  ),
});

/** A lot piece a redemption consumed (Agreement FOURTH; SPEC §6). */
const RedemptionPiece = looseObject({
  lotId: z.string(),
  kind: z.string(),
  dateOfOriginalIssuance: DateText,
  shares: Decimal,
  cost: Money,
  ratePct: Pct,
  cdsc: Money,
  cdscWaived: Money,
});

const RedemptionTotals = looseObject({
  gross: Money,
  cdsc: Money,
  cdscWaived: Money,
  redemptionFee: Money,
  net: Money,
});

/** `plan12b redemptions --json` (SPEC §6). */
export const RedemptionsReport = looseObject({
  from: DateText,
  to: DateText,
  redemptions: z.array(
    looseObject({
      txnId: z.string(),
      date: DateText,
      shares: Decimal,
      price: Decimal,
      gross: Money,
      cdsc: Money,
      cdscWaived: Money,
      redemptionFee: Money,
      net: Money,
      pieces: z.array(RedemptionPiece),
    }),
  ),
  totals: RedemptionTotals,
}).openapi('Redemptions');

/** `plan12b cdsc --json`: the Earned CDSC per portfolio and distributor (Agreement FOURTH). */
export const EarnedCdscReport = looseObject({
  rows: z.array(
    looseObject({ portfolio: z.string(), distributor: z.string(), cdsc: Money, cdscWaived: Money }),
  ),
  totalCdsc: Money,
}).openapi('EarnedCdsc');

/** A closed month's Class B part: its redemptions by portfolio and its Earned CDSC, as sealed. */
const ClassBPart = looseObject({
  redemptions: looseObject({
    from: DateText,
    to: DateText,
    totals: RedemptionTotals,
    byPortfolio: z.array(
      looseObject({
        portfolio: z.string(),
        gross: Money,
        cdsc: Money,
        cdscWaived: Money,
        redemptionFee: Money,
        net: Money,
      }),
    ),
  }),
  earnedCdsc: EarnedCdscReport,
});

/** The sealed parts of a closed month (SPEC §12), each the document its report route answers. */
export const SealedParts = looseObject({
  fees: FeesReport.optional(),
  journal: JournalReport.optional(),
  'service-fees': ServiceFeesReport.optional(),
  'monthly-calculation': MonthlyCalculationReport.optional(),
  'class-b': ClassBPart.optional(),
}).openapi({ description: 'the sealed parts, by name; a part not listed passes through as sealed' });
