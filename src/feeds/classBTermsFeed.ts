import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { isIsoDate } from '../calendar/isoDate.js';
import { DEFAULT_CDSC_SCHEDULE } from '../class-b/cdscSchedule.js';
import { replayAccount } from '../class-b/classBLedger.js';
import { type ClassBTerms, DEFAULT_CONVERSION_YEARS } from '../class-b/classBTerms.js';
import { LedgerRefusal } from '../class-b/ledgerRefusal.js';
import type { AccountLedger, ConversionResult, RedemptionResult } from '../class-b/ledgerResults.js';
import { BadInputError, type RowProblem } from '../errors.js';
import { formatCents } from '../money/cents.js';
import { formatRatePct, parseRateMicroPct, RateFormatError } from '../money/rate.js';
import { appendAudit } from '../store/auditLog.js';
import {
  activityOfRows,
  type ClassBTermRule,
  classBTermsOfRules,
  loadClassBTermRules,
  loadClassBTerms,
  loadTransactionsOf,
  replaceRedemptions,
} from '../store/classBStore.js';
import type { Database, Queryable } from '../store/database.js';
import { recordFeedImport } from '../store/feedImport.js';
import { loadRegistry } from '../store/registryStore.js';
import { classBPortfolioResolver } from './classBPortfolio.js';
import { readCsvFeed } from './csvRows.js';

export const CLASS_B_TERMS_COLUMNS = [
  'rule',
  'portfolio',
  'doi_from',
  'doi_to',
  'cdsc_schedule_pct',
  'conversion_years',
  'redemption_fee_pct',
  'redemption_fee_days',
] as const;

type Column = (typeof CLASS_B_TERMS_COLUMNS)[number];
type RuleKind = ClassBTermRule['rule'];

const RULES: readonly RuleKind[] = ['cdsc-schedule', 'conversion-period', 'redemption-fee'];

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

const PERCENT_100 = 100_000_000n;
/** Closed-month refusals listed one by one before the rest are counted. */
const MAX_LISTED_PROBLEMS = 100;

interface TermRow {
  readonly line: number;
  readonly term: ClassBTermRule;
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
function keyOf(t: ClassBTermRule): string {
  return `${t.rule}|${t.portfolioId ?? ''}|${t.doiFrom ?? ''}`;
}

function scopeOf(t: ClassBTermRule): string {
  return t.portfolioName ?? 'all portfolios';
}

function doiRange(t: ClassBTermRule): string {
  return `${t.doiFrom ?? '(open)'}..${t.doiTo ?? '(open)'}`;
}

function sameTerm(a: ClassBTermRule, b: ClassBTermRule): boolean {
  return (
    a.rule === b.rule &&
    a.portfolioId === b.portfolioId &&
    a.doiFrom === b.doiFrom &&
    a.doiTo === b.doiTo &&
    (a.cdscSchedulePct ?? []).join(',') === (b.cdscSchedulePct ?? []).join(',') &&
    a.conversionYears === b.conversionYears &&
    a.redemptionFeePct === b.redemptionFeePct &&
    a.redemptionFeeDays === b.redemptionFeeDays
  );
}

/** A rate in percent, at most 100%, in canonical form; or the reason it is not one. */
function readPct(input: string): { pct: string } | { problem: string } {
  try {
    const micro = parseRateMicroPct(input);
    if (micro > PERCENT_100) return { problem: `${input}% is above 100%` };
    return { pct: formatRatePct(micro) };
  } catch (e) {
    if (e instanceof RateFormatError) return { problem: e.message };
    throw e;
  }
}

function readWhole(input: string, what: string): { n: number } | { problem: string } {
  if (!/^\d{1,6}$/.test(input) || Number(input) === 0)
    return { problem: `${JSON.stringify(input)} is not a positive whole number of ${what}` };
  return { n: Number(input) };
}

/** Reads and checks every row on its own (codes, formats, the registry); collects every problem. */
function readRows(
  file: string,
  bytes: Uint8Array,
  resolvePortfolio: (name: string) => { id: string } | { problem: string },
): { rows: TermRow[]; problems: RowProblem[] } {
  const csv = readCsvFeed(file, bytes, CLASS_B_TERMS_COLUMNS);
  const problems: RowProblem[] = [];
  const rows: TermRow[] = [];
  for (const { line, values } of csv) {
    const v = values as Readonly<Record<Column, string>>;
    const bad = (field: Column, reason: string) => problems.push({ file, line, field, reason });
    const rule = v.rule.toLowerCase() as RuleKind;
    if (!RULES.includes(rule)) {
      bad('rule', `${JSON.stringify(v.rule)} is not one of ${RULES.join(', ')}`);
      continue;
    }
    const before = problems.length;
    for (const c of CLASS_B_TERMS_COLUMNS)
      if (c !== 'rule' && c !== 'portfolio' && !USES[rule].includes(c) && v[c] !== '')
        bad(c, `a ${rule} rule has no ${c}; leave it empty`);
    let portfolioId: string | null = null;
    if (v.portfolio === '') bad('portfolio', 'empty; name the portfolio, or write all');
    else if (v.portfolio.toLowerCase() === 'all') {
      if (rule === 'redemption-fee')
        bad(
          'portfolio',
          'a redemption fee is a portfolio-level rule (Agreement FOURTH(D): retained by the Portfolio); name the portfolio',
        );
    } else {
      const p = resolvePortfolio(v.portfolio);
      if ('problem' in p) bad('portfolio', p.problem);
      else portfolioId = p.id;
    }
    const term = {
      rule,
      portfolioId,
      portfolioName: portfolioId === null ? null : v.portfolio,
      doiFrom: null as string | null,
      doiTo: null as string | null,
      cdscSchedulePct: null as string[] | null,
      conversionYears: null as number | null,
      redemptionFeePct: null as string | null,
      redemptionFeeDays: null as number | null,
    };
    if (rule === 'cdsc-schedule') {
      for (const c of ['doi_from', 'doi_to'] as const)
        if (v[c] !== '' && !isIsoDate(v[c])) bad(c, `${JSON.stringify(v[c])} is not a date (YYYY-MM-DD)`);
      term.doiFrom = v.doi_from === '' ? null : v.doi_from;
      term.doiTo = v.doi_to === '' ? null : v.doi_to;
      if (term.doiFrom !== null && term.doiTo !== null && term.doiFrom > term.doiTo)
        bad('doi_to', `the DOI range ${term.doiFrom}..${term.doiTo} is empty: doi_to is before doi_from`);
      if (v.cdsc_schedule_pct === '')
        bad(
          'cdsc_schedule_pct',
          'empty; give the CDSC rate of each year since the DOI, e.g. "5,4,3,3,2,1" (write 0 for no CDSC)',
        );
      else {
        const rates: string[] = [];
        v.cdsc_schedule_pct.split(',').forEach((part, i) => {
          const r = readPct(part.trim());
          if ('problem' in r) bad('cdsc_schedule_pct', `year ${i + 1}: ${r.problem}`);
          else rates.push(r.pct);
        });
        term.cdscSchedulePct = rates;
      }
    } else if (rule === 'conversion-period') {
      const n = readWhole(v.conversion_years, 'years');
      if ('problem' in n) bad('conversion_years', n.problem);
      else term.conversionYears = n.n;
    } else {
      if (v.redemption_fee_pct === '')
        bad('redemption_fee_pct', 'empty; give the fee in percent of the value redeemed, e.g. 2');
      else {
        const r = readPct(v.redemption_fee_pct);
        if ('problem' in r) bad('redemption_fee_pct', r.problem);
        else term.redemptionFeePct = r.pct;
      }
      if (v.redemption_fee_days !== '') {
        const n = readWhole(v.redemption_fee_days, 'days');
        if ('problem' in n) bad('redemption_fee_days', n.problem);
        else term.redemptionFeeDays = n.n;
      }
    }
    if (problems.length === before) rows.push({ line, term });
  }
  return { rows, problems };
}

/** The same key twice in the file; two CDSC schedules of one scope whose DOI ranges overlap. */
function conflictProblems(
  file: string,
  rows: readonly TermRow[],
  stored: readonly ClassBTermRule[],
): { merged: ClassBTermRule[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const r of rows) {
    const k = keyOf(r.term);
    const first = firstLine.get(k);
    if (first === undefined) {
      firstLine.set(k, r.line);
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
      const bLine = lineOf.get(b);
      const aLine = lineOf.get(a);
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

function ruleRow(t: ClassBTermRule, importId: number): unknown[] {
  return [
    t.rule,
    t.portfolioId,
    t.portfolioName,
    t.doiFrom,
    t.doiTo,
    t.cdscSchedulePct?.join(',') ?? null,
    t.conversionYears,
    t.redemptionFeePct,
    t.redemptionFeeDays,
    importId,
  ];
}

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

/** An account's conversions by (date, portfolio), with the portfolios that first issued their shares. */
function conversionsByKey(
  list: readonly ConversionResult[],
): Map<string, { content: string; portfolioIds: string[] }> {
  const out = new Map<string, { content: string; portfolioIds: string[] }>();
  for (const c of list) {
    const k = `${c.date}|${c.portfolioId}`;
    const prev = out.get(k) ?? { content: '', portfolioIds: [] };
    out.set(k, {
      content: `${prev.content}${json(c)}`,
      portfolioIds: [...prev.portfolioIds, c.portfolioId, ...c.pieces.map((p) => p.issuingPortfolioId)],
    });
  }
  return out;
}

/**
 * Replays every account holding shares of a portfolio the changed rules touch (all accounts when
 * a rule is for all portfolios) with the old terms and the new, in batches. A changed redemption
 * or conversion in a closed month, or activity the new terms cannot apply, is a problem on the
 * rule's line; the others' redemptions are rewritten from the first that changed.
 */
async function recomputeAffectedAccounts(
  tx: Queryable,
  file: string,
  changed: readonly TermRow[],
  oldTerms: ClassBTerms,
  newTerms: ClassBTerms,
  problems: RowProblem[],
): Promise<{ accountsReplayed: number; redemptionsChanged: number }> {
  const closed = new Set(
    (await tx.query<{ month: string }>('SELECT month FROM closed_month')).map((r) => r.month),
  );
  const forAll = changed.some((r) => r.term.portfolioId === null);
  const accounts = (
    forAll
      ? await tx.query<{ account: string }>(
          'SELECT DISTINCT account FROM class_b_transaction ORDER BY account',
        )
      : await tx.query<{ account: string }>(
          'SELECT DISTINCT account FROM class_b_transaction WHERE portfolio_id = ANY($1::text[]) ORDER BY account',
          [[...new Set(changed.map((r) => r.term.portfolioId!))]],
        )
  ).map((r) => r.account);

  let unlisted = 0;
  const blame = (portfolioIds: ReadonlySet<string>, kinds: readonly RuleKind[], reason: string) => {
    if (problems.length >= MAX_LISTED_PROBLEMS) {
      unlisted++;
      return;
    }
    const touching = changed.filter(
      (r) => r.term.portfolioId === null || portfolioIds.has(r.term.portfolioId),
    );
    const row = touching.find((r) => kinds.includes(r.term.rule)) ?? touching[0] ?? changed[0]!;
    problems.push({ file, line: row.line, field: RULE_FIELD[row.term.rule], reason });
  };

  let redemptionsChanged = 0;
  const BATCH = 10_000;
  for (let i = 0; i < accounts.length; i += BATCH) {
    const batch = accounts.slice(i, i + BATCH);
    const history = await loadTransactionsOf(tx, batch);
    const changes: Parameters<typeof replaceRedemptions>[1][number][] = [];
    for (const account of batch) {
      const rows = history.get(account) ?? [];
      const activity = activityOfRows(rows);
      const before = replayAccount(account, activity, oldTerms);
      let after: AccountLedger;
      try {
        after = replayAccount(account, activity, newTerms);
      } catch (e) {
        const what =
          e instanceof LedgerRefusal
            ? `${e.txnId} (${e.field}: ${e.reason})`
            : `activity (${(e as Error).message})`;
        blame(
          new Set(rows.map((r) => r.portfolio_id)),
          RULES,
          `with these terms, account ${account}'s recorded ${what} can no longer be applied`,
        );
        continue;
      }
      const old = new Map(before.redemptions.map((r) => [r.txnId, r]));
      let from: string | null = null;
      for (const r of after.redemptions) {
        const o = old.get(r.txnId);
        if (o !== undefined && json(o) === json(r)) continue;
        redemptionsChanged++;
        const month = r.date.slice(0, 7);
        if (closed.has(month)) {
          blame(
            new Set([r.portfolioId, ...r.pieces.map((p) => p.issuingPortfolioId)]),
            o !== undefined && o.redemptionFeeCents !== r.redemptionFeeCents
              ? ['redemption-fee']
              : ['cdsc-schedule', 'conversion-period'],
            `with these terms, redemption ${r.txnId} of account ${account} on ${r.date} would change (${describeChange(o, r)}), but ${month} is closed and a closed month is never edited; limit the rule to DOIs after the closed months`,
          );
          continue;
        }
        if (from === null || r.date < from) from = r.date;
      }
      const oldConv = conversionsByKey(before.conversions);
      const newConv = conversionsByKey(after.conversions);
      for (const k of new Set([...oldConv.keys(), ...newConv.keys()])) {
        const [date, portfolioId] = k.split('|') as [string, string];
        const o = oldConv.get(k);
        const n = newConv.get(k);
        if (!closed.has(date.slice(0, 7)) || o?.content === n?.content) continue;
        blame(
          new Set([...(o?.portfolioIds ?? []), ...(n?.portfolioIds ?? [])]),
          ['conversion-period'],
          `with these terms, the conversion of account ${account}'s shares of ${portfolioId} on ${date} would change, but ${date.slice(0, 7)} is closed and a closed month is never edited`,
        );
      }
      if (from !== null) changes.push({ account, from, redemptions: after.redemptions });
    }
    if (problems.length === 0) await replaceRedemptions(tx, changes);
  }
  if (unlisted > 0)
    problems.push({
      file,
      line: problems[problems.length - 1]!.line,
      field: problems[problems.length - 1]!.field,
      reason: `and ${unlisted} more redemptions, conversions or accounts the terms would change in closed months or could no longer apply`,
    });
  return { accountsReplayed: accounts.length, redemptionsChanged };
}

function describeChange(o: RedemptionResult | undefined, r: RedemptionResult): string {
  if (o === undefined) return 'a new result';
  const parts: string[] = [];
  if (o.cdscCents !== r.cdscCents)
    parts.push(`CDSC ${formatCents(o.cdscCents)} → ${formatCents(r.cdscCents)}`);
  if (o.waivedCents !== r.waivedCents)
    parts.push(`CDSC waived ${formatCents(o.waivedCents)} → ${formatCents(r.waivedCents)}`);
  if (o.redemptionFeeCents !== r.redemptionFeeCents)
    parts.push(`redemption fee ${formatCents(o.redemptionFeeCents)} → ${formatCents(r.redemptionFeeCents)}`);
  return parts.length > 0 ? parts.join(', ') : 'the lots it redeems';
}

/**
 * `plan12b class-b-terms import`: the prospectus terms of the Class B shares as data (SPEC §6):
 * CDSC schedules by issuing portfolio and DOI range, conversion periods per portfolio, redemption
 * fees per portfolio (Agreement FOURTH(A), (D)). All-or-nothing and idempotent; a row for a
 * recorded key (rule, portfolio, first DOI) restates it. Every account holding shares of an
 * affected portfolio is replayed with the new terms in the same transaction and its stored
 * redemptions rewritten; terms that would change a redemption or conversion in a closed month are
 * refused. Audited.
 */
export async function importClassBTerms(
  db: Database,
  file: string,
  bytes: Uint8Array,
): Promise<ClassBTermsImportResult> {
  return db.transaction(async (tx) => {
    // Serialises with `transactions import`, which reads the terms inside its own transaction.
    await tx.query('LOCK TABLE class_b_terms_rule IN ACCESS EXCLUSIVE MODE');
    const registry = await loadRegistry(tx);
    const { rows, problems } = readRows(
      file,
      bytes,
      classBPortfolioResolver(registry, 'write all, or import the exhibit that lists it first'),
    );
    if (problems.length > 0) throw new BadInputError(problems);
    const stored = await loadClassBTermRules(tx);
    const { merged, problems: conflicts } = conflictProblems(file, rows, stored);
    if (conflicts.length > 0) throw new BadInputError(conflicts);
    // The domain's own checks, as an assertion over the whole merged set.
    classBTermsOfRules(merged);

    const storedByKey = new Map(stored.map((t) => [keyOf(t), t]));
    const changed = rows.filter((r) => {
      const s = storedByKey.get(keyOf(r.term));
      return s === undefined || !sameTerm(s, r.term);
    });
    const restated = changed.filter((r) => storedByKey.has(keyOf(r.term))).length;
    const result = {
      file,
      rows: rows.length,
      inserted: changed.length - restated,
      restated,
      unchanged: rows.length - changed.length,
      accountsReplayed: 0,
      redemptionsChanged: 0,
    };
    if (changed.length === 0) return result;

    const oldTerms = await loadClassBTerms(tx);
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    const importId = await recordFeedImport(tx, {
      feed: 'class-b-terms',
      file,
      bytes,
      rows: rows.length,
      inserted: result.inserted,
      restated: restated,
    });
    for (const r of changed) {
      await tx.query(
        `DELETE FROM class_b_terms_rule
          WHERE rule = $1 AND portfolio_id IS NOT DISTINCT FROM $2 AND doi_from IS NOT DISTINCT FROM $3`,
        [r.term.rule, r.term.portfolioId, r.term.doiFrom],
      );
      await tx.query(
        `INSERT INTO class_b_terms_rule (rule, portfolio_id, portfolio_name, doi_from, doi_to, cdsc_schedule_pct,
           conversion_years, redemption_fee_pct, redemption_fee_days, import_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        ruleRow(r.term, importId),
      );
    }
    const newTerms = await loadClassBTerms(tx);
    const replay = await recomputeAffectedAccounts(tx, file, changed, oldTerms, newTerms, problems);
    if (problems.length > 0) throw new BadInputError(problems);
    await appendAudit(tx, {
      action: 'class-b-terms.import',
      subject: basename(file),
      contentHash,
      detail: `${result.inserted} new, ${restated} restated, ${result.unchanged} unchanged; ${replay.accountsReplayed} accounts replayed, ${replay.redemptionsChanged} redemptions changed`,
    });
    return { ...result, ...replay };
  });
}

export interface ClassBTermsList {
  readonly rules: readonly {
    readonly rule: RuleKind;
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
