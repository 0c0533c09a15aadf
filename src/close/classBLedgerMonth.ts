import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { accountStateAtMonthEnd } from '../class-b/accountStateAtMonthEnd.js';
import { accountsChangedInMonth } from '../class-b/accountsChangedInMonth.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import type { LastHeldIssuance } from '../class-b/lastHeldIssuance.js';
import type { RedemptionResult } from '../class-b/ledgerResults.js';
import { type ClassBMonthResult, compileMonthPassFor } from '../class-b/monthPass.js';
import type { ClassBLedgerState, MonthTransactionColumns } from '../class-b/monthPassColumns.js';
import {
  KeyDictionary,
  type MonthPassDictionaries,
  monthRecordsOf,
  monthTransactionsOf,
  type NamingDictionaries,
} from '../class-b/monthPassRecords.js';
import { parsePriceUnits } from '../class-b/pricePerShare.js';
import { parseShareUnits } from '../class-b/shareUnits.js';
import { InternalError } from '../errors.js';
import { parseCents } from '../money/cents.js';
import {
  activityOfRows,
  loadTransactionsOf,
  type RedemptionHeadRow,
  type RedemptionPieceRow,
  redemptionCountBetween,
  storedRedemptionsOfAccounts,
  transactionsOfAccountKeys,
} from '../store/classBRepository.js';
import type { Queryable } from '../store/database.js';
import {
  type AccountKeyRange,
  accountKeyRanges,
  analyzeLedgerState,
  latestLedgerStateMonth,
  ledgerStateDictionaries,
  ledgerStateReadWhole,
  markLedgerStateMonth,
  readLedgerStateChunk,
  readMonthTransactionColumns,
  readStoredRedemptionColumns,
  recordLedgerPortfolios,
  writeLedgerStateChunk,
} from '../store/ledgerStateRepository.js';
import { previousMonth } from './closeOrder.js';
import { bootstrapLedgerState, LEDGER_STATE_CHUNK_ACCOUNTS } from './ledgerStateBootstrap.js';
import { checkStoredRedemptions } from './storedRedemptionCheck.js';

/** A chunk's ledger at the start and at the end of the month, with the names of its keys. */
export interface ClassBMonthChunkStates {
  readonly start: ClassBLedgerState;
  readonly end: ClassBLedgerState;
  readonly accountNames: ReadonlyMap<number, string>;
  readonly dictionaries: MonthPassDictionaries;
}

/** What a redemption stored by the import says, as the ledger's integers (SPEC §6, Agreement FOURTH(D)). */
function storedRedemptionText(head: RedemptionHeadRow, pieces: readonly RedemptionPieceRow[]): string {
  return JSON.stringify([
    head.txn_id,
    head.account,
    head.portfolio_id,
    head.date,
    String(parseShareUnits(head.shares)),
    String(parsePriceUnits(head.price)),
    head.waiver,
    String(parseCents(head.gross)),
    String(parseCents(head.cdsc)),
    String(parseCents(head.cdsc_waived)),
    String(parseCents(head.redemption_fee)),
    String(parseCents(head.net)),
    pieces.map((p) => [
      p.lot_id,
      p.kind,
      p.doi,
      p.issuing_portfolio_id,
      String(parseShareUnits(p.shares)),
      String(parseCents(p.cost)),
      String(parseCents(p.cdsc)),
      String(parseCents(p.cdsc_waived)),
    ]),
  ]);
}

/** The same for a redemption the month pass computed. */
function computedRedemptionText(account: string, r: RedemptionResult): string {
  return JSON.stringify([
    r.txnId,
    account,
    r.portfolioId,
    r.date,
    String(r.shareUnits),
    String(r.priceUnits),
    r.waiver,
    String(r.grossCents),
    String(r.cdscCents),
    String(r.waivedCents),
    String(r.redemptionFeeCents),
    String(r.netCents),
    r.pieces.map((p) => [
      p.lotId,
      p.kind,
      p.dateOfOriginalIssuance,
      p.issuingPortfolioId,
      String(p.shareUnits),
      String(p.costCents),
      String(p.cdscCents),
      String(p.waivedCents),
    ]),
  ]);
}

function notAmongThePass(month: string, n: number, first: string): InternalError {
  return new InternalError(
    new Error(
      `${n} stored redemptions of ${month} (first ${first}) are not among the month pass's; the month is not sealed`,
    ),
  );
}

/**
 * The reference read of a chunk's month (issue 14: kept for the differential tests): the
 * accounts' transactions as text rows, activity records (activityOfRows), then columns.
 */
async function monthTransactionsByRecords(
  q: Queryable,
  month: string,
  range: AccountKeyRange,
  accountNames: ReadonlyMap<number, string>,
  d: MonthPassDictionaries,
): Promise<MonthTransactionColumns> {
  const keyOf = new Map<string, number>();
  for (const [k, name] of accountNames) keyOf.set(name, k);
  const byAccount = [...(await transactionsOfAccountKeys(q, range, monthEnd(month), monthStart(month)))].map(
    ([account, rows]) => ({ account, activity: activityOfRows(rows) }),
  );
  return monthTransactionsOf(byAccount, d, (account) => keyOf.get(account)!);
}

/**
 * The reference check of a chunk's redemptions against the stored ones: each as the text of its
 * fields (decimals parsed), records from the pass's columns. Throws on the first difference;
 * returns the redemptions checked.
 */
async function checkRedemptionsByRecords(
  q: Queryable,
  month: string,
  result: ClassBMonthResult,
  named: NamingDictionaries,
  accounts: readonly string[],
): Promise<number> {
  const storedText = new Map<string, string>();
  for await (const part of storedRedemptionsOfAccounts(q, accounts, monthStart(month), monthEnd(month)))
    for (const r of part) storedText.set(r.head.txn_id, storedRedemptionText(r.head, r.pieces));
  let redemptions = 0;
  for (const [account, records] of monthRecordsOf(result, named))
    for (const r of records.redemptions) {
      const want = storedText.get(r.txnId);
      if (want !== computedRedemptionText(account, r))
        throw new InternalError(
          new Error(
            `redemption ${r.txnId} of account ${account} (${r.date}): the month pass computes ${computedRedemptionText(account, r)}, the import stored ${want ?? 'nothing'}; the month is not sealed`,
          ),
        );
      storedText.delete(r.txnId);
      redemptions++;
    }
  if (storedText.size > 0) throw notAmongThePass(month, storedText.size, [...storedText.keys()][0]!);
  return redemptions;
}

/**
 * The close of month M applies the Class B month to the stored ledger (issue 14 item 1): chunk
 * by chunk of accounts, the state at the end of M−1 (built from the transactions first where no
 * close wrote it: {@link bootstrapLedgerState}) and M's transactions go through the month pass
 * (monthPass.ts), and the state at the end of M is written for the accounts the month changed.
 * The month's redemptions were computed and stored by the imports (SPEC §6); the pass must find
 * the same, to the cent and piece by piece: a difference is a bug, and the close stops (exit 70)
 * rather than seal it. Runs inside the close's transaction: a close that fails writes nothing.
 */
export async function applyClassBMonth(
  q: Queryable,
  month: string,
  terms: ClassBTerms,
  opts: {
    readonly chunkAccounts?: number;
    /**
     * Sees each chunk's ledger at the end of M−1 and at the end of M while it is in memory (Exhibit
     * A and the DOI counts of those dates, read from the pass instead of the store).
     */
    readonly visit?: (chunk: ClassBMonthChunkStates) => void;
    /**
     * The reference paths (tests): the month's transactions read as activity records, the
     * redemptions checked as text and the new attributions written through ON CONFLICT, instead of
     * COPY-decoded columns, integers and a COPY of the new ones alone.
     */
    readonly reference?: boolean;
  } = {},
): Promise<{ accounts: number; changed: number; lots: number; redemptions: number }> {
  const chunkAccounts = opts.chunkAccounts ?? LEDGER_STATE_CHUNK_ACCOUNTS;
  const start = monthEnd(previousMonth(month));
  const end = monthEnd(month);
  if ((await latestLedgerStateMonth(q, start)) !== start)
    await bootstrapLedgerState(q, start, terms, { chunkAccounts });
  const d = await ledgerStateDictionaries(q);
  let accounts = 0;
  let changed = 0;
  let lots = 0;
  let redemptions = 0;
  for (const range of await accountKeyRanges(q, chunkAccounts)) {
    // a chunk's transaction and exchange names are its own, so memory stays bounded
    const cd: MonthPassDictionaries = { ...d, txns: new KeyDictionary(), exchanges: new KeyDictionary() };
    const chunk = await readLedgerStateChunk(q, start, range, cd, {
      // a state written before migration 35 did not record the first issuances of the DOIs an
      // account no longer holds (lastHeldIssuance.ts): derived by replaying the account's
      // transactions through the start of the month, and written with the month's state
      deriveLastHeld: async (accounts) => {
        const rows = await loadTransactionsOf(
          q,
          accounts.map((a) => a.account),
        );
        const out = new Map<number, readonly LastHeldIssuance[]>();
        for (const a of accounts) {
          const activity = activityOfRows((rows.get(a.account) ?? []).filter((r) => r.date <= start));
          out.set(a.key, accountStateAtMonthEnd(a.account, a.omnibus, activity, terms, start).lastHeld ?? []);
        }
        return out;
      },
    });
    const transactions =
      opts.reference === true
        ? await monthTransactionsByRecords(q, month, range, chunk.accountNames, cd)
        : await readMonthTransactionColumns(q, chunk.accountNames, monthStart(month), end, cd);
    const pass = compileMonthPassFor(month, terms, cd);
    let result: ReturnType<typeof pass.apply>;
    try {
      result = pass.apply(chunk.state, transactions);
    } catch (e) {
      // the imports applied every one of these transactions: the pass refusing one is a bug
      throw new InternalError(
        new Error(
          `the Class B month pass of ${month} failed on transactions the imports accepted: ${(e as Error).message}`,
        ),
      );
    }
    // the chunk's accounts' stored redemptions only (issue 14: never the month's at once)
    const named: NamingDictionaries = { ...cd, accounts: { name: (k) => chunk.accountNames.get(k)! } };
    const names = [...chunk.accountNames.values()];
    if (opts.reference === true)
      redemptions += await checkRedemptionsByRecords(q, month, result, named, names);
    else {
      const check = checkStoredRedemptions(
        result.redemptions,
        await readStoredRedemptionColumns(q, names, monthStart(month), end),
        named,
      );
      if (check.kind !== 'same') {
        // the record check says what differs, as text (and must find it too)
        await checkRedemptionsByRecords(q, month, result, named, names);
        throw new InternalError(
          new Error(
            `the month pass's redemptions of ${month} differ from the stored ones (${check.kind === 'differs' ? `redemption ${named.txns.name(result.redemptions.txn[check.index]!)}` : `${check.count} not computed`}), which the record check does not find; the month is not sealed`,
          ),
        );
      }
      redemptions += check.redemptions;
    }
    opts.visit?.({
      start: chunk.state,
      end: result.state,
      accountNames: chunk.accountNames,
      dictionaries: cd,
    });
    const flags = accountsChangedInMonth(result, transactions);
    await recordLedgerPortfolios(q, d.portfolios);
    const written = await writeLedgerStateChunk(q, end, result.state, cd, {
      include: (a) => flags[a]! || chunk.lastHeldDerived.has(result.state.accounts.key[a]!),
      storedAttributions: chunk.storedAttributions,
      // the reference writes the attributions through ON CONFLICT, the fast path by COPY alone
      ...(opts.reference === true ? {} : { attributionKeysStored: chunk.storedAttributionKeys }),
    });
    accounts += result.state.accounts.count;
    changed += written.accounts;
    lots += written.lots;
  }
  // the close's check of the ledger it starts from has every account's row now (month9)
  ledgerStateReadWhole(q, start);
  // every stored redemption is some chunk's account's: the count shows none was left unread
  const storedCount = await redemptionCountBetween(q, monthStart(month), end);
  if (storedCount !== redemptions) throw notAmongThePass(month, storedCount - redemptions, 'unknown');
  await markLedgerStateMonth(q, end, { accounts: changed, lots, bootstrapped: false });
  await analyzeLedgerState(q);
  return { accounts, changed, lots, redemptions };
}
