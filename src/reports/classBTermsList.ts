import { DEFAULT_CDSC_SCHEDULE } from '../class-b/cdscSchedule.js';
import { DEFAULT_CONVERSION_YEARS } from '../class-b/classBTerms.js';
import { formatRatePct } from '../money/rate.js';
import { type ClassBTermRule, loadClassBTermRules } from '../store/classBTermsRepository.js';
import type { Queryable } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';

export interface ClassBTermsList {
  readonly rules: readonly {
    readonly rule: ClassBTermRule['rule'];
    /** the portfolio's current name, or "all" */
    readonly portfolio: string;
    readonly portfolioId: string | null;
    readonly doiFrom: string | null;
    readonly doiTo: string | null;
    readonly cdscSchedulePct: readonly string[] | null;
    readonly conversionYears: number | null;
    readonly redemptionFeePct: string | null;
    readonly redemptionFeeDays: number | null;
  }[];
  /** what applies where no rule says otherwise */
  readonly defaults: {
    readonly cdscSchedulePct: readonly string[];
    readonly conversionYears: number;
    readonly redemptionFeePct: null;
  };
}

/** `plan12b class-b-terms list`: the recorded rules and the defaults beneath them. */
export async function listClassBTerms(q: Queryable): Promise<ClassBTermsList> {
  const registry = await loadRegistry(q);
  const rules = await loadClassBTermRules(q);
  return {
    rules: rules.map((t) => ({
      rule: t.rule,
      portfolio:
        t.portfolioId === null
          ? 'all'
          : registry.identities.get(t.portfolioId)
            ? registry.identities.nameOn(t.portfolioId, '9999-12-31')
            : (t.portfolioName ?? t.portfolioId),
      portfolioId: t.portfolioId,
      doiFrom: t.doiFrom,
      doiTo: t.doiTo,
      cdscSchedulePct: t.cdscSchedulePct,
      conversionYears: t.conversionYears,
      redemptionFeePct: t.redemptionFeePct,
      redemptionFeeDays: t.redemptionFeeDays,
    })),
    defaults: {
      cdscSchedulePct: DEFAULT_CDSC_SCHEDULE.yearRatesMicroPct.map(formatRatePct),
      conversionYears: DEFAULT_CONVERSION_YEARS,
      redemptionFeePct: null,
    },
  };
}
