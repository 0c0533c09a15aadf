import { replayAccount, replayAccountFrom } from '../class-b/classBLedger.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import { LedgerRefusal } from '../class-b/ledgerRefusal.js';
import type { AccountLedger, ConversionResult, RedemptionResult } from '../class-b/ledgerResults.js';
import type { StoredAccountLedger } from '../class-b/storedAccountLedger.js';
import type { Problem } from '../errors.js';
import { formatCents } from '../money/cents.js';
import {
  activityOfRows,
  type ClassBTransactionRow,
  type NewClassBTransaction,
} from '../store/classBRepository.js';

/**
 * The share ledger's part of the Class B imports' plans (SPEC §6, §12): replaying the accounts a
 * change touches, under the writer lock, before anything is written. A refusal of the ledger, or a
 * result that would change in a closed month, is a REFUSED problem on the line that caused it; the
 * rest is the redemptions to rewrite. Pure: the recorded activity is read by the feed's load.
 */

/** An account's stored redemptions from `from` on, as the ledger now computes them. */
export interface RedemptionRewrite {
  readonly account: string;
  readonly from: string;
  readonly redemptions: readonly RedemptionResult[];
}

/** A changed terms rule: its line, kind, scope and the field a problem it causes is reported on. */
export interface ChangedRule {
  readonly line: number;
  readonly rule: 'cdsc-schedule' | 'conversion-period' | 'redemption-fee';
  readonly portfolioId: string | null;
  readonly field: string;
}

/** Closed-month refusals listed one by one before the rest are counted. */
const MAX_LISTED_PROBLEMS = 100;

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

/** A new row in the shape of a recorded one, with the arrival number `seq`. */
export function storedRowOf(r: NewClassBTransaction, seq: string): ClassBTransactionRow {
  return {
    txn_id: r.txnId,
    seq,
    date: r.date,
    account: r.account,
    portfolio_id: r.portfolioId,
    type: r.type,
    shares: r.shares,
    price: r.price,
    exchange_id: r.exchangeId,
    waiver: r.waiver,
    attributed_distributor: r.attributedDistributor,
    derived_from_doi: r.derivedFromDoi,
  };
}

/**
 * An account's recorded rows (in order) and the file's new rows as the replay applies them: by
 * date; within a date, recorded before new, new in file order.
 */
export function accountRowsInOrder(
  recorded: readonly ClassBTransactionRow[],
  fresh: readonly NewClassBTransaction[],
): ClassBTransactionRow[] {
  const merged = [...recorded, ...fresh.map((r, i) => storedRowOf(r, `new-${String(i).padStart(12, '0')}`))];
  return merged
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
    .map((x) => x.r);
}

/**
 * Replays every touched account through the share ledger: its recorded activity, then the new
 * rows (date order; within a date, recorded before new, new in file order). A redemption of more
 * shares than held, a convert row that does not match what is due, or a systematic withdrawal past
 * its waiver is refused on its line (Agreement FOURTH; SPEC §6).
 *
 * An account in `stored` resumes from its ledger stored at a month end before every new row
 * (issue 14 item 1, stage 3), and its `history` is then only its activity after that month end;
 * the others replay from their first transaction. Both give the same redemptions and the same
 * refusals: the stored ledger is the replay's through that month end.
 */
export function replayNewTransactions(
  file: string,
  fresh: readonly (NewClassBTransaction & { readonly line: number })[],
  history: ReadonlyMap<string, readonly ClassBTransactionRow[]>,
  terms: ClassBTerms,
  stored: ReadonlyMap<string, StoredAccountLedger> = new Map(),
  /** a portfolio's name on a date, as the file's users know it (a refusal names its id otherwise) */
  nameOf: (portfolioId: string, date: string) => string = (pid) => pid,
) {
  const problems: Problem[] = [];
  const rewrites: RedemptionRewrite[] = [];
  const byAccount = new Map<string, (typeof fresh)[number][]>();
  for (const r of fresh) byAccount.set(r.account, [...(byAccount.get(r.account) ?? []), r]);
  const lineOf = new Map(fresh.map((r) => [r.txnId, r.line]));
  for (const account of [...byAccount.keys()].sort()) {
    const mine = byAccount.get(account)!;
    const ordered = accountRowsInOrder(history.get(account) ?? [], mine);
    try {
      const resumeFrom = stored.get(account);
      const ledger =
        resumeFrom === undefined
          ? replayAccount(account, activityOfRows(ordered), terms)
          : replayAccountFrom(resumeFrom, activityOfRows(ordered), terms);
      const first = mine.reduce((m, r) => (r.date < m ? r.date : m), mine[0]!.date);
      rewrites.push({ account, from: first, redemptions: ledger.redemptions });
    } catch (e) {
      if (!(e instanceof LedgerRefusal)) throw e;
      const line = lineOf.get(e.txnId);
      const refused = mine.find((r) => r.txnId === e.txnId) ?? mine[0]!;
      const reason =
        e.portfolioId === undefined
          ? e.reason
          : e.reason.split(e.portfolioId).join(nameOf(e.portfolioId, refused.date));
      problems.push(
        line !== undefined
          ? { code: 'REFUSED', file, line, field: e.field, reason }
          : {
              code: 'REFUSED',
              file,
              line: mine[0]!.line,
              field: 'date',
              reason: `with this file's activity for account ${account}, the recorded transaction ${e.txnId} can no longer be applied: ${reason}`,
            },
      );
    }
  }
  const redemptionsWritten = rewrites.reduce(
    (n, c) => n + c.redemptions.filter((r) => r.date >= c.from).length,
    0,
  );
  return { problems, rewrites, redemptionsWritten, accounts: byAccount.size };
}

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
 * Replays every account holding shares of a portfolio the changed rules touch with the old terms
 * and the new. Activity the new terms cannot apply, and a changed redemption or conversion in a
 * closed month, are refused on the rule's line; the other accounts' redemptions are rewritten from
 * the first that changed.
 */
export function replayWithNewTerms(
  file: string,
  changed: readonly ChangedRule[],
  accounts: readonly string[],
  history: ReadonlyMap<string, readonly ClassBTransactionRow[]>,
  terms: { readonly old: ClassBTerms; readonly new: ClassBTerms },
  closedMonthOf: (date: string) => string | null,
  /** the old terms with only `changed[i]` changed: to find which rule of several a refusal comes from */
  termsWithOnly?: (i: number) => ClassBTerms,
) {
  const problems: Problem[] = [];
  let unlisted = 0;
  const touchingRules = (portfolioIds: ReadonlySet<string>) =>
    changed.filter((r) => r.portfolioId === null || portfolioIds.has(r.portfolioId));
  const blame = (
    portfolioIds: ReadonlySet<string>,
    kinds: readonly ChangedRule['rule'][],
    reason: string,
    culprit?: ChangedRule,
  ) => {
    if (problems.length >= MAX_LISTED_PROBLEMS) {
      unlisted++;
      return;
    }
    const touching = touchingRules(portfolioIds);
    const row = culprit ?? touching.find((r) => kinds.includes(r.rule)) ?? touching[0] ?? changed[0]!;
    problems.push({ code: 'REFUSED', file, line: row.line, field: row.field, reason });
  };
  let redemptionsChanged = 0;
  const rewrites: RedemptionRewrite[] = [];
  for (const account of accounts) {
    const rows = history.get(account) ?? [];
    const activity = activityOfRows(rows);
    const before = replayAccount(account, activity, terms.old);
    let after: AccountLedger;
    try {
      after = replayAccount(account, activity, terms.new);
    } catch (e) {
      if (!(e instanceof LedgerRefusal)) throw e;
      const portfolioIds = new Set(rows.map((r) => r.portfolio_id));
      // several rules touch the account: the one that alone makes its activity inapplicable is the cause
      const touching = touchingRules(portfolioIds);
      const culprit =
        termsWithOnly === undefined || touching.length < 2
          ? undefined
          : touching.find((r) => {
              try {
                replayAccount(account, activity, termsWithOnly(changed.indexOf(r)));
                return false;
              } catch (alone) {
                if (!(alone instanceof LedgerRefusal)) throw alone;
                return true;
              }
            });
      blame(
        portfolioIds,
        ['cdsc-schedule', 'conversion-period', 'redemption-fee'],
        `with these terms, account ${account}'s recorded ${e.txnId} (${e.field}: ${e.reason}) can no longer be applied`,
        culprit,
      );
      continue;
    }
    const old = new Map(before.redemptions.map((r) => [r.txnId, r]));
    let from: string | null = null;
    for (const r of after.redemptions) {
      const o = old.get(r.txnId);
      if (o !== undefined && json(o) === json(r)) continue;
      redemptionsChanged++;
      const month = closedMonthOf(r.date);
      if (month !== null) {
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
      const [o, n] = [oldConv.get(k), newConv.get(k)];
      const month = closedMonthOf(date);
      if (month === null || o?.content === n?.content) continue;
      blame(
        new Set([...(o?.portfolioIds ?? []), ...(n?.portfolioIds ?? [])]),
        ['conversion-period'],
        `with these terms, the conversion of account ${account}'s shares of ${portfolioId} on ${date} would change, but ${month} is closed and a closed month is never edited`,
      );
    }
    // A Free Exchange in a closed month that would take other lots changes the holdings by DOI the
    // close counted (Exhibit A 2(a)), and the ledger stored at that month end, though no
    // redemption or conversion changes.
    const oldExchanges = new Map(before.exchanges.map((x) => [x.exchangeId, json(x)]));
    for (const x of after.exchanges) {
      const month = closedMonthOf(x.date);
      if (month === null || oldExchanges.get(x.exchangeId) === json(x)) continue;
      blame(
        new Set([x.fromPortfolioId, x.toPortfolioId, ...x.pieces.map((p) => p.issuingPortfolioId)]),
        ['cdsc-schedule', 'conversion-period'],
        `with these terms, the Free Exchange ${x.exchangeId} of account ${account} on ${x.date} would move other lots, but ${month} is closed and a closed month is never edited; limit the rule to DOIs after the closed months`,
      );
    }
    if (from !== null) rewrites.push({ account, from, redemptions: after.redemptions });
  }
  if (unlisted > 0) {
    const last = problems[problems.length - 1]!;
    problems.push({
      ...last,
      reason: `and ${unlisted} more redemptions, exchanges, conversions or accounts the terms would change in closed months or could no longer apply`,
    });
  }
  return { problems, rewrites, accountsReplayed: accounts.length, redemptionsChanged };
}
