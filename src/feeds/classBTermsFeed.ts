import { addDays, monthEnd } from '../calendar/isoDate.js';
import { cdscYearAboveMaximum } from '../class-b/cdscPerTransactionMaximum.js';
import {
  CLASS_B_TERM_RULE_FIELD,
  CLASS_B_TERM_RULE_KINDS,
  type ClassBTermRule,
  type ClassBTermStatement,
  classBTermKey,
  classBTermRuleOf,
  classBTermStatementProblems,
  mergeClassBTermRules,
  sameClassBTerm,
} from '../class-b/classBTermRule.js';
import type { Problem } from '../errors.js';
import { materialIncrease } from '../governance/amendmentApproval.js';
import {
  classAAboveClassB,
  spanWords,
  targetIncreasesWithoutPurchaseVote,
  twelveB1Words,
} from '../governance/conversionTargetClass.js';
import { type RedemptionRewrite, replayWithNewTerms } from '../import/classBLedgerReplay.js';
import type { DecodedRow } from '../import/csvFeed.js';
import {
  enumField,
  isoDateField,
  nameField,
  optionalField,
  percentListField,
  percentTextField,
  wholeNumberField,
} from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { ImportPlan, PlannedChange } from '../import/importPlan.js';
import { classBPortfolioResolver } from '../registry/classBPortfolio.js';
import { portfolioOverSpan } from '../registry/nameOverSpan.js';
import type { Registry } from '../registry/registry.js';
import { everyScheduleVersion } from '../registry/scheduleVersions.js';
import {
  accountsInPortfolios,
  type ClassBTransactionRow,
  loadTransactionsOf,
  replaceRedemptions,
} from '../store/classBRepository.js';
import { loadClassBTermRules, termsOfRules, writeClassBTermRules } from '../store/classBTermsRepository.js';
import type { Database } from '../store/database.js';
import { forgetLedgerStatesFrom } from '../store/ledgerStateRepository.js';
import { loadRegistry } from '../store/registryStore.js';

export { type ClassBTermsList, listClassBTerms } from '../reports/classBTermsList.js';

/** `rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days` */
export const CLASS_B_TERMS_FEED_COLUMNS = {
  rule: { type: enumField(CLASS_B_TERM_RULE_KINDS) },
  portfolio: { type: nameField('portfolio; name the portfolio, or write all') },
  doi_from: { type: optionalField(isoDateField()) },
  doi_to: { type: optionalField(isoDateField()) },
  cdsc_schedule_pct: { type: optionalField(percentListField()) },
  conversion_years: { type: optionalField(wholeNumberField('years')) },
  redemption_fee_pct: { type: optionalField(percentTextField()) },
  redemption_fee_days: { type: optionalField(wholeNumberField('days')) },
} as const;
export const CLASS_B_TERMS_COLUMNS = Object.keys(CLASS_B_TERMS_FEED_COLUMNS) as readonly Column[];
type Column = keyof typeof CLASS_B_TERMS_FEED_COLUMNS;

type Row = DecodedRow<ClassBTermStatement>;

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
  /** the registry the rules were read against: Rule 18f-3(f)'s check of a conversion's target class */
  readonly registry: Registry;
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
  /** e.g. a CDSC schedule year above FINRA 2341(d)(2)'s 6.25% per transaction (recorded as stated) */
  readonly warnings: readonly string[];
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
  fileRules: (rows, file) => classBTermStatementProblems(rows as readonly Row[], file),

  async load(tx, decoded, ctx) {
    const registry = await loadRegistry(tx);
    const resolvePortfolio = classBPortfolioResolver(
      registry,
      'write all, or import the exhibit that lists it first',
    );
    const problems: Problem[] = [];
    const rows: TermsState['rows'][number][] = [];
    for (const { line, row: v } of decoded as readonly Row[]) {
      let portfolioId: string | null = null;
      if (v.portfolio.toLowerCase() !== 'all') {
        // SPEC §2: a name that passed from one portfolio to another within the term's dates of
        // issue (unbounded: all of them) means neither for sure: refused, never picked
        const span = portfolioOverSpan(
          registry.identities,
          v.portfolio,
          v.doi_from ?? '0000-01-01',
          v.doi_to ?? '9999-12-31',
        );
        if (span.ambiguity !== null) {
          problems.push({
            file: ctx.file,
            line,
            field: 'portfolio',
            value: v.portfolio,
            reason: span.ambiguity,
          });
          continue;
        }
        const p = resolvePortfolio(v.portfolio, v.doi_to ?? undefined);
        if ('problem' in p) {
          problems.push({ file: ctx.file, line, field: 'portfolio', value: v.portfolio, reason: p.problem });
          continue;
        }
        portfolioId = p.id;
      }
      rows.push({ line, term: classBTermRuleOf(v, portfolioId) });
    }
    const stored = await loadClassBTermRules(tx);
    const storedByKey = new Map(stored.map((t) => [classBTermKey(t), t]));
    const changed = rows.filter((r) => {
      const s = storedByKey.get(classBTermKey(r.term));
      return s === undefined || !sameClassBTerm(s, r.term);
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
    return { rows, stored, problems, accounts, history: await loadTransactionsOf(tx, accounts), registry };
  },

  plan(_decoded, state, ctx): ImportPlan<TermChange> {
    const { merged, problems: conflicts } = mergeClassBTermRules(ctx.file, state.rows, state.stored);
    const problems = [...state.problems, ...conflicts];
    const storedByKey = new Map(state.stored.map((t) => [classBTermKey(t), t]));
    const changes: TermChange[] = [];
    for (const r of state.rows) {
      const s = storedByKey.get(classBTermKey(r.term));
      if (s === undefined || !sameClassBTerm(s, r.term))
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
        field: CLASS_B_TERM_RULE_FIELD[c.term.rule],
      })),
      state.accounts,
      state.history,
      { old: termsOfRules(state.stored), new: termsOfRules(merged) },
      (date) => ctx.closed.closedMonthOf(date),
      // a refusal is reported on the rule that causes it: the recorded terms with that one row only
      (i) => {
        const only = state.rows.filter((r) => r.line === changes[i]!.line);
        return termsOfRules(mergeClassBTermRules(ctx.file, only, state.stored).merged);
      },
    );
    // FINRA 2341(d)(2), DOMAIN §3.4 (RECALLED): a year above the per-transaction maximum is warned
    const warnings = changes.flatMap((c) => {
      const over = c.term.cdscSchedulePct === null ? null : cdscYearAboveMaximum(c.term.cdscSchedulePct);
      if (over === null) return [];
      const what = `${c.term.portfolioName ?? 'every portfolio'}${c.term.doiFrom === null ? '' : ` (DOI from ${c.term.doiFrom})`}`;
      return [
        `${ctx.file}:${c.line}: the CDSC schedule of ${what} charges ${over.pct}% in year ${over.year}, above 6.25% of the amount invested, the most FINRA 2341(d)(2) allows on one transaction of a fund with an asset-based sales charge and a service fee (DOMAIN §3.4, RECALLED): recorded as stated`,
      ];
    });
    // Rule 18f-3(f), DOMAIN §4.3 (RECALLED): Class B converts into Class A of the same portfolio
    for (const c of changes)
      if (c.term.rule === 'conversion-period')
        warnings.push(...conversionTargetWarnings(state.registry, ctx.file, c.line, c.term));
    return { changes, unchanged, warnings, ...replay } as TermsPlan;
  },

  async apply(tx, plan, _state, ctx) {
    await writeClassBTermRules(
      tx,
      plan.changes.map((c) => c.term),
      ctx.importId,
    );
    await replaceRedemptions(tx, (plan as TermsPlan).rewrites);
    // New terms can move conversions and the lots a redemption takes after the closed months: a
    // ledger stored past them is stale (issue 14 item 1, stage 3); inside them they are refused.
    if (plan.changes.length > 0)
      await forgetLedgerStatesFrom(
        tx,
        ctx.closed.latest === null ? '0001-01-01' : addDays(monthEnd(ctx.closed.latest), 1),
        'all',
      );
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
      warnings: [...p.warnings],
    };
  },
};

/**
 * A conversion period recorded for a portfolio (or all) whose Class A 12b-1 rates in force are,
 * on some days, above its Class B rates: one warning per portfolio and run of days. RECALLED in
 * DOMAIN, so the rule is recorded as stated (the prospectus decides), with what to look at.
 */
function conversionTargetWarnings(
  registry: Registry,
  file: string,
  line: number,
  term: ClassBTermRule,
): string[] {
  const keys = registry.classKeys();
  const portfolios =
    term.portfolioId !== null
      ? [term.portfolioId]
      : [...new Set(keys.filter((k) => k.class.toUpperCase() === 'B').map((k) => k.portfolioId))];
  const out: string[] = [];
  for (const pid of portfolios) {
    const b = keys.find((k) => k.portfolioId === pid && k.class.toUpperCase() === 'B')?.class;
    const a = keys.find((k) => k.portfolioId === pid && k.class.toUpperCase() === 'A')?.class;
    if (b === undefined || a === undefined) continue;
    for (const r of targetIncreasesWithoutPurchaseVote(
      pid,
      { purchase: b, target: a },
      targetClassIncreases(registry, pid, a),
      registry.governance.approvals,
    ))
      out.push(
        `${file}:${line}: ${registry.identities.nameOn(pid, r.effectiveDate)}'s Class B shares convert to Class A after ${term.conversionYears} years, but its Class A shareholders approved ${r.documentTitle} on ${r.meetingDate}, which ${r.increase} from ${r.effectiveDate}, and its Class B shareholders have no approval of it recorded: under Rule 18f-3 the Class B shares may then not go on converting into that Class A (the fund offers a new target class on the old terms) (DOMAIN §4.3, RECALLED): recorded as stated — record the Class B shareholders' vote on it (\`plan12b approvals import\`) or put the conversion terms before the Board and counsel`,
      );
    for (const r of classAAboveClassB(registry, pid))
      out.push(
        `${file}:${line}: ${registry.identities.nameOn(pid, r.from)}'s Class B shares convert to Class A after ${term.conversionYears} years, but ${spanWords(r)} Class A's 12b-1 fees in force (${twelveB1Words(r.target)}) are higher than Class B's (${twelveB1Words(r.purchase)}); Rule 18f-3(f) lets shares convert only into a class whose expenses, 12b-1 payments included, are not higher (DOMAIN §4.3, RECALLED): recorded as stated — check both classes' rates (\`plan12b schedule --as-of ${r.from}\`) and, if they are right, put the conversion terms before the Board and counsel`,
      );
  }
  return out;
}

/**
 * The versions that raise a portfolio's target class's rates over those that governed it the day
 * before (Plan §11's material increase, amendmentApproval.ts), with their documents.
 */
function targetClassIncreases(registry: Registry, pid: string, target: string) {
  const out: { documentId: string; documentTitle: string; effectiveDate: string; increase: string }[] = [];
  for (const { version: v } of everyScheduleVersion(registry.instruments)) {
    const e = v.entries.find(
      (x) =>
        x.class.toUpperCase() === target.toUpperCase() &&
        registry.identities.resolveOn(x.portfolio, v.effectiveDate) === pid,
    );
    const before =
      e === undefined ? undefined : registry.governingOn(pid, target, addDays(v.effectiveDate, -1));
    if (e === undefined || before === undefined) continue;
    const increase = materialIncrease(
      {
        distributionFeePct: before.schedule.assetBasedSalesChargePct,
        aggregateFeePct: before.schedule.aggregateFeePct,
      },
      { distributionFeePct: e.assetBasedSalesChargePct, aggregateFeePct: e.aggregateFeePct },
    );
    if (increase !== null)
      out.push({
        documentId: v.documentId,
        documentTitle: v.documentTitle,
        effectiveDate: v.effectiveDate,
        increase,
      });
  }
  return out;
}

/** `plan12b class-b-terms import`: the Class B terms feed through the one import pipeline. */
export function importClassBTerms(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: Pick<FeedOptions, 'onProgress'> = {},
): Promise<ClassBTermsImportResult> {
  return runFeedImport(
    db,
    classBTermsFeed,
    { file, bytes },
    { ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) },
  );
}
