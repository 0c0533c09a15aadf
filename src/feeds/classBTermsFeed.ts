import { z } from 'zod';
import type { Problem } from '../errors.js';
import { type RedemptionRewrite, replayWithNewTerms } from '../import/classBLedgerReplay.js';
import type { DecodedRow } from '../import/csvFeed.js';
import { enumField, isoDateField, nameField, optionalField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { ImportPlan, PlannedChange } from '../import/importPlan.js';
import { formatRatePct, parseRateMicroPct, RateFormatError } from '../money/rate.js';
import {
  accountsInPortfolios,
  type ClassBTransactionRow,
  loadTransactionsOf,
  replaceRedemptions,
} from '../store/classBRepository.js';
import {
  type ClassBTermRule,
  loadClassBTermRules,
  termsOfRules,
  writeClassBTermRules,
} from '../store/classBTermsRepository.js';
import type { Database } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import { classBPortfolioResolver } from './classBPortfolio.js';

export { type ClassBTermsList, listClassBTerms } from '../reports/classBTermsList.js';

type RuleKind = ClassBTermRule['rule'];
const RULES: readonly RuleKind[] = ['cdsc-schedule', 'conversion-period', 'redemption-fee'];

/** A rate in percent, at most 100%, in canonical form. */
function readPct(input: string): { pct: string } | { problem: string } {
  if (input.includes('%'))
    return { problem: `write ${input} as a number without "%": the column is in percent` };
  try {
    const micro = parseRateMicroPct(input);
    return micro > 100_000_000n ? { problem: `${input}% is above 100%` } : { pct: formatRatePct(micro) };
  } catch (e) {
    if (e instanceof RateFormatError) return { problem: e.message };
    throw e;
  }
}

const pctField = () =>
  z.string().transform((s, ctx) => {
    const r = readPct(s);
    if ('pct' in r) return r.pct;
    ctx.issues.push({ code: 'custom', message: r.problem, input: s });
    return z.NEVER;
  });

/** The CDSC rate of each year since the DOI, comma-separated: "5,4,3,3,2,1". */
const pctListField = () =>
  z.string().transform((s, ctx) => {
    const rates: string[] = [];
    s.split(',').forEach((part, i) => {
      const r = readPct(part.trim());
      if ('pct' in r) rates.push(r.pct);
      else ctx.issues.push({ code: 'custom', message: `year ${i + 1}: ${r.problem}`, input: s });
    });
    return rates;
  });

const wholeField = (what: string) =>
  z.string().transform((s, ctx) => {
    if (/^\d{1,6}$/.test(s) && Number(s) > 0) return Number(s);
    ctx.issues.push({
      code: 'custom',
      message: `${JSON.stringify(s)} is not a positive whole number of ${what}`,
      input: s,
    });
    return z.NEVER;
  });

/** `rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days` */
export const CLASS_B_TERMS_FEED_COLUMNS = {
  rule: { type: enumField(RULES) },
  portfolio: { type: nameField('portfolio; name the portfolio, or write all') },
  doi_from: { type: optionalField(isoDateField()) },
  doi_to: { type: optionalField(isoDateField()) },
  cdsc_schedule_pct: { type: optionalField(pctListField()) },
  conversion_years: { type: optionalField(wholeField('years')) },
  redemption_fee_pct: { type: optionalField(pctField()) },
  redemption_fee_days: { type: optionalField(wholeField('days')) },
} as const;
export const CLASS_B_TERMS_COLUMNS = Object.keys(CLASS_B_TERMS_FEED_COLUMNS) as readonly Column[];
type Column = keyof typeof CLASS_B_TERMS_FEED_COLUMNS;

/** The columns each rule uses; every other data column of its row must be empty. */
const USES: Readonly<Record<RuleKind, readonly Column[]>> = {
  'cdsc-schedule': ['doi_from', 'doi_to', 'cdsc_schedule_pct'],
  'conversion-period': ['conversion_years'],
  'redemption-fee': ['redemption_fee_pct', 'redemption_fee_days'],
};

/** The field a problem caused by a rule of this kind is reported on. */
const RULE_FIELD: Readonly<Record<RuleKind, Column>> = {
  'cdsc-schedule': 'cdsc_schedule_pct',
  'conversion-period': 'conversion_years',
  'redemption-fee': 'redemption_fee_pct',
};

type Row = DecodedRow<{
  rule: RuleKind;
  portfolio: string;
  doi_from: string | null;
  doi_to: string | null;
  cdsc_schedule_pct: string[] | null;
  conversion_years: number | null;
  redemption_fee_pct: string | null;
  redemption_fee_days: number | null;
}>;

interface TermChange extends PlannedChange {
  readonly term: ClassBTermRule;
}

interface TermsPlan extends ImportPlan<TermChange> {
  readonly rewrites: readonly RedemptionRewrite[];
  readonly accountsReplayed: number;
  readonly redemptionsChanged: number;
}

interface TermsState {
  readonly rows: readonly { line: number; term: ClassBTermRule }[];
  readonly stored: readonly ClassBTermRule[];
  readonly problems: readonly Problem[];
  /** the recorded activity of every account holding a portfolio a changed rule touches */
  readonly history: ReadonlyMap<string, ClassBTransactionRow[]>;
  readonly accounts: readonly string[];
}

export interface ClassBTermsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly restated: number;
  readonly unchanged: number;
  /** accounts holding shares of an affected portfolio, replayed with the new terms */
  readonly accountsReplayed: number;
  /** stored redemptions whose gross, CDSC, fee, net or pieces the new terms changed (rewritten) */
  readonly redemptionsChanged: number;
}

/** One rule per key: a CDSC schedule per (portfolio, first DOI), one period and one fee per portfolio. */
const keyOf = (t: ClassBTermRule) => `${t.rule}|${t.portfolioId ?? ''}|${t.doiFrom ?? ''}`;
const scopeOf = (t: ClassBTermRule) => t.portfolioName ?? 'all portfolios';
const doiRange = (t: ClassBTermRule) => `${t.doiFrom ?? '(open)'}..${t.doiTo ?? '(open)'}`;
const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
const sameTerm = (a: ClassBTermRule, b: ClassBTermRule) =>
  json(a) === json({ ...b, portfolioName: a.portfolioName });

/** A row's columns against its rule: those it does not use are empty, those it needs are given. */
function rowProblems(rows: readonly Row[], file: string): Problem[] {
  const problems: Problem[] = [];
  for (const { line, row: v } of rows) {
    const bad = (field: Column, reason: string) => problems.push({ file, line, field, reason });
    for (const c of CLASS_B_TERMS_COLUMNS)
      if (c !== 'rule' && c !== 'portfolio' && !USES[v.rule].includes(c) && v[c] !== null)
        bad(c, `a ${v.rule} rule has no ${c}; leave it empty`);
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

/** The same key twice in the file; two CDSC schedules of one scope whose DOI ranges overlap. */
function conflictProblems(
  file: string,
  rows: readonly { line: number; term: ClassBTermRule }[],
  stored: readonly ClassBTermRule[],
): { merged: ClassBTermRule[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  for (const r of rows) {
    const first = firstLine.get(keyOf(r.term));
    if (first === undefined) {
      firstLine.set(keyOf(r.term), r.line);
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
  const merged = new Map(stored.map((t) => [keyOf(t), t]));
  for (const r of rows) {
    merged.set(keyOf(r.term), r.term);
    lineOf.set(r.term, r.line);
  }
  const byScope = new Map<string, ClassBTermRule[]>();
  for (const t of merged.values())
    if (t.rule === 'cdsc-schedule')
      byScope.set(t.portfolioId ?? '', [...(byScope.get(t.portfolioId ?? '') ?? []), t]);
  for (const schedules of byScope.values()) {
    schedules.sort((a, b) => (a.doiFrom ?? '').localeCompare(b.doiFrom ?? ''));
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

/**
 * The Class B terms feed: the prospectus terms of the Class B shares as data (SPEC §6): CDSC
 * schedules by issuing portfolio and DOI range, conversion periods per portfolio, redemption fees
 * per portfolio (Agreement FOURTH(A), (D)). A row for a recorded key (rule, portfolio, first DOI)
 * restates it. Every account holding shares of an affected portfolio is replayed with the new
 * terms in the plan and its stored redemptions rewritten; terms that would change a redemption or
 * conversion in a closed month are refused.
 */
export const classBTermsFeed: FeedDefinition<
  typeof CLASS_B_TERMS_FEED_COLUMNS,
  TermsState,
  TermChange,
  ClassBTermsImportResult
> = {
  name: 'class-b-terms',
  columns: CLASS_B_TERMS_FEED_COLUMNS,
  closedMonthRule: 'refuse',
  fileRules: (rows, file) => rowProblems(rows as readonly Row[], file),

  async load(tx, decoded, ctx) {
    const resolvePortfolio = classBPortfolioResolver(
      await loadRegistry(tx),
      'write all, or import the exhibit that lists it first',
    );
    const problems: Problem[] = [];
    const rows: TermsState['rows'][number][] = [];
    for (const { line, row: v } of decoded as readonly Row[]) {
      let portfolioId: string | null = null;
      if (v.portfolio.toLowerCase() !== 'all') {
        const p = resolvePortfolio(v.portfolio);
        if ('problem' in p) {
          problems.push({ file: ctx.file, line, field: 'portfolio', value: v.portfolio, reason: p.problem });
          continue;
        }
        portfolioId = p.id;
      }
      const uses = (c: Column) => USES[v.rule].includes(c);
      rows.push({
        line,
        term: {
          rule: v.rule,
          portfolioId,
          portfolioName: portfolioId === null ? null : v.portfolio,
          doiFrom: uses('doi_from') ? v.doi_from : null,
          doiTo: uses('doi_to') ? v.doi_to : null,
          cdscSchedulePct: uses('cdsc_schedule_pct') ? v.cdsc_schedule_pct : null,
          conversionYears: uses('conversion_years') ? v.conversion_years : null,
          redemptionFeePct: uses('redemption_fee_pct') ? v.redemption_fee_pct : null,
          redemptionFeeDays: uses('redemption_fee_days') ? v.redemption_fee_days : null,
        },
      });
    }
    const stored = await loadClassBTermRules(tx);
    const storedByKey = new Map(stored.map((t) => [keyOf(t), t]));
    const changed = rows.filter((r) => {
      const s = storedByKey.get(keyOf(r.term));
      return s === undefined || !sameTerm(s, r.term);
    });
    const accounts =
      changed.length === 0 || problems.length > 0 || ctx.incomplete
        ? []
        : await accountsInPortfolios(
            tx,
            changed.some((r) => r.term.portfolioId === null)
              ? null
              : [...new Set(changed.map((r) => r.term.portfolioId!))],
          );
    return { rows, stored, problems, accounts, history: await loadTransactionsOf(tx, accounts) };
  },

  plan(_decoded, state, ctx): ImportPlan<TermChange> {
    const { merged, problems: conflicts } = conflictProblems(ctx.file, state.rows, state.stored);
    const problems = [...state.problems, ...conflicts];
    const storedByKey = new Map(state.stored.map((t) => [keyOf(t), t]));
    const changes: TermChange[] = [];
    for (const r of state.rows) {
      const s = storedByKey.get(keyOf(r.term));
      if (s === undefined || !sameTerm(s, r.term))
        changes.push({
          line: r.line,
          datedOn: null,
          kind: s === undefined ? 'new' : 'restated',
          term: r.term,
        });
    }
    const empty = { rewrites: [], accountsReplayed: 0, redemptionsChanged: 0 };
    const unchanged = state.rows.length - changes.length;
    if (problems.length > 0 || ctx.incomplete || changes.length === 0)
      return { changes, unchanged, problems, warnings: [], ...empty } as TermsPlan;
    const replay = replayWithNewTerms(
      ctx.file,
      changes.map((c) => ({
        line: c.line,
        rule: c.term.rule,
        portfolioId: c.term.portfolioId,
        field: RULE_FIELD[c.term.rule],
      })),
      state.accounts,
      state.history,
      { old: termsOfRules(state.stored), new: termsOfRules(merged) },
      (date) => ctx.closed.closedMonthOf(date),
    );
    return { changes, unchanged, warnings: [], ...replay } as TermsPlan;
  },

  async apply(tx, plan, _state, ctx) {
    await writeClassBTermRules(
      tx,
      plan.changes.map((c) => c.term),
      ctx.importId,
    );
    await replaceRedemptions(tx, (plan as TermsPlan).rewrites);
  },

  auditDetail(plan) {
    const p = plan as TermsPlan;
    return `${p.accountsReplayed} accounts replayed, ${p.redemptionsChanged} redemptions changed`;
  },

  result(plan, _state, ctx) {
    const p = plan as TermsPlan;
    const restated = p.changes.filter((c) => c.kind === 'restated').length;
    return {
      file: ctx.file,
      rows: ctx.rows,
      inserted: p.changes.length - restated,
      restated,
      unchanged: p.unchanged,
      accountsReplayed: p.accountsReplayed,
      redemptionsChanged: p.redemptionsChanged,
    };
  },
};

/** `plan12b class-b-terms import`: the Class B terms feed through the one import pipeline. */
export function importClassBTerms(
  db: Database,
  file: string,
  bytes: Uint8Array,
): Promise<ClassBTermsImportResult> {
  return runFeedImport(db, classBTermsFeed, { file, bytes }, {} as FeedOptions);
}
