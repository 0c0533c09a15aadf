import { distributorSharePcts, type GoverningComputation } from '../transfers/monthlyCalculation.js';
import type { MonthlyCalculationReport } from './monthlyCalculationReport.js';

/**
 * The Distributor's 12b-1 Share of a closed month as its close sealed it (Agreement SEVENTH(B),
 * Exhibit A): the share and the dollars from the sealed Monthly Calculation. The computations by
 * rule (a), (b), (c) behind it are not sealed; `--recompute` shows them from today's data.
 */
export interface SealedDistributorShare {
  readonly month: string;
  readonly distributor: string;
  readonly sealedIn: 'monthly-calculation';
  readonly portfolios: readonly {
    readonly portfolio: string;
    readonly distributionFee: string;
    /** each computation's percentage with its days, where more than one governed the month */
    readonly distributor12b1SharePct: string;
    readonly distributor12b1Share: string;
    readonly otherDistributors: readonly { readonly distributor: string; readonly twelveB1Share: string }[];
    readonly computations: readonly GoverningComputation[];
  }[];
}

export function sealedDistributorShare(sealed: MonthlyCalculationReport): SealedDistributorShare {
  return {
    month: sealed.month,
    distributor: sealed.distributor,
    sealedIn: 'monthly-calculation',
    portfolios: sealed.portfolios.map((p) => ({
      portfolio: p.portfolio,
      distributionFee: p.distributionFee,
      distributor12b1SharePct: distributorSharePcts(p),
      distributor12b1Share: p.distributor12b1Share,
      otherDistributors: p.otherDistributors,
      computations: p.computations,
    })),
  };
}
