import { sql } from 'kysely';
import { createCdscSchedule } from '../class-b/cdscSchedule.js';
import type { ClassBTermRule } from '../class-b/classBTermRule.js';
import {
  type ClassBTerms,
  createClassBTerms,
  createConversionPeriod,
  DEFAULT_CLASS_B_TERMS,
} from '../class-b/classBTerms.js';
import { createRedemptionFeeRule } from '../class-b/redemptionFeeRule.js';
import { normalizeRatePct } from '../money/rate.js';
import type { Queryable } from './database.js';
import { inByteOrder, typed } from './queryBuilder.js';

export type { ClassBTermRule } from '../class-b/classBTermRule.js';

export async function loadClassBTermRules(q: Queryable): Promise<ClassBTermRule[]> {
  const rows = await typed(q)
    .selectFrom('class_b_terms_rule')
    .select([
      'rule',
      'portfolio_id',
      'portfolio_name',
      'doi_from',
      'doi_to',
      'cdsc_schedule_pct',
      'conversion_years',
      'redemption_fee_pct',
      'redemption_fee_days',
    ])
    .orderBy(inByteOrder('rule'))
    .orderBy(sql`portfolio_id collate "C" NULLS FIRST`)
    .orderBy(sql`doi_from NULLS FIRST`)
    .execute();
  return rows.map((r) => ({
    rule: r.rule as ClassBTermRule['rule'],
    portfolioId: r.portfolio_id,
    portfolioName: r.portfolio_name,
    doiFrom: r.doi_from,
    doiTo: r.doi_to,
    cdscSchedulePct: r.cdsc_schedule_pct === null ? null : r.cdsc_schedule_pct.split(','),
    conversionYears: r.conversion_years === null ? null : Number(r.conversion_years),
    redemptionFeePct: r.redemption_fee_pct === null ? null : normalizeRatePct(r.redemption_fee_pct),
    redemptionFeeDays: r.redemption_fee_days === null ? null : Number(r.redemption_fee_days),
  }));
}

/**
 * The domain's terms from stored rules, the defaults first so that any rule overrides them: a
 * portfolio's own rule wins over one for all portfolios (classBTerms.ts, most specific wins).
 */
export function classBTermsOfRules(rules: readonly ClassBTermRule[]): ClassBTerms {
  const scope = (r: ClassBTermRule) => r.portfolioName ?? 'all portfolios';
  return createClassBTerms({
    cdscSchedules: rules
      .filter((r) => r.rule === 'cdsc-schedule')
      .map((r) =>
        createCdscSchedule({
          name: `${scope(r)}, DOI ${r.doiFrom ?? '…'}..${r.doiTo ?? '…'}: ${r.cdscSchedulePct!.join('-')}`,
          yearRatesPct: r.cdscSchedulePct!,
          portfolioId: r.portfolioId,
          doiFrom: r.doiFrom,
          doiTo: r.doiTo,
        }),
      ),
    conversionPeriods: rules
      .filter((r) => r.rule === 'conversion-period')
      .map((r) => createConversionPeriod({ portfolioId: r.portfolioId, years: r.conversionYears! })),
    redemptionFees: rules
      .filter((r) => r.rule === 'redemption-fee')
      .map((r) =>
        createRedemptionFeeRule({
          portfolioId: r.portfolioId!,
          ratePct: r.redemptionFeePct!,
          holdingDays: r.redemptionFeeDays,
        }),
      ),
  });
}

/**
 * The prospectus terms the ledger applies (SPEC §6): the rules `plan12b class-b-terms import`
 * recorded, over the defaults (5-4-3-3-2-1, conversion after 8 years, no redemption fee) where no
 * rule says otherwise.
 */
export async function loadClassBTerms(q: Queryable): Promise<ClassBTerms> {
  const rules = await loadClassBTermRules(q);
  return termsOfRules(rules);
}

/** The terms of these rules, or the defaults when there are none. */
export function termsOfRules(rules: readonly ClassBTermRule[]): ClassBTerms {
  return rules.length === 0 ? DEFAULT_CLASS_B_TERMS : classBTermsOfRules(rules);
}

/** Records rules: each replaces the recorded rule of its key (rule, portfolio, first DOI), if any. */
export async function writeClassBTermRules(
  q: Queryable,
  rules: readonly ClassBTermRule[],
  importId: number,
): Promise<void> {
  const k = typed(q);
  for (const t of rules)
    await k
      .deleteFrom('class_b_terms_rule')
      .where('rule', '=', t.rule)
      .where(sql<boolean>`portfolio_id IS NOT DISTINCT FROM ${t.portfolioId}::text`)
      .where(sql<boolean>`doi_from IS NOT DISTINCT FROM ${t.doiFrom}::date`)
      .execute();
  if (rules.length === 0) return;
  await k
    .insertInto('class_b_terms_rule')
    .values(
      rules.map((t) => ({
        rule: t.rule,
        portfolio_id: t.portfolioId,
        portfolio_name: t.portfolioName,
        doi_from: t.doiFrom,
        doi_to: t.doiTo,
        cdsc_schedule_pct: t.cdscSchedulePct?.join(',') ?? null,
        conversion_years: t.conversionYears,
        redemption_fee_pct: t.redemptionFeePct,
        redemption_fee_days: t.redemptionFeeDays,
        import_id: importId,
      })),
    )
    .execute();
}
