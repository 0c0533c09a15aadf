import type { Problem } from '../errors.js';
import { compareCodeUnits } from '../registry/nameOrder.js';

/**
 * The rules of the Class B terms as recorded, one per row (SPEC §6; Agreement FOURTH(A), (D)):
 * CDSC schedules by issuing portfolio and DOI range, conversion periods per portfolio, redemption
 * fees per portfolio. Pure: what a row of rules must say, and which rules collide.
 */
export interface ClassBTermRule {
  readonly rule: 'cdsc-schedule' | 'conversion-period' | 'redemption-fee';
  /** null: every portfolio */
  readonly portfolioId: string | null;
  readonly portfolioName: string | null;
  readonly doiFrom: string | null;
  readonly doiTo: string | null;
  /** canonical percent strings for years 1, 2, …: ['4.00', '3.00', '2.00', '1.00'] */
  readonly cdscSchedulePct: readonly string[] | null;
  readonly conversionYears: number | null;
  readonly redemptionFeePct: string | null;
  readonly redemptionFeeDays: number | null;
}

export type ClassBTermRuleKind = ClassBTermRule['rule'];
export const CLASS_B_TERM_RULE_KINDS: readonly ClassBTermRuleKind[] = [
  'cdsc-schedule',
  'conversion-period',
  'redemption-fee',
];

/** A rule as stated, before its portfolio is resolved: the terms' names as the documents use them. */
export interface ClassBTermStatement {
  readonly rule: ClassBTermRuleKind;
  readonly portfolio: string;
  readonly doi_from: string | null;
  readonly doi_to: string | null;
  readonly cdsc_schedule_pct: string[] | null;
  readonly conversion_years: number | null;
  readonly redemption_fee_pct: string | null;
  readonly redemption_fee_days: number | null;
}
type Term = Exclude<keyof ClassBTermStatement, 'rule' | 'portfolio'>;
const TERMS: readonly Term[] = [
  'doi_from',
  'doi_to',
  'cdsc_schedule_pct',
  'conversion_years',
  'redemption_fee_pct',
  'redemption_fee_days',
];

/** The terms each rule uses; every other term of its statement must be empty. */
const USES: Readonly<Record<ClassBTermRuleKind, readonly Term[]>> = {
  'cdsc-schedule': ['doi_from', 'doi_to', 'cdsc_schedule_pct'],
  'conversion-period': ['conversion_years'],
  'redemption-fee': ['redemption_fee_pct', 'redemption_fee_days'],
};

/** The term a problem caused by a rule of this kind is reported on. */
export const CLASS_B_TERM_RULE_FIELD: Readonly<Record<ClassBTermRuleKind, Term>> = {
  'cdsc-schedule': 'cdsc_schedule_pct',
  'conversion-period': 'conversion_years',
  'redemption-fee': 'redemption_fee_pct',
};

/** One rule per key: a CDSC schedule per (portfolio, first DOI), one period and one fee per portfolio. */
export const classBTermKey = (t: ClassBTermRule) => `${t.rule}|${t.portfolioId ?? ''}|${t.doiFrom ?? ''}`;
const scopeOf = (t: ClassBTermRule) => t.portfolioName ?? 'all portfolios';
const doiRange = (t: ClassBTermRule) => `${t.doiFrom ?? '(open)'}..${t.doiTo ?? '(open)'}`;
const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
/** The same rule, whatever name its portfolio was given. */
export const sameClassBTerm = (a: ClassBTermRule, b: ClassBTermRule) =>
  json(a) === json({ ...b, portfolioName: a.portfolioName });

/** A statement as a rule of its portfolio (null: all), keeping only the terms its kind uses. */
export function classBTermRuleOf(s: ClassBTermStatement, portfolioId: string | null): ClassBTermRule {
  const used = <T>(term: Term, v: T): T | null => (USES[s.rule].includes(term) ? v : null);
  return {
    rule: s.rule,
    portfolioId,
    portfolioName: portfolioId === null ? null : s.portfolio,
    doiFrom: used('doi_from', s.doi_from),
    doiTo: used('doi_to', s.doi_to),
    cdscSchedulePct: used('cdsc_schedule_pct', s.cdsc_schedule_pct),
    conversionYears: used('conversion_years', s.conversion_years),
    redemptionFeePct: used('redemption_fee_pct', s.redemption_fee_pct),
    redemptionFeeDays: used('redemption_fee_days', s.redemption_fee_days),
  };
}

/** A statement against its rule: the terms it does not use are empty, those it needs are given. */
export function classBTermStatementProblems(
  statements: readonly { line: number; row: ClassBTermStatement }[],
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const { line, row: v } of statements) {
    const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
    for (const c of TERMS)
      if (!USES[v.rule].includes(c) && v[c] !== null) bad(c, `a ${v.rule} rule has no ${c}; leave it empty`);
    if (v.rule === 'redemption-fee' && v.portfolio.toLowerCase() === 'all')
      bad(
        'portfolio',
        'a redemption fee is a portfolio-level rule (Agreement FOURTH(D): retained by the Portfolio); name the portfolio',
      );
    if (v.rule === 'cdsc-schedule' && v.doi_from !== null && v.doi_to !== null && v.doi_from > v.doi_to)
      bad('doi_to', `the DOI range ${v.doi_from}..${v.doi_to} is empty: doi_to is before doi_from`);
    if (v.rule === 'cdsc-schedule' && v.cdsc_schedule_pct === null)
      bad(
        'cdsc_schedule_pct',
        'empty; give the CDSC rate of each year since the DOI, e.g. "5,4,3,3,2,1" (write 0 for no CDSC)',
      );
    if (v.rule === 'conversion-period' && v.conversion_years === null)
      bad('conversion_years', 'empty; give the number of years after which the shares convert');
    if (v.rule === 'redemption-fee' && v.redemption_fee_pct === null)
      bad('redemption_fee_pct', 'empty; give the fee in percent of the value redeemed, e.g. 2');
  }
  return problems;
}

/**
 * The rules recorded with the new ones over them, and what collides: the same key twice among the
 * new rules; two CDSC schedules of one scope whose DOI ranges overlap.
 */
export function mergeClassBTermRules(
  file: string,
  rows: readonly { line: number; term: ClassBTermRule }[],
  stored: readonly ClassBTermRule[],
): { merged: ClassBTermRule[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  for (const r of rows) {
    const first = firstLine.get(classBTermKey(r.term));
    if (first === undefined) {
      firstLine.set(classBTermKey(r.term), r.line);
      continue;
    }
    const scope = scopeOf(r.term);
    problems.push({
      file,
      line: r.line,
      field: r.term.rule === 'cdsc-schedule' ? 'doi_from' : 'portfolio',
      reason:
        r.term.rule === 'redemption-fee'
          ? `a second redemption fee rule for ${scope} (the first is on line ${first}); a portfolio has one redemption fee rule`
          : r.term.rule === 'conversion-period'
            ? `a second conversion period for ${scope} (the first is on line ${first})`
            : `a second CDSC schedule for ${scope} with DOIs from ${r.term.doiFrom ?? '(open)'} (the first is on line ${first})`,
    });
  }
  const lineOf = new Map<ClassBTermRule, number>();
  const merged = new Map(stored.map((t) => [classBTermKey(t), t]));
  for (const r of rows) {
    merged.set(classBTermKey(r.term), r.term);
    lineOf.set(r.term, r.line);
  }
  const byScope = new Map<string, ClassBTermRule[]>();
  for (const t of merged.values())
    if (t.rule === 'cdsc-schedule')
      byScope.set(t.portfolioId ?? '', [...(byScope.get(t.portfolioId ?? '') ?? []), t]);
  for (const schedules of byScope.values()) {
    schedules.sort((a, b) => compareCodeUnits(a.doiFrom ?? '', b.doiFrom ?? ''));
    for (let i = 1; i < schedules.length; i++) {
      const a = schedules[i - 1]!;
      const b = schedules[i]!;
      if (a.doiTo !== null && a.doiTo < b.doiFrom!) continue;
      const [aLine, bLine] = [lineOf.get(a), lineOf.get(b)];
      const where = (line: number | undefined) => (line === undefined ? 'recorded' : `line ${line}`);
      problems.push({
        file,
        line: bLine ?? aLine!,
        field: bLine !== undefined ? 'doi_from' : 'doi_to',
        reason: `the CDSC schedules of ${scopeOf(b)} for DOIs ${doiRange(a)} (${where(aLine)}) and ${doiRange(b)} (${where(bLine)}) overlap; end the earlier range the day before the later one starts`,
      });
    }
  }
  return { merged: [...merged.values()], problems };
}
