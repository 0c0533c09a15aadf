import { largestRemainder } from '../money/largestRemainder.js';

/**
 * Exhibit A 2(c): Free Shares held in an Omnibus Account are attributed to the Distributor and
 * each Other Distributor month by month, separately for each Omnibus Account (2(c)(i)), by the
 * A × (B/C) rules for shares issued (ii), redeemed (iii) and net exchanged (iv).
 *
 * Shares are integers of 1/10,000 share. Each product A × (B/C) is split among the distributors
 * by the largest-remainder method (SPEC §3), so the parts always add up to A; ties go to the
 * party listed first (the Distributor, then the Other Distributors in order).
 */

/** What the sub-transfer agent reports for one Omnibus Account of one Portfolio for one month. */
export interface OmnibusMonth {
  /** Free Shares issued during the month other than in Free Exchange Transactions (2(c)(ii) A) */
  readonly freeSharesIssued: bigint;
  /** Free Shares redeemed during the month other than in Free Exchange Transactions (2(c)(iii) A) */
  readonly freeSharesRedeemed: bigint;
  /** Free Shares outstanding at the close of the month's last day (2(c)(iv) A) */
  readonly freeSharesOutstanding: bigint;
}

/** Shares attributed to each distributor in one Omnibus Account at a month's end. */
export interface OmnibusAttribution {
  /** Commission Shares in the account by distributor (2(a): by Date of Original Issuance) */
  readonly commissionShares: readonly bigint[];
  /** Free Shares in the account attributed to each distributor under 2(c) */
  readonly freeShares: readonly bigint[];
}

/** One month's computation, with the figures of each rule for the record. */
export interface OmnibusMonthResult {
  readonly issued: readonly bigint[];
  readonly redeemed: readonly bigint[];
  readonly netExchangeShares: bigint;
  readonly netExchanged: readonly bigint[];
  readonly freeShares: readonly bigint[];
  readonly rules: {
    readonly issuedC: bigint;
    readonly redeemedC: bigint;
    readonly exchangeG: bigint;
  };
}

function sum(xs: readonly bigint[]): bigint {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
}

/**
 * Splits `amount` in proportion to `weights`; where every weight is zero (no shares outstanding
 * at the last month end), the whole goes to `fallbackParty` — the distributor exclusive at the time.
 */
function attribute(amount: bigint, weights: readonly bigint[], fallbackParty: number): bigint[] {
  if (amount === 0n) return weights.map(() => 0n);
  if (sum(weights) === 0n) return weights.map((_, i) => (i === fallbackParty ? amount : 0n));
  return largestRemainder(amount, weights);
}

/**
 * Exhibit A 2(c)(ii)–(iv) for one Omnibus Account and one month. `previous` is the attribution at
 * the close of the preceding month; `commissionSharesNow` the account's Commission Shares by
 * distributor at this month's end (2(a)); `exclusive` the index of the distributor then exclusive.
 *
 * @example
 * // Distributor 600 free + 300 commission, Other 100 free; 100 issued, 70 redeemed, 650 outstanding
 * // → issued 90 / 10, redeemed 60 / 10, Net Exchange Shares −80 → −68.5714 / −11.4286
 * // (test/allocation/exhibit-a-omnibus-two-distributors-three-months.test.ts)
 */
export function attributeOmnibusFreeShares(
  previous: OmnibusAttribution,
  month: OmnibusMonth,
  commissionSharesNow: readonly bigint[],
  exclusive: number,
): OmnibusMonthResult {
  const parties = previous.freeShares.length;
  if (previous.commissionShares.length !== parties || commissionSharesNow.length !== parties)
    throw new RangeError('one figure per distributor is needed');
  for (const v of [month.freeSharesIssued, month.freeSharesRedeemed, month.freeSharesOutstanding])
    if (v < 0n) throw new RangeError('share counts cannot be negative');

  // (ii) A × (B/C): B = Commission Shares and Free Shares (Omnibus Shares) attributed to the
  // distributor at the last month end; C = all of them.
  const issuedWeights = previous.freeShares.map((f, i) => f + previous.commissionShares[i]!);
  const issued = attribute(month.freeSharesIssued, issuedWeights, exclusive);

  // (iii) A × (B/C): B = Free Shares attributed to the distributor; C = all Free Shares, both at the
  // last month end. B/C can attribute no more than those C shares: where more were redeemed (C = 0,
  // or more than C), the rest were issued during the month — Free Shares are redeemed oldest first
  // (SPEC §6) — and Exhibit A gives no rule for them, so they follow the attribution (ii) gave the
  // month's issued shares. (A × (B/C) taken literally would leave a distributor a negative number of
  // Free Shares, and the next month's B/C negative weights.) Redeemed beyond those too, they came in
  // by exchange during the month: they go with the Net Exchange Shares, by F/G (iv).
  const freeBefore = sum(previous.freeShares);
  const fromLastMonthEnd = month.freeSharesRedeemed < freeBefore ? month.freeSharesRedeemed : freeBefore;
  const beyondLastMonthEnd = month.freeSharesRedeemed - fromLastMonthEnd;
  const ofTheMonth =
    beyondLastMonthEnd < month.freeSharesIssued ? beyondLastMonthEnd : month.freeSharesIssued;
  const exchangedIn = beyondLastMonthEnd - ofTheMonth;
  const redeemedOfLastMonthEnd = attribute(fromLastMonthEnd, previous.freeShares, exclusive);
  const redeemedOfTheMonth = attribute(ofTheMonth, issued, exclusive);

  // (iv) Net Exchange Shares = A − B − C + D, then E × (F/G) with F/G as in (iii). Where G = 0, or
  // where F/G would take out of a distributor more Free Shares than it holds before the exchanges
  // (shares issued in the month exchanged out), they go by the Free Shares each holds before them.
  const netExchangeShares =
    month.freeSharesOutstanding - freeBefore - month.freeSharesIssued + month.freeSharesRedeemed;
  let redeemed: bigint[];
  let netExchanged: bigint[];
  if (exchangedIn > 0n) {
    // Every Free Share of the last month end and of the month's issues was redeemed: those
    // outstanding now, and those redeemed after they came in, are the Net Exchange Shares, by F/G
    // (with G = 0, the distributor then exclusive) — never a negative number for anyone.
    const remaining = attribute(month.freeSharesOutstanding, previous.freeShares, exclusive);
    const redeemedAfterComingIn = attribute(exchangedIn, previous.freeShares, exclusive);
    redeemed = redeemedOfLastMonthEnd.map((r, i) => r + redeemedOfTheMonth[i]! + redeemedAfterComingIn[i]!);
    netExchanged = remaining.map((r, i) => r + redeemedAfterComingIn[i]!);
  } else {
    redeemed = redeemedOfLastMonthEnd.map((r, i) => r + redeemedOfTheMonth[i]!);
    const heldBeforeExchanges = previous.freeShares.map((f, i) => f + issued[i]! - redeemed[i]!);
    const literal = freeBefore === 0n ? null : attribute(netExchangeShares, previous.freeShares, exclusive);
    netExchanged = literal?.every((n, i) => heldBeforeExchanges[i]! + n >= 0n)
      ? literal
      : attribute(
          netExchangeShares,
          heldBeforeExchanges.some((h) => h < 0n) ? previous.freeShares.map(() => 0n) : heldBeforeExchanges,
          exclusive,
        );
  }

  // The parts add up to the Free Shares outstanding by the definition of Net Exchange Shares
  // (A − B − C + D), so asserting it here could not fail (SPEC §12); the independent check is the
  // sub-transfer agent's outstanding figure against the transfer agent's lots
  // (distributorShareSchedule), and the recount of the shares by account in the Monthly Calculation.
  const freeShares = previous.freeShares.map((f, i) => f + issued[i]! - redeemed[i]! + netExchanged[i]!);
  return {
    issued,
    redeemed,
    netExchangeShares,
    netExchanged,
    freeShares,
    rules: { issuedC: sum(issuedWeights), redeemedC: freeBefore, exchangeG: freeBefore },
  };
}
