/**
 * An independent calculator for the Distributor's 12b-1 Share and the Monthly Calculation (SPEC §3,
 * §6–§9; Agreement SEVENTH(B), EIGHTH; Exhibit A), written from the documents in plain integer
 * arithmetic — shares in units of 0.0001, money in cents — and sharing no code with the product.
 * Tests build a complex through the product's feeds from the same transactions and compare.
 */

// ---------------------------------------------------------------- calendar (SPEC §9)

/** NYSE holidays and unscheduled closures of the years the tests use, listed by hand. */
const CLOSED = new Set([
  // 2001: Labor Day; 9/11 closures
  '2001-09-03',
  '2001-09-11',
  '2001-09-12',
  '2001-09-13',
  '2001-09-14',
  // 2004: Memorial Day, President Reagan's funeral, Independence Day (Sunday → Monday)
  '2004-05-31',
  '2004-06-11',
  '2004-07-05',
  // 2007: New Year, President Ford's funeral, MLK, Good Friday
  '2007-01-01',
  '2007-01-02',
  '2007-01-15',
  '2007-04-06',
  // 2012: Hurricane Sandy, Thanksgiving
  '2012-10-29',
  '2012-10-30',
  '2012-11-22',
  // 2018: Thanksgiving, President Bush's funeral, Christmas
  '2018-11-22',
  '2018-12-05',
  '2018-12-25',
  // 2020: Independence Day (Saturday → Friday)
  '2020-07-03',
  // 2021: Independence Day (Sunday → Monday)
  '2021-07-05',
  // 2022: Juneteenth (Sunday → Monday), Independence Day
  '2022-06-20',
  '2022-07-04',
  // 2024
  '2024-01-01',
  '2024-01-15',
  '2024-02-19',
  '2024-03-29',
  '2024-05-27',
  '2024-06-19',
  '2024-07-04',
  '2024-09-02',
  '2024-11-28',
  '2024-12-25',
  // 2025: New Year, President Carter's day of mourning, MLK
  '2025-01-01',
  '2025-01-09',
  '2025-01-20',
]);

export function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

export function isBusinessDay(d: string): boolean {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !CLOSED.has(d);
}

export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
}

export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** EIGHTH / SEVENTH(B): the 10th NYSE business day after the month's end. */
export function tenthBusinessDayAfter(month: string): string {
  let d = lastDay(month);
  let n = 0;
  while (n < 10) {
    d = nextDay(d);
    if (isBusinessDay(d)) n++;
  }
  return d;
}

// ---------------------------------------------------------------- arithmetic (SPEC §3)

/** round_half_up(n / d) for n ≥ 0, d > 0 */
export function halfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/**
 * Largest remainder: `whole` split by the weights `num[i] / den` (which add up to `whole` exactly);
 * floors first, then one unit each to the largest remainders, ties to the earlier party.
 */
export function largestRemainder(whole: bigint, nums: readonly bigint[], den: bigint): bigint[] {
  const floors = nums.map((n) => n / den);
  let left = whole - floors.reduce((s, x) => s + x, 0n);
  const order = nums
    .map((n, i) => ({ i, r: n % den }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const o of order) {
    if (left <= 0n) break;
    floors[o.i]! += 1n;
    left--;
  }
  return floors;
}

/** `whole` split in proportion to integer weights (largest remainder). */
export function splitByWeights(whole: bigint, weights: readonly bigint[]): bigint[] {
  const total = weights.reduce((s, x) => s + x, 0n);
  if (total === 0n) return weights.map((_, i) => (i === 0 ? whole : 0n));
  return largestRemainder(
    whole,
    weights.map((w) => whole * w),
    total,
  );
}

/** exact rational, denominator > 0 */
export interface Q {
  n: bigint;
  d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};
export function q(n: bigint, d = 1n): Q {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
export const qAdd = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const qMul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);

/** Split a whole among exact quotas (which add up to it) by largest remainder. */
export function splitExact(whole: bigint, quotas: readonly Q[]): bigint[] {
  const den = quotas.reduce((l, x) => (l * x.d) / gcd(l, x.d), 1n);
  const nums = quotas.map((x) => (x.n * den) / x.d);
  return largestRemainder(whole, nums, den);
}

export const cents = (s: string): bigint => {
  const neg = s.startsWith('-');
  const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(i!) * 100n + BigInt((f + '00').slice(0, 2));
  return neg ? -v : v;
};
export const units = (s: string): bigint => {
  const [i, f = ''] = s.split('.');
  return BigInt(i!) * 10_000n + BigInt((f + '0000').slice(0, 4));
};
export const money = (c: bigint) => {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};
export const shareStr = (u: bigint) => `${u / 10_000n}.${String(u % 10_000n).padStart(4, '0')}`;

// ---------------------------------------------------------------- distributors (Exhibit A 2(a))

export interface Term {
  portfolio: string | 'all';
  distributor: string;
  start: string;
  end: string | null;
}

/** Whose term holds the date for the portfolio: a portfolio's own term first, else an `all` term. */
export function distributorOn(terms: readonly Term[], portfolio: string, date: string): string | null {
  const holds = (t: Term) => t.start <= date && (t.end === null || date <= t.end);
  const own = terms.find((t) => t.portfolio === portfolio && holds(t));
  if (own) return own.distributor;
  return terms.find((t) => t.portfolio === 'all' && holds(t))?.distributor ?? null;
}

// ---------------------------------------------------------------- the share ledger (SPEC §6)

export interface Txn {
  date: string;
  id: string;
  account: string;
  portfolio: string;
  type: 'purchase' | 'reinvest' | 'redeem' | 'exchange_out' | 'exchange_in';
  shares: string;
  price: string;
  exchangeId?: string;
  attributedDistributor?: string;
  derivedFromDoi?: string;
  waiver?: string;
}

export interface Lot {
  id: string;
  account: string;
  portfolio: string;
  issuing: string;
  doi: string;
  kind: 'commission' | 'free';
  units: bigint;
  cost: bigint;
  /** free shares of a non-omnibus account: the distributor fixed at issue (2(b)) */
  attributed: string | null;
  issuedOn: string;
}

export interface CdscPiece {
  date: string;
  txnId: string;
  portfolio: string;
  issuing: string;
  doi: string;
  cents: bigint;
  /** whose term held the DOI for the portfolio that first issued the shares (SPEC §6) */
  earnedBy: string | null;
}

/** CDSC rate in percent by complete years since the DOI (anniversary-based). */
function cdscPct(doi: string, on: string): bigint {
  const [y, m, d] = doi.split('-').map(Number) as [number, number, number];
  let years = 0;
  for (;;) {
    const ay = y + years + 1;
    const anniversary =
      m === 2 && d === 29 && !(ay % 4 === 0 && (ay % 100 !== 0 || ay % 400 === 0))
        ? `${ay}-02-28`
        : `${ay}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (anniversary > on) break;
    years++;
  }
  return [5n, 4n, 3n, 3n, 2n, 1n][years] ?? 0n;
}

export class Ledger {
  lots: Lot[] = [];
  pieces: CdscPiece[] = [];
  constructor(
    readonly terms: readonly Term[],
    readonly omnibus: ReadonlySet<string>,
    /** the order parties are listed in: the Distributor first, then the others by name */
    readonly partyOrder: (names: string[]) => string[],
  ) {}

  private held(account: string, portfolio: string) {
    return this.lots.filter((l) => l.account === account && l.portfolio === portfolio && l.units > 0n);
  }

  /** Free Shares oldest first, then Commission Shares past the CDSC period, then the rest, oldest DOI first. */
  private inOrder(lots: Lot[], on: string): Lot[] {
    const free = lots.filter((l) => l.kind === 'free').sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : 1));
    const comm = lots.filter((l) => l.kind === 'commission');
    const past = comm.filter((l) => cdscPct(l.doi, on) === 0n).sort((a, b) => (a.doi < b.doi ? -1 : 1));
    const bearing = comm.filter((l) => cdscPct(l.doi, on) > 0n).sort((a, b) => (a.doi < b.doi ? -1 : 1));
    return [...free, ...past, ...bearing];
  }

  /** take `want` units in redemption order: the pieces, each with the cost it gives up */
  private take(account: string, portfolio: string, want: bigint, on: string) {
    const out: { lot: Lot; units: bigint; cost: bigint }[] = [];
    for (const lot of this.inOrder(this.held(account, portfolio), on)) {
      if (want === 0n) break;
      const u = lot.units < want ? lot.units : want;
      const cost = u === lot.units ? lot.cost : halfUp(lot.cost * u, lot.units);
      lot.units -= u;
      lot.cost -= cost;
      want -= u;
      out.push({ lot, units: u, cost });
    }
    if (want !== 0n) throw new Error(`calculator: ${account} holds too few shares of ${portfolio} on ${on}`);
    return out;
  }

  apply(txns: readonly Txn[]): void {
    const byExchange = new Map<string, Txn[]>();
    for (const t of txns) {
      const u = units(t.shares);
      const priceCents4 = units(t.price); // price in 1/10,000 dollar
      if (t.type === 'purchase')
        this.lots.push({
          id: t.id,
          account: t.account,
          portfolio: t.portfolio,
          issuing: t.portfolio,
          doi: t.date,
          kind: 'commission',
          units: u,
          cost: halfUp(u * priceCents4, 10_000n * 100n),
          attributed: null,
          issuedOn: t.date,
        });
      else if (t.type === 'reinvest') {
        const free = (distributor: string | null, n: bigint, suffix: string): Lot => ({
          id: `${t.id}${suffix}`,
          account: t.account,
          portfolio: t.portfolio,
          issuing: t.portfolio,
          doi: t.date,
          kind: 'free',
          units: n,
          cost: 0n,
          attributed: distributor,
          issuedOn: t.date,
        });
        if (this.omnibus.has(t.account)) this.lots.push(free(null, u, ''));
        else if (t.attributedDistributor) this.lots.push(free(t.attributedDistributor, u, ''));
        else if (t.derivedFromDoi)
          this.lots.push(free(distributorOn(this.terms, t.portfolio, t.derivedFromDoi), u, ''));
        else {
          // 2(b) pro rata to the account's Commission Shares in the portfolio by distributor
          const by = new Map<string, bigint>();
          for (const l of this.held(t.account, t.portfolio))
            if (l.kind === 'commission') {
              const who = distributorOn(this.terms, l.issuing, l.doi)!;
              by.set(who, (by.get(who) ?? 0n) + l.units);
            }
          const names = this.partyOrder([...by.keys()]);
          const parts = splitByWeights(
            u,
            names.map((n) => by.get(n)!),
          );
          names.forEach((n, i) => {
            if (parts[i]! > 0n) this.lots.push(free(n, parts[i]!, `:${n}`));
          });
        }
      } else if (t.type === 'redeem') {
        for (const p of this.take(t.account, t.portfolio, u, t.date)) {
          if (p.lot.kind !== 'commission') continue;
          const value = halfUp(p.units * priceCents4, 10_000n * 100n);
          const base = p.cost < value ? p.cost : value;
          // a waiver makes the CDSC zero (SPEC §6)
          const c = t.waiver ? 0n : halfUp(base * cdscPct(p.lot.doi, t.date), 100n);
          this.pieces.push({
            date: t.date,
            txnId: t.id,
            portfolio: t.portfolio,
            issuing: p.lot.issuing,
            doi: p.lot.doi,
            cents: c,
            earnedBy: distributorOn(this.terms, p.lot.issuing, p.lot.doi),
          });
        }
      } else {
        const legs = byExchange.get(t.exchangeId!) ?? [];
        legs.push(t);
        byExchange.set(t.exchangeId!, legs);
        if (legs.length === 2) {
          const out = legs.find((l) => l.type === 'exchange_out')!;
          const inn = legs.find((l) => l.type === 'exchange_in')!;
          const pieces = this.take(out.account, out.portfolio, units(out.shares), out.date);
          const delivered = units(inn.shares);
          const parts = splitByWeights(
            delivered,
            pieces.map((p) => p.units),
          );
          pieces.forEach((p, i) => {
            this.lots.push({
              ...p.lot,
              id: `${p.lot.id}>${inn.id}`,
              portfolio: inn.portfolio,
              units: parts[i]!,
              cost: p.cost,
            });
          });
        }
      }
    }
  }
}

// ---------------------------------------------------------------- Exhibit A

/** The sub-transfer agent's monthly figures (2(c)), in units. */
export interface OmnibusFigures {
  issued: bigint;
  redeemed: bigint;
  outstanding: bigint;
}

export type Parties = Map<string, bigint>;

export function addTo(m: Parties, who: string, n: bigint): void {
  m.set(who, (m.get(who) ?? 0n) + n);
}

/** Commission Shares (2(a)) of one account and portfolio by distributor. */
export function commissionBy(ledger: Ledger, account: string, portfolio: string): Parties {
  const m: Parties = new Map();
  for (const l of ledger.lots)
    if (l.account === account && l.portfolio === portfolio && l.kind === 'commission' && l.units > 0n)
      addTo(m, distributorOn(ledger.terms, l.issuing, l.doi)!, l.units);
  return m;
}

/** Non-omnibus Free Shares (2(b)) of a portfolio by the distributor fixed at issue. */
export function freeBy(ledger: Ledger, portfolio: string): Parties {
  const m: Parties = new Map();
  for (const l of ledger.lots)
    if (l.portfolio === portfolio && l.kind === 'free' && l.units > 0n && !ledger.omnibus.has(l.account))
      addTo(m, l.attributed!, l.units);
  return m;
}

/**
 * 2(c) for one Omnibus Account and portfolio, one month: the free shares attributed at the previous
 * computation (`prevFree`) and the commission shares then (`prevCommission`) carried to month end
 * by (ii) A×(B/C), (iii) A×(B/C) and (iv) E×(F/G). Each product is split by largest remainder at
 * 0.0001 share among the distributors, listed in party order.
 */
export function omnibusMonth(
  order: (names: string[]) => string[],
  prevFree: Parties,
  prevCommission: Parties,
  f: OmnibusFigures,
): Parties {
  const names = order([...new Set([...prevFree.keys(), ...prevCommission.keys()])]);
  const b = names.map((n) => (prevFree.get(n) ?? 0n) + (prevCommission.get(n) ?? 0n));
  const freeB = names.map((n) => prevFree.get(n) ?? 0n);
  const issued = splitByWeights(f.issued, b);
  const redeemed = splitByWeights(f.redeemed, freeB);
  const prevTotal = freeB.reduce((s, x) => s + x, 0n);
  const net = f.outstanding - prevTotal - f.issued + f.redeemed;
  const negative = net < 0n;
  const exchanged = splitByWeights(negative ? -net : net, freeB);
  const out: Parties = new Map();
  names.forEach((n, i) => {
    out.set(n, freeB[i]! + issued[i]! - redeemed[i]! + (negative ? -exchanged[i]! : exchanged[i]!));
  });
  return out;
}
