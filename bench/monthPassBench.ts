import { pathToFileURL } from 'node:url';
import { dayNumberFromCivil, fromDayNumber, monthEnd } from '../src/calendar/isoDate.js';
import {
  type ClassBActivity,
  createFreeExchange,
  createPurchase,
  createRedemption,
  createReinvestment,
} from '../src/class-b/classBActivity.js';
import { replayAccount } from '../src/class-b/classBLedger.js';
import { createClassBTerms, createConversionPeriod } from '../src/class-b/classBTerms.js';
import type { FreeShareAttribution } from '../src/class-b/freeShareAttribution.js';
import { compileMonthPass } from '../src/class-b/monthPass.js';
import { mulDivRoundHalfUp } from '../src/class-b/monthPassArithmetic.js';
import type { ClassBMonthChunk } from '../src/class-b/monthPassByChunks.js';
import {
  NO_DAY,
  NO_LAST_HELD,
  SYSTEMATIC_WITHDRAWAL_CODE,
  TXN_EXCHANGE,
  TXN_PURCHASE,
  TXN_REDEEM,
  TXN_REINVEST,
  WAIVER_CODES,
  waiverCode,
} from '../src/class-b/monthPassColumns.js';
import { createRedemptionFeeRule } from '../src/class-b/redemptionFeeRule.js';
import { seededRandom } from '../src/demo/demoComplex.js';

/**
 * Issue 14 item 2: a Class B month of a large complex in one pass. 1,000,000 accounts holding
 * 5,000,000 lots and ~1,050,000 transactions in the month are generated in columnar form, chunk by
 * chunk (100,000 accounts), and the month pass applies each chunk as it comes, so one chunk is in
 * memory at a time. The peer is the product's ledger today: classBLedger.ts `replayAccount` on a
 * sample of the same accounts (each lot as the purchase or reinvestment that issued it, then the
 * month), extrapolated to the whole complex — a lower bound for the product, which replays every
 * transaction of an account's history, not one per lot still held.
 */
export interface MonthPassBenchOptions {
  accounts?: number;
  lotsPerAccount?: number;
  chunkAccounts?: number;
  peerSample?: number;
}

const MONTH = '2025-12';
export const PORTFOLIOS = Array.from({ length: 10 }, (_, i) => `portfolio-${String(i).padStart(2, '0')}`);
export const TERMS = createClassBTerms({
  conversionPeriods: [createConversionPeriod({ portfolioId: 'portfolio-03', years: 7 })],
  redemptionFees: [createRedemptionFeeRule({ portfolioId: 'portfolio-05', ratePct: '2', holdingDays: 30 })],
});
/** a few shared attributions (the product's are one per reinvestment; the pass only carries an index) */
const ATTRIBUTIONS: FreeShareAttribution[] = [
  { kind: 'distributor', distributor: 'A I M Distributors' },
  { kind: 'distributor', distributor: 'Other Distributor LLC' },
  { kind: 'derivedFrom', basis: 'accountCommissionShares', weights: [] },
];

const monthStart = dayNumberFromCivil(2025, 12, 1);
/** DOIs from 2018-12-01 (nothing overdue for conversion) to the month before; the 7-year portfolio converts those of 2018-12 */
const doiFrom = dayNumberFromCivil(2018, 12, 1);
const priceOf = (p: number, day: number) =>
  Math.round((10 + p * 3) * (1 + 0.3 * Math.sin(day / 97 + p)) * 10_000);

/** One generated chunk, in the pass's columns, and (for the peer sample) the same as ledger activity. */
export function generateChunk(
  rnd: () => number,
  firstAccount: number,
  accounts: number,
  lotsPerAccount: number,
  withActivity: boolean,
): { chunk: ClassBMonthChunk; activity: { account: string; activity: ClassBActivity[] }[]; lots: number } {
  const cap = accounts * lotsPerAccount * 2;
  const key = new Int32Array(accounts);
  const lotStart = new Int32Array(accounts + 1);
  const nextSequence = new Int32Array(accounts);
  const lp = new Int32Array(cap);
  const lorigin = new Float64Array(cap);
  const lfree = new Uint8Array(cap);
  const ldoi = new Int32Array(cap);
  const lseq = new Int32Array(cap);
  const lshares = new Float64Array(cap);
  const lcost = new Float64Array(cap);
  const lattr = new Int32Array(cap);
  const tcap = accounts * 4;
  const t = {
    account: new Int32Array(tcap),
    type: new Uint8Array(tcap),
    txn: new Float64Array(tcap),
    day: new Int32Array(tcap),
    portfolio: new Int32Array(tcap),
    shareUnits: new Float64Array(tcap),
    priceUnits: new Float64Array(tcap),
    waiver: new Uint8Array(tcap),
    exchange: new Float64Array(tcap),
    inTxn: new Float64Array(tcap),
    inPortfolio: new Int32Array(tcap),
    inShareUnits: new Float64Array(tcap),
    inPriceUnits: new Float64Array(tcap),
    attributedDistributor: new Int32Array(tcap).fill(-1),
    derivedFromDoiDay: new Int32Array(tcap).fill(NO_DAY),
  };
  const activity: { account: string; activity: ClassBActivity[] }[] = [];
  let n = 0;
  let m = 0;
  const held = new Float64Array(PORTFOLIOS.length);
  for (let a = 0; a < accounts; a++) {
    const acct = firstAccount + a;
    key[a] = acct;
    lotStart[a] = n;
    held.fill(0);
    const acts: ClassBActivity[] = [];
    const lots = 1 + Math.floor(rnd() * (2 * lotsPerAccount - 1));
    const home = Math.floor(rnd() * PORTFOLIOS.length);
    const days: number[] = [];
    for (let i = 0; i < lots; i++) days.push(doiFrom + Math.floor(rnd() * (monthStart - doiFrom)));
    days.sort((x, y) => x - y);
    for (let i = 0; i < lots; i++) {
      const p = rnd() < 0.8 ? home : Math.floor(rnd() * PORTFOLIOS.length);
      const free = rnd() < 0.4 ? 1 : 0;
      const shares = 10_000 + Math.floor(rnd() * 20_000_000);
      const price = priceOf(p, days[i]!);
      lp[n] = p;
      lorigin[n] = acct * 64 + i;
      lfree[n] = free;
      ldoi[n] = days[i]!;
      lseq[n] = i;
      lshares[n] = shares;
      lcost[n] = mulDivRoundHalfUp(shares, price, 1_000_000);
      lattr[n] = free ? Math.floor(rnd() * ATTRIBUTIONS.length) : -1;
      held[p] = held[p]! + shares;
      if (withActivity) {
        const f = {
          txnId: `${acct}-${i}`,
          date: fromDayNumber(days[i]!),
          portfolioId: PORTFOLIOS[p]!,
          shareUnits: BigInt(shares),
          priceUnits: BigInt(price),
        };
        acts.push(free ? createReinvestment(f) : createPurchase(f));
      }
      n++;
    }
    nextSequence[a] = lots;
    // the month: 0–3 transactions (1.05 on average)
    const r = rnd();
    const count = r < 0.2 ? 0 : r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
    const tdays: number[] = [];
    for (let i = 0; i < count; i++) tdays.push(monthStart + Math.floor(rnd() * 31));
    tdays.sort((x, y) => x - y);
    for (let i = 0; i < count; i++) {
      const day = tdays[i]!;
      const date = fromDayNumber(day);
      const x = rnd();
      const holding = PORTFOLIOS.map((_, p) => p).filter((p) => held[p]! > 4);
      const p = holding[Math.floor(rnd() * holding.length)]!;
      const price = priceOf(p, day);
      t.account[m] = acct;
      t.txn[m] = acct * 64 + 32 + i;
      t.day[m] = day;
      t.portfolio[m] = p;
      t.priceUnits[m] = price;
      const txnId = `${acct}-m${i}`;
      // a quarter of what the portfolio held at the month's start at most: three never exceed it
      const part = Math.max(1, Math.floor((held[p]! / 4) * (0.1 + 0.9 * rnd())));
      if (x < 0.35 || x < 0.5) {
        const free = x < 0.35;
        const shares = 10_000 + Math.floor(rnd() * 2_000_000);
        t.type[m] = free ? TXN_REINVEST : TXN_PURCHASE;
        t.shareUnits[m] = shares;
        if (withActivity) {
          const f = {
            txnId,
            date,
            portfolioId: PORTFOLIOS[p]!,
            shareUnits: BigInt(shares),
            priceUnits: BigInt(price),
          };
          acts.push(free ? createReinvestment(f) : createPurchase(f));
        }
      } else if (x < 0.85) {
        const w = rnd();
        const waiver = w < 0.08 ? waiverCode('death') : w < 0.11 ? SYSTEMATIC_WITHDRAWAL_CODE : 0;
        const shares = waiver === SYSTEMATIC_WITHDRAWAL_CODE ? Math.max(1, Math.floor(held[p]! / 50)) : part;
        t.type[m] = TXN_REDEEM;
        t.shareUnits[m] = shares;
        t.waiver[m] = waiver;
        if (withActivity)
          acts.push(
            createRedemption({
              txnId,
              date,
              portfolioId: PORTFOLIOS[p]!,
              shareUnits: BigInt(shares),
              priceUnits: BigInt(price),
              waiver: WAIVER_CODES[waiver]!,
            }),
          );
      } else {
        const to = (p + 1 + Math.floor(rnd() * (PORTFOLIOS.length - 1))) % PORTFOLIOS.length;
        const pIn = priceOf(to, day);
        const inShares = mulDivRoundHalfUp(part, price, pIn);
        t.type[m] = TXN_EXCHANGE;
        t.shareUnits[m] = part;
        t.exchange[m] = t.txn[m]!;
        t.inTxn[m] = t.txn[m]! + 16;
        t.inPortfolio[m] = to;
        t.inShareUnits[m] = inShares;
        t.inPriceUnits[m] = pIn;
        if (withActivity && inShares > 0)
          acts.push(
            createFreeExchange({
              exchangeId: txnId,
              date,
              out: {
                txnId: `${txnId}-out`,
                portfolioId: PORTFOLIOS[p]!,
                shareUnits: BigInt(part),
                priceUnits: BigInt(price),
              },
              in: {
                txnId: `${txnId}-in`,
                portfolioId: PORTFOLIOS[to]!,
                shareUnits: BigInt(inShares),
                priceUnits: BigInt(pIn),
              },
            }),
          );
        if (inShares === 0) continue;
      }
      m++;
    }
    if (withActivity) activity.push({ account: String(acct), activity: acts });
  }
  lotStart[accounts] = n;
  const lots = n;
  const nextArrival = nextSequence.slice();
  const chunk: ClassBMonthChunk = {
    state: {
      accounts: {
        count: accounts,
        key,
        omnibus: new Uint8Array(accounts),
        nextSequence,
        nextArrival,
        lotStart,
        withdrawalStart: new Int32Array(accounts + 1),
        lastHeldStart: new Int32Array(accounts + 1),
      },
      lastHeld: NO_LAST_HELD,
      lots: {
        count: n,
        portfolio: lp.subarray(0, n),
        issuingPortfolio: lp.subarray(0, n),
        origin: lorigin.subarray(0, n),
        free: lfree.subarray(0, n),
        doiDay: ldoi.subarray(0, n),
        sequence: lseq.subarray(0, n),
        arrival: lseq.subarray(0, n),
        shareUnits: lshares.subarray(0, n),
        costCents: lcost.subarray(0, n),
        attribution: lattr.subarray(0, n),
      },
      systematicWithdrawals: {
        count: 0,
        portfolio: new Int32Array(0),
        year: new Int32Array(0),
        allowanceUnits: new Float64Array(0),
        usedUnits: new Float64Array(0),
      },
      attributions: ATTRIBUTIONS,
    },
    transactions: {
      count: m,
      ...(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.subarray(0, m)])) as unknown as Omit<
        ClassBMonthChunk['transactions'],
        'count'
      >),
    },
  };
  return { chunk, activity, lots };
}

const cpuSeconds = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1_000) / 1_000;

export async function benchMonthPass(opts: MonthPassBenchOptions = {}) {
  const accounts = opts.accounts ?? 1_000_000;
  const lotsPerAccount = opts.lotsPerAccount ?? 5;
  const chunkAccounts = opts.chunkAccounts ?? 100_000;
  const peerSample = Math.min(opts.peerSample ?? 50_000, accounts);
  const rnd = seededRandom(20261201);
  const ctx = { month: MONTH, terms: TERMS, portfolioIds: PORTFOLIOS, distributors: ['A I M Distributors'] };
  const pass = compileMonthPass(ctx);
  const totals = {
    lots: 0,
    lotsAfter: 0,
    transactions: 0,
    redemptions: 0,
    exchanges: 0,
    conversions: 0,
    holdingRows: 0,
  };
  let cdscCents = 0;
  let passCpu = 0;
  let passWall = 0;
  let generateWall = 0;
  const rss0 = process.memoryUsage().rss;
  let peakRss = rss0;
  for (let first = 0; first < accounts; first += chunkAccounts) {
    const size = Math.min(chunkAccounts, accounts - first);
    const g0 = performance.now();
    const { chunk, lots } = generateChunk(rnd, first, size, lotsPerAccount, false);
    generateWall += performance.now() - g0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = pass.apply(chunk.state, chunk.transactions);
    passWall += performance.now() - t0;
    passCpu += cpuSeconds(process.cpuUsage(c0));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    totals.lots += lots;
    totals.lotsAfter += r.state.lots.count;
    totals.transactions += chunk.transactions.count;
    totals.redemptions += r.redemptions.count;
    totals.exchanges += r.exchanges.count;
    totals.conversions += r.conversions.count;
    totals.holdingRows += r.holdings.count;
    for (let i = 0; i < r.redemptions.count; i++) cdscCents += r.redemptions.cdscCents[i]!;
  }
  // The peer: classBLedger.ts replay of a sample, and the pass on the very same sample.
  const sample = generateChunk(seededRandom(7), 0, peerSample, lotsPerAccount, true);
  const s0 = process.cpuUsage();
  const sampleResult = pass.apply(sample.chunk.state, sample.chunk.transactions);
  const sampleCpu = cpuSeconds(process.cpuUsage(s0));
  const until = monthEnd(MONTH);
  const p0 = process.cpuUsage();
  let replayCdsc = 0n;
  let replayLots = 0;
  for (const { account, activity } of sample.activity) {
    const l = replayAccount(account, activity, TERMS, { until });
    replayLots += l.lots.length;
    for (const r of l.redemptions) if (r.date >= `${MONTH}-01`) replayCdsc += r.cdscCents;
  }
  const replayCpu = cpuSeconds(process.cpuUsage(p0));
  let sampleCdsc = 0;
  for (let i = 0; i < sampleResult.redemptions.count; i++)
    sampleCdsc += sampleResult.redemptions.cdscCents[i]!;
  const scale = accounts / peerSample;
  return {
    month: MONTH,
    accounts,
    chunkAccounts,
    ...totals,
    cdscCents,
    monthPass: {
      cpuSeconds: Math.round(passCpu * 100) / 100,
      wallSeconds: Math.round(passWall) / 1000,
      generateSeconds: Math.round(generateWall) / 1000,
      rssBeforeMb: Math.round(rss0 / 2 ** 20),
      peakRssMb: Math.round(peakRss / 2 ** 20),
    },
    classBLedgerPeer: {
      sampleAccounts: peerSample,
      sampleCpuSeconds: replayCpu,
      extrapolatedCpuSeconds: Math.round(replayCpu * scale * 10) / 10,
      monthPassOnSampleCpuSeconds: sampleCpu,
      note:
        'replayAccount per account: each lot held as the purchase/reinvestment that issued it, then the month; extrapolated ×' +
        scale,
      sameLots: replayLots === sampleResult.state.lots.count,
      sameCdscCents: replayCdsc === BigInt(sampleCdsc),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  benchMonthPass(quick ? { accounts: 20_000, chunkAccounts: 5_000, peerSample: 5_000 } : {}).then((r) =>
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
  );
}
