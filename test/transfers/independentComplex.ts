import { expect } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importOmnibusMonths } from '../../src/feeds/omnibusFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import type { Journal } from '../../src/reports/journal.js';
import { monthlyCalculationCsvRows } from '../../src/reports/monthlyCalculationCsv.js';
import type { MonthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { withActor } from '../../src/store/actor.js';
import type { Database } from '../../src/store/database.js';
import {
  addTo,
  cents,
  commissionBy,
  daysOf,
  distributorOn,
  freeBy,
  halfUp,
  isBusinessDay,
  Ledger,
  lastDay,
  money,
  type OmnibusFigures,
  omnibusMonth,
  type Parties,
  type Q,
  q,
  qAdd,
  qMul,
  shareStr,
  splitByWeights,
  splitExact,
  type Term,
  type Txn,
  tenthBusinessDayAfter,
} from './independentCalculator.js';

/**
 * A small Class B complex described once: fed to the product through its own feeds
 * ({@link Complex.build}) and computed by the independent calculator ({@link Complex.expected}),
 * with the comparisons of the product's answers to the calculator's. The Distributor is the first
 * `all` term's holder; its term ends on `E`; the months compared follow E's month.
 */

export interface TransferTerms {
  id: string;
  assignee: string;
  portfolio: string | 'all';
  /** percent, as the feed writes it ('12.5'); '0' for none */
  twelveB1Pct: string;
  cdscPct: string;
  doiFrom: string | null;
  doiTo: string | null;
  effective: string;
  /** null: the notice of Transfer never received */
  notice: string | null;
  agent: string | null;
}

export interface ComplexSpec {
  distributor: string;
  terms: Term[];
  E: string;
  /** the months compared, E's month first */
  months: string[];
  portfolios: string[];
  accounts: { id: string; omnibus: boolean }[];
  txns: Txn[];
  /** month → account → portfolio → figures */
  omnibusFigures: Record<string, Record<string, Record<string, OmnibusFigures>>>;
  transfers: TransferTerms[];
  /** net assets of a business day, in cents */
  netAssetsCents: (portfolio: string, date: string) => bigint;
}

export interface ByRule {
  a: bigint;
  b: bigint;
  c: bigint;
}
export const totalOf = (r: ByRule) => r.a + r.b + r.c;

export interface Expected {
  distributionFee: bigint;
  computations: {
    computedOn: string | null;
    from: string;
    to: string;
    fee: bigint;
    parties: Map<string, bigint>;
  }[];
  distributor12b1: bigint;
  others: Map<string, bigint>;
  earnedCdsc: bigint;
  assignees: Map<string, { twelveB1: bigint; cdsc: bigint; payTo: string; owedOn: bigint }>;
  distributor12b1Portion: bigint;
  distributorCdscPortion: bigint;
  payees: Map<string, { total: bigint; owedOn: bigint }>;
  /** the Distributor's own and each Transfer's 12b-1 Portion, the month's share split at once */
  split12Month: bigint[];
  /** per Exhibit A computation: the Distributor's dollars, and each Transfer's exact and split part */
  segments: {
    from: string;
    to: string;
    whole: bigint;
    byTransfer: Map<string, { exact: Q; cents: bigint }>;
  }[];
}

/** the product's payee names: a depository is named with the Transfer it is the agent for */
export const payeeName = (name: string) => name.replace(/ \(depository for .*\)$/, '');

/** a percent string as a fraction of the whole */
function pctOf(s: string): Q {
  const [i, f = ''] = s.split('.');
  return q(BigInt(`${i}${f}`), 100n * 10n ** BigInt(f.length));
}

const csv = (rows: string[]) => Buffer.from(rows.join('\n'));

export class Complex {
  private readonly ledgers = new Map<string, Ledger>();
  private readonly omnibusFree = new Map<string, Map<string, Map<string, Parties>>>(); // date → acct → p
  private readonly expectedMemo = new Map<string, Expected>();

  constructor(readonly spec: ComplexSpec) {
    this.attributeOmnibus();
  }

  /** the Distributor first, then the others by name (SPEC §3) */
  readonly order = (names: string[]) => [
    ...names.filter((n) => n === this.spec.distributor),
    ...names.filter((n) => n !== this.spec.distributor).sort(),
  ];

  private get omnibusAccounts(): string[] {
    return this.spec.accounts.filter((a) => a.omnibus).map((a) => a.id);
  }

  async build(db: Database): Promise<void> {
    const s = this.spec;
    await withActor('test setup', async () => {
      await importExhibits(
        db,
        demoExhibits()
          .filter(({ doc }) => doc.kind === 'agreement')
          .map(({ fileName, doc }) => ({
            fileName,
            bytes: Buffer.from(renderExhibit(doc, { marked: false })),
          })),
      );
      await importAccounts(
        db,
        'accounts.csv',
        csv([
          'account,omnibus,dealer_of_record',
          ...s.accounts.map((a) => `${a.id},${a.omnibus ? 'yes' : 'no'},Dealer One`),
        ]),
      );
      await importDistributors(
        db,
        'distributors.csv',
        csv([
          'portfolio,distributor,start,end',
          ...s.terms.map((x) => `${x.portfolio},${x.distributor},${x.start},${x.end ?? ''}`),
        ]),
      );
      await importTransactions(
        db,
        'transactions.csv',
        csv([
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver,attributed_distributor,derived_from_doi',
          ...s.txns.map(
            (x) =>
              `${x.date},${x.id},${x.account},${x.portfolio},B,${x.type},${x.shares},${x.price},${x.exchangeId ?? ''},${x.waiver ?? ''},${x.attributedDistributor ?? ''},${x.derivedFromDoi ?? ''}`,
          ),
        ]),
      );
      await importOmnibusMonths(
        db,
        'omnibus.csv',
        csv([
          'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
          ...Object.entries(s.omnibusFigures).flatMap(([month, byAccount]) =>
            Object.entries(byAccount).flatMap(([account, byP]) =>
              Object.entries(byP).map(
                ([p, f]) =>
                  `${month},${account},${p},${shareStr(f.issued)},${shareStr(f.redeemed)},${shareStr(f.outstanding)}`,
              ),
            ),
          ),
        ]),
      );
      await importTransfers(
        db,
        'transfers.csv',
        csv([
          'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
          ...s.transfers.map(
            (x) =>
              `${x.id},${x.assignee},"1 Main Street, Wilmington, DE",${x.portfolio},${x.twelveB1Pct},${x.cdscPct === '0' ? '' : x.cdscPct},${x.doiFrom ?? ''},${x.doiTo ?? ''},${x.effective},${x.notice ?? ''},${x.agent ? 'depository' : 'direct'},${x.agent ?? ''}`,
          ),
        ]),
      );
      await importNetAssets(
        db,
        'na.csv',
        csv([
          'date,portfolio,class,net_assets',
          ...daysOf(`${s.months[0]}-01`, lastDay(s.months.at(-1)!))
            .filter(isBusinessDay)
            .flatMap((d) => s.portfolios.map((p) => `${d},${p},B,${money(s.netAssetsCents(p, d))}`)),
        ]),
      );
    });
  }

  /** the ledger after every transaction dated on or before `date` (close of business) */
  ledgerAt(date: string): Ledger {
    let l = this.ledgers.get(date);
    if (l === undefined) {
      l = new Ledger(this.spec.terms, new Set(this.omnibusAccounts), this.order);
      l.apply(this.spec.txns.filter((x) => x.date <= date));
      this.ledgers.set(date, l);
    }
    return l;
  }

  /** the Exhibit A computation dates: E, then every month end after it */
  get computationDates(): string[] {
    const { E, months } = this.spec;
    return [E, ...months.map(lastDay).filter((d) => d > E)];
  }

  /** 2(c): each Omnibus Account's Free Shares by distributor at each computation date */
  private attributeOmnibus(): void {
    const { E, portfolios, distributor, omnibusFigures } = this.spec;
    const atE = this.ledgerAt(E);
    const start = new Map<string, Map<string, Parties>>();
    for (const acct of this.omnibusAccounts) {
      const byP = new Map<string, Parties>();
      for (const p of portfolios) {
        // on the termination date every Free Share of an Omnibus Account is the Distributor's
        const free = atE.lots.filter((l) => l.account === acct && l.portfolio === p && l.kind === 'free');
        byP.set(p, new Map([[distributor, free.reduce((s, l) => s + l.units, 0n)]]));
      }
      start.set(acct, byP);
    }
    this.omnibusFree.set(E, start);
    let prevDate = E;
    for (const end of this.computationDates.slice(1)) {
      const prevLedger = this.ledgerAt(prevDate);
      const next = new Map<string, Map<string, Parties>>();
      for (const acct of this.omnibusAccounts) {
        const byP = new Map<string, Parties>();
        for (const p of portfolios) {
          const f = omnibusFigures[end.slice(0, 7)]?.[acct]?.[p] ?? {
            issued: 0n,
            redeemed: 0n,
            outstanding: 0n,
          };
          byP.set(
            p,
            omnibusMonth(
              this.order,
              this.omnibusFree.get(prevDate)!.get(acct)!.get(p)!,
              commissionBy(prevLedger, acct, p),
              f,
            ),
          );
        }
        next.set(acct, byP);
      }
      this.omnibusFree.set(end, next);
      prevDate = end;
    }
  }

  omnibusFreeAt(date: string, account: string, p: string): Parties {
    return this.omnibusFree.get(date)!.get(account)!.get(p)!;
  }

  /** Exhibit A at a computation date: each distributor's shares by rule */
  computation(date: string, p: string): Map<string, ByRule> {
    const l = this.ledgerAt(date);
    const out = new Map<string, ByRule>();
    const get = (who: string) => {
      const r = out.get(who) ?? { a: 0n, b: 0n, c: 0n };
      out.set(who, r);
      return r;
    };
    for (const acct of new Set(l.lots.map((x) => x.account)))
      for (const [who, n] of commissionBy(l, acct, p)) get(who).a += n;
    for (const [who, n] of freeBy(l, p)) get(who).b += n;
    for (const acct of this.omnibusAccounts)
      for (const [who, n] of this.omnibusFreeAt(date, acct, p)) get(who).c += n;
    return out;
  }

  /** the computation governing a day: null (the Distributor exclusive) through E, then the latest before it */
  governing(d: string): string | null {
    if (d <= this.spec.E) return null;
    return this.computationDates.filter((x) => x < d).at(-1)!;
  }

  private naOn(p: string, d: string): bigint {
    let x = d;
    while (!isBusinessDay(x)) {
      const t0 = new Date(`${x}T00:00:00Z`);
      t0.setUTCDate(t0.getUTCDate() - 1);
      x = t0.toISOString().slice(0, 10);
    }
    return this.spec.netAssetsCents(p, x);
  }

  /** SPEC §4: round_half_up(NA × 0.75% / Y(d), 2) */
  feeOn(p: string, d: string): bigint {
    const y = Number(d.slice(0, 4));
    const days = BigInt(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);
    return halfUp(this.naOn(p, d) * 75n, 100n * 100n * days);
  }

  /**
   * SPEC §8: the count governing a day for a DOI-range Transfer — the latest before the day among
   * the month ends, E and the Transfer's own effective date: the Distributor's Commission Shares
   * whose DOI is in the range over all the shares allocated to it (all outstanding while exclusive).
   */
  countFor(tr: TransferTerms, p: string, d: string): Q {
    const c = this.countAt(tr, p, d);
    return q(c.inRange, c.distributorShares);
  }

  /** the count itself: its date, the Distributor's shares in the range and all its shares */
  countAt(
    tr: TransferTerms,
    p: string,
    d: string,
  ): { at: string; inRange: bigint; distributorShares: bigint } {
    const { E, distributor, terms } = this.spec;
    const monthEnds = this.monthEndsBefore(d);
    const at = [...monthEnds, tr.effective, E]
      .filter((x) => x < d)
      .sort()
      .at(-1)!;
    const l = this.ledgerAt(at);
    let distributorShares: bigint;
    if (at <= E)
      distributorShares = l.lots
        .filter((x) => x.portfolio === p && x.units > 0n)
        .reduce((s, x) => s + x.units, 0n);
    else if (this.computationDates.includes(at))
      distributorShares = totalOf(this.computation(at, p).get(distributor)!);
    else {
      // a Transfer's own effective date after E: 2(a) and 2(b) only — the calculator takes no
      // reading of 2(c) between month ends, so its complexes have no Omnibus Free Shares there
      if (
        l.lots.some(
          (x) =>
            x.portfolio === p &&
            x.kind === 'free' &&
            x.units > 0n &&
            this.omnibusAccounts.includes(x.account),
        )
      )
        throw new Error('calculator: no 2(c) reading for a count between computation dates');
      let s = 0n;
      for (const acct of new Set(l.lots.map((x) => x.account)))
        s += commissionBy(l, acct, p).get(distributor) ?? 0n;
      distributorShares = s + (freeBy(l, p).get(distributor) ?? 0n);
    }
    const inRange = l.lots
      .filter(
        (x) =>
          x.portfolio === p &&
          x.kind === 'commission' &&
          x.units > 0n &&
          x.doi >= tr.doiFrom! &&
          x.doi <= tr.doiTo! &&
          distributorOn(terms, x.issuing, x.doi) === distributor,
      )
      .reduce((s, x) => s + x.units, 0n);
    return { at, inRange, distributorShares };
  }

  private monthEndsBefore(d: string): string[] {
    const out: string[] = [];
    const [y, m] = d.split('-').map(Number) as [number, number];
    // the previous month's end and the one before it are all a month can need
    for (const back of [1, 2]) {
      const t0 = new Date(Date.UTC(y, m - 1 - back + 1, 0));
      out.push(t0.toISOString().slice(0, 10));
    }
    return out;
  }

  expected(p: string, month: string): Expected {
    const key = `${p}|${month}`;
    const memo = this.expectedMemo.get(key);
    if (memo) return memo;
    const { distributor, transfers } = this.spec;
    const days = daysOf(`${month}-01`, lastDay(month));
    const dailyDistributor = new Map<string, bigint>();
    const computations: Expected['computations'] = [];
    for (const d of days) {
      const on = this.governing(d);
      const fee = this.feeOn(p, d);
      let parties: [string, bigint][];
      if (on === null) parties = [[distributor, 1n]];
      else {
        const c = this.computation(on, p);
        if (!c.has(distributor)) c.set(distributor, { a: 0n, b: 0n, c: 0n });
        parties = this.order([...c.keys()]).map((n) => [n, totalOf(c.get(n)!)]);
      }
      // each day's fee split by the shares in force that day, largest remainder (SPEC §3, §7)
      const parts = splitByWeights(
        fee,
        parties.map(([, w]) => w),
      );
      let g = computations.at(-1);
      if (g === undefined || g.computedOn !== on) {
        g = { computedOn: on, from: d, to: d, fee: 0n, parties: new Map() };
        computations.push(g);
      }
      g.to = d;
      g.fee += fee;
      for (const [i, [n]] of parties.entries()) addTo(g.parties, n, parts[i]!);
      dailyDistributor.set(d, parts[0]!);
    }
    const distributionFee = computations.reduce((s, g) => s + g.fee, 0n);
    const distributor12b1 = [...dailyDistributor.values()].reduce((s, x) => s + x, 0n);
    const others = new Map<string, bigint>();
    for (const g of computations) for (const [n, c] of g.parties) if (n !== distributor) addTo(others, n, c);

    const pieces = this.ledgerAt(lastDay(month)).pieces.filter(
      (x) => x.date.startsWith(month) && x.portfolio === p && x.earnedBy === distributor,
    );
    const earnedCdsc = pieces.reduce((s, x) => s + x.cents, 0n);

    const applies = transfers
      .filter((tr) => tr.portfolio === 'all' || tr.portfolio === p)
      .filter((tr) => tr.effective <= lastDay(month))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    // The 12b-1 Portions: each Transfer in force on a day holds pct × (its DOI range's fraction by
    // the count governing the day) of the Distributor's part of that day. The whole split by largest
    // remainder (SPEC §3) is the Distributor's 12b-1 Share of the days one Exhibit A computation
    // governed (the amount the Monthly Calculation shows beside that computation, SPEC §7); the
    // month's portions are the sums over its computations. (Splitting the month's whole at once is
    // the other reading SPEC leaves open: `split12Month`.)
    const rest = (whole: bigint, xs: Q[]) => xs.reduce((s, x) => qAdd(s, q(-x.n, x.d)), q(whole));
    const exact12Of = (segmentDays: string[]): Q[] =>
      applies.map((tr) => {
        let x = q(0n);
        for (const d of segmentDays) {
          if (d < tr.effective) continue;
          const frac = tr.doiFrom === null ? q(1n) : this.countFor(tr, p, d);
          x = qAdd(x, qMul(qMul(q(dailyDistributor.get(d)!), pctOf(tr.twelveB1Pct)), frac));
        }
        return x;
      });
    const split12 = [0n, ...applies.map(() => 0n)];
    const segments: Expected['segments'] = [];
    for (const g of computations) {
      const segmentDays = daysOf(g.from, g.to);
      const whole = segmentDays.reduce((s, d) => s + dailyDistributor.get(d)!, 0n);
      const exact = exact12Of(segmentDays);
      const parts = splitExact(whole, [rest(whole, exact), ...exact]);
      for (const [i, c] of parts.entries()) split12[i] = split12[i]! + c;
      segments.push({
        from: g.from,
        to: g.to,
        whole,
        byTransfer: new Map(applies.map((tr, i) => [tr.id, { exact: exact[i]!, cents: parts[i + 1]! }])),
      });
    }
    const wholeMonth = exact12Of(days);
    const split12Month = splitExact(distributor12b1, [rest(distributor12b1, wholeMonth), ...wholeMonth]);
    // CDSC Portions: the month's Earned CDSC split once among the Distributor and the Transfers
    const exactC: Q[] = applies.map((tr) => {
      let x = q(0n);
      for (const piece of pieces) {
        if (piece.date < tr.effective) continue;
        if (tr.doiFrom !== null && (piece.doi < tr.doiFrom || piece.doi > tr.doiTo!)) continue;
        x = qAdd(x, qMul(q(piece.cents), pctOf(tr.cdscPct)));
      }
      return x;
    });
    const splitC = splitExact(earnedCdsc, [rest(earnedCdsc, exactC), ...exactC]);

    // EIGHTH(C)–(D): the Fund pays an Assignee directly once it has the notice by the due date; else
    // the Distributor, who owes it on; a depository Transfer directs all of the Distributor's to the agent
    const due = tenthBusinessDayAfter(month);
    const depository = applies.find((tr) => tr.agent !== null)?.agent ?? null;
    const distributorPayTo = depository ?? distributor;
    const payees = new Map<string, { total: bigint; owedOn: bigint }>();
    const pay = (who: string, amount: bigint, owedOn = 0n) => {
      const r = payees.get(who) ?? { total: 0n, owedOn: 0n };
      r.total += amount;
      r.owedOn += owedOn;
      payees.set(who, r);
    };
    pay(distributorPayTo, split12[0]! + splitC[0]!);
    const assignees = new Map<string, { twelveB1: bigint; cdsc: bigint; payTo: string; owedOn: bigint }>();
    for (const [i, tr] of applies.entries()) {
      const amount = split12[i + 1]! + splitC[i + 1]!;
      const direct = tr.notice !== null && tr.notice <= due;
      const payTo = tr.agent ?? (direct ? tr.assignee : distributorPayTo);
      const owedOn = direct || tr.agent ? 0n : amount;
      assignees.set(tr.id, { twelveB1: split12[i + 1]!, cdsc: splitC[i + 1]!, payTo, owedOn });
      pay(payTo, amount, owedOn);
    }
    for (const [n, c] of others) pay(n, c);
    const result: Expected = {
      distributionFee,
      computations,
      distributor12b1,
      others,
      earnedCdsc,
      assignees,
      distributor12b1Portion: split12[0]!,
      distributorCdscPortion: splitC[0]!,
      payees,
      split12Month,
      segments,
    };
    this.expectedMemo.set(key, result);
    return result;
  }

  // ---------------------------------------------------------------- comparisons

  /** `distributor-share`: each computation listed, by rule per distributor, and the Distributor's % */
  checkDistributorShare(
    report: {
      portfolios: {
        portfolio: string;
        computations: {
          date: string;
          sharePct: string;
          byRule: {
            distributor: string;
            a_commissionShares: string;
            b_freeShares: string;
            c_omnibusFreeShares: string;
            total: string;
          }[];
        }[];
      }[];
    },
    p: string,
    dates: string[],
  ): void {
    const got = report.portfolios.find((x) => x.portfolio === p)!;
    expect(got.computations.map((c) => c.date)).toEqual(dates);
    for (const c of got.computations) {
      const mine = this.computation(c.date, p);
      const byRule = Object.fromEntries(
        c.byRule
          .filter((r) => Number(r.total) !== 0)
          .map((r) => [
            r.distributor,
            [r.a_commissionShares, r.b_freeShares, r.c_omnibusFreeShares, r.total],
          ]),
      );
      const want = Object.fromEntries(
        this.order([...mine.keys()])
          .filter((n) => totalOf(mine.get(n)!) !== 0n)
          .map((n) => {
            const r = mine.get(n)!;
            return [n, [shareStr(r.a), shareStr(r.b), shareStr(r.c), shareStr(totalOf(r))]];
          }),
      );
      expect({ portfolio: p, date: c.date, byRule }).toEqual({ portfolio: p, date: c.date, byRule: want });
      const s = totalOf(mine.get(this.spec.distributor) ?? { a: 0n, b: 0n, c: 0n });
      const all = [...mine.values()].reduce((x, r) => x + totalOf(r), 0n);
      const pct = halfUp(s * 1_000_000n, all);
      expect(c.sharePct).toBe(`${pct / 10_000n}.${String(pct % 10_000n).padStart(4, '0')}`);
    }
  }

  checkJournal(j: Journal, month: string): void {
    const due = tenthBusinessDayAfter(month);
    const credited = new Map<string, bigint>();
    const paid = new Map<string, bigint>();
    for (const l of j.lines) {
      // the 12b-1 and CDSC portions the calculator computes; a Class B service fee owed to an Other
      // Distributor for the days it served (Agreement TENTH) is a payable of its own, not theirs
      const m =
        /^Payable to (.+) — (?!service fee ).+ \((Distributor|Other Distributor|Assignee|Depository)\)$/.exec(
          l.account,
        );
      if (!m) continue;
      const who = payeeName(m[1]!);
      if (l.date === lastDay(month)) addTo(credited, who, cents(l.credit) - cents(l.debit));
      if (l.date === due) addTo(paid, who, cents(l.debit) - cents(l.credit));
    }
    const want = new Map<string, bigint>();
    for (const p of this.spec.portfolios)
      for (const [n, v] of this.expected(p, month).payees) if (v.total !== 0n) addTo(want, n, v.total);
    const nonZero = (m: Map<string, bigint>) =>
      Object.fromEntries([...m].filter(([, v]) => v !== 0n).map(([n, v]) => [n, money(v)]));
    expect(nonZero(credited)).toEqual(nonZero(want));
    expect(nonZero(paid)).toEqual(nonZero(want));
  }

  checkMonthlyCalculation(report: MonthlyCalculationReport, month: string): void {
    expect(report.dueDate).toBe(tenthBusinessDayAfter(month));
    // the CSV's distributor12b1SharePct (SPEC §7): one percentage that reproduces the month's dollars,
    // or, when several computations governed, each one's percentage of its days' fees = its dollars
    const reproduces = (pct: string, fee: bigint) => {
      const places = pct.split('.')[1]?.length ?? 0;
      return halfUp(fee * BigInt(pct.replace('.', '')), 100n * 10n ** BigInt(places));
    };
    for (const row of monthlyCalculationCsvRows(report).lines) {
      if (row.portfolio === undefined || !row.distributor12b1SharePct) continue;
      const want = this.expected(row.portfolio, month);
      if (want.computations.length === 1)
        expect(money(reproduces(row.distributor12b1SharePct, want.distributionFee))).toBe(
          money(want.distributor12b1),
        );
      else
        expect(
          row.distributor12b1SharePct.split('; ').map((part) => {
            const m = /^([\d.]+) of ([\d.]+) = ([\d.]+) \((\S+)–(\S+), (\d+) days?\)$/.exec(part)!;
            expect(money(reproduces(m[1]!, cents(m[2]!)))).toBe(m[3]);
            return [m[2], m[3], m[4], m[5], Number(m[6])];
          }),
        ).toEqual(
          want.computations.map((g) => [
            money(g.fee),
            money(g.parties.get(this.spec.distributor) ?? 0n),
            g.from,
            g.to,
            daysOf(g.from, g.to).length,
          ]),
        );
    }
    for (const p of this.spec.portfolios) {
      const want = this.expected(p, month);
      const got = report.portfolios.find((x) => x.portfolio === p)!;
      expect(got.distributionFee).toBe(money(want.distributionFee));
      // each computation with its days, and each party's dollars
      expect(
        got.computations.map((g) => ({
          computedOn: g.computedOn,
          from: g.from,
          to: g.to,
          days: g.days,
          fee: g.distributionFee,
          parties: Object.fromEntries(
            g.parties
              .filter((x) => cents(x.twelveB1Share) !== 0n)
              .map((x) => [x.distributor, x.twelveB1Share]),
          ),
        })),
      ).toEqual(
        want.computations.map((g) => ({
          computedOn: g.computedOn,
          from: g.from,
          to: g.to,
          days: daysOf(g.from, g.to).length,
          fee: money(g.fee),
          parties: Object.fromEntries(
            this.order([...g.parties.keys()])
              .filter((n) => g.parties.get(n)! !== 0n)
              .map((n) => [n, money(g.parties.get(n)!)]),
          ),
        })),
      );
      // SPEC §7: every percentage shown reproduces the dollars beside it; they add up to 100
      for (const g of got.computations) {
        const places = g.parties[0]!.sharePct.split('.')[1]!.length;
        const whole = 100n * 10n ** BigInt(places);
        let sum = 0n;
        for (const x of g.parties) {
          const u = BigInt(x.sharePct.replace('.', ''));
          sum += u;
          expect(halfUp(cents(g.distributionFee) * u, whole)).toBe(cents(x.twelveB1Share));
        }
        expect(sum).toBe(whole);
      }
      expect(got.distributor12b1Share).toBe(money(want.distributor12b1));
      expect(
        Object.fromEntries(
          got.otherDistributors
            .filter((o) => cents(o.twelveB1Share) !== 0n)
            .map((o) => [o.distributor, o.twelveB1Share]),
        ),
      ).toEqual(
        Object.fromEntries([...want.others].filter(([, c]) => c !== 0n).map(([n, c]) => [n, money(c)])),
      );
      expect(got.earnedCdsc).toBe(money(want.earnedCdsc));
      expect(
        Object.fromEntries(
          got.assignees.map((a) => [
            a.transferId,
            [a.twelveB1Portion, a.cdscPortion, payeeName(a.payTo), a.owedOnToAssignee],
          ]),
        ),
      ).toEqual(
        Object.fromEntries(
          [...want.assignees].map(([id, a]) => [
            id,
            [money(a.twelveB1), money(a.cdsc), a.payTo, money(a.owedOn)],
          ]),
        ),
      );
      expect([got.distributor12b1Portion, got.distributorEarnedCdscPortion]).toEqual([
        money(want.distributor12b1Portion),
        money(want.distributorCdscPortion),
      ]);
      expect(
        Object.fromEntries(
          got.payees
            .filter((x) => cents(x.total) !== 0n)
            .map((x) => {
              expect(cents(x.twelveB1) + cents(x.cdsc)).toBe(cents(x.total));
              expect(x.dueDate).toBe(report.dueDate);
              return [payeeName(x.payee), [x.total, x.owedOn]];
            }),
        ),
      ).toEqual(
        Object.fromEntries(
          [...want.payees]
            .filter(([, v]) => v.total !== 0n)
            .map(([n, v]) => [n, [money(v.total), money(v.owedOn)]]),
        ),
      );
    }
  }

  /**
   * An Assignee statement line by line: each Transfer's portions and payee, each computation's
   * Distributor's dollars, exact part (to 1/10,000 of a dollar, half-up) and split part, each count
   * behind a DOI-range weight, and each CDSC piece.
   */
  checkAssigneeStatement(
    s: {
      lines: readonly {
        portfolio: string;
        transferId: string;
        twelveB1Portion: string;
        cdscPortion: string;
        payTo: string;
        owedOnToAssignee: string;
        segments: readonly {
          from: string;
          to: string;
          distributor12b1Share: string;
          exactPortion: string;
          twelveB1Portion: string;
          periods: readonly {
            from: string;
            to: string;
            countedOn: string | null;
            doiRangeShares: string | null;
            distributorShares: string | null;
            inForce: boolean;
          }[];
        }[];
        cdscPieces: readonly { date: string; doi: string; earnedCdsc: string }[];
      }[];
    },
    assignee: string,
    month: string,
  ): void {
    const four = (x: Q) => {
      const v = halfUp(x.n * 100n, x.d); // 1/10,000 of a dollar from cents
      return `${v / 10_000n}.${String(v % 10_000n).padStart(4, '0')}`;
    };
    const want: unknown[] = [];
    for (const p of this.spec.portfolios) {
      const e = this.expected(p, month);
      for (const tr of this.spec.transfers.filter((x) => x.assignee === assignee)) {
        const a = e.assignees.get(tr.id);
        if (!a) continue;
        const pieces = this.ledgerAt(lastDay(month)).pieces.filter(
          (x) =>
            x.date.startsWith(month) &&
            x.portfolio === p &&
            x.earnedBy === this.spec.distributor &&
            x.cents > 0n && // a waived piece earns nothing to share
            x.date >= tr.effective &&
            tr.cdscPct !== '0' &&
            (tr.doiFrom === null || (x.doi >= tr.doiFrom && x.doi <= tr.doiTo!)),
        );
        want.push({
          portfolio: p,
          transferId: tr.id,
          amounts: [money(a.twelveB1), money(a.cdsc), a.payTo, money(a.owedOn)],
          segments: e.segments.map((g) => {
            const mine = g.byTransfer.get(tr.id)!;
            const periods: unknown[] = [];
            if (tr.doiFrom !== null)
              for (const d of daysOf(g.from, g.to)) {
                if (d < tr.effective) continue;
                const c = this.countAt(tr, p, d);
                const last = periods.at(-1) as { countedOn: string; to: string } | undefined;
                if (last && last.countedOn === c.at) last.to = d;
                else
                  periods.push({
                    from: d,
                    to: d,
                    countedOn: c.at,
                    doiRangeShares: shareStr(c.inRange),
                    distributorShares: shareStr(c.distributorShares),
                  });
              }
            return [g.from, g.to, money(g.whole), four(mine.exact), money(mine.cents), periods];
          }),
          cdscPieces: pieces.map((x) => [x.date, x.doi, money(x.cents)]),
        });
      }
    }
    const got = s.lines.map((l) => ({
      portfolio: l.portfolio,
      transferId: l.transferId,
      amounts: [l.twelveB1Portion, l.cdscPortion, payeeName(l.payTo), l.owedOnToAssignee],
      segments: l.segments.map((g) => [
        g.from,
        g.to,
        g.distributor12b1Share,
        g.exactPortion,
        g.twelveB1Portion,
        g.periods
          .filter((x) => x.inForce && x.countedOn !== null)
          .map((x) => ({
            from: x.from,
            to: x.to,
            countedOn: x.countedOn,
            doiRangeShares: x.doiRangeShares,
            distributorShares: x.distributorShares,
          })),
      ]),
      cdscPieces: l.cdscPieces.map((x) => [x.date, x.doi, x.earnedCdsc]),
    }));
    const key = (x: unknown) =>
      JSON.stringify([(x as { portfolio: string }).portfolio, (x as { transferId: string }).transferId]);
    expect([...got].sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual(
      [...want].sort((a, b) => (key(a) < key(b) ? -1 : 1)),
    );
  }

  /** an Assignee statement's totals: the sum of its Transfers' lines over the portfolios */
  assigneeTotals(assignee: string, month: string): string[] {
    let twelve = 0n;
    let cdsc = 0n;
    let owed = 0n;
    for (const p of this.spec.portfolios)
      for (const tr of this.spec.transfers.filter((x) => x.assignee === assignee)) {
        const a = this.expected(p, month).assignees.get(tr.id);
        if (!a) continue;
        twelve += a.twelveB1;
        cdsc += a.cdsc;
        owed += a.owedOn;
      }
    return [money(twelve), money(cdsc), money(owed)];
  }
}
