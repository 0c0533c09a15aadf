import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, monthEnd, monthStart } from '../calendar/isoDate.js';
import type { CdscWaiver } from '../class-b/cdscWaiver.js';
import {
  createFreeExchange,
  createPurchase,
  createRedemption,
  createReinvestment,
} from '../class-b/classBActivity.js';
import { AccountBook } from '../class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../class-b/classBTerms.js';
import { formatPriceUnits } from '../class-b/pricePerShare.js';
import { formatShareUnits } from '../class-b/shareUnits.js';
import { renderExhibit } from '../edgar/renderExhibit.js';
import { importAccounts } from '../feeds/accountsFeed.js';
import { importDistributors } from '../feeds/distributorsFeed.js';
import { importTransactions } from '../feeds/transactionsFeed.js';
import { importExhibits } from '../import/exhibitImport.js';
import { divRoundHalfUp } from '../money/cents.js';
import type { Registry } from '../registry/registry.js';
import { cdscReport } from '../reports/classBCdscReport.js';
import { conversionsReport } from '../reports/classBConversionsReport.js';
import { redemptionsReport } from '../reports/classBRedemptionsReport.js';
import type { Database } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import { demoExhibits, seededRandom } from './demoComplex.js';

const ACCOUNTS = 240;
const OLD_DISTRIBUTOR = 'Harbor Fund Distributors, Inc.';
const DISTRIBUTOR = 'Summit Distributors, Inc.';
const OTHER_DISTRIBUTOR = 'Beacon Fund Distributors LLC';

function priceUnits(portfolioIndex: number, date: string): bigint {
  const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const level =
    (9 + 4 * portfolioIndex) * (1 + 0.2 * Math.sin(day / 180 + portfolioIndex) + 0.05 * Math.sin(day / 11));
  return BigInt(Math.round(level * 10_000));
}

/** The demo complex's exhibits, rendered in the EDGAR layout, imported through the door; the registry after. */
export async function importDemoExhibits(db: Database): Promise<Registry> {
  await importExhibits(
    db,
    demoExhibits().map(({ fileName, doc }) => ({
      fileName,
      bytes: Buffer.from(renderExhibit(doc, { marked: false })),
    })),
  );
  return loadRegistry(db);
}

/** Every portfolio with a Class B in the registry, in id order. */
export function classBPortfolioIds(registry: Registry): string[] {
  return [
    ...new Set(
      registry
        .classKeys()
        .filter((k) => k.class === 'B')
        .map((k) => k.portfolioId),
    ),
  ].sort();
}

/**
 * The demo's Class B activity (plan12b's own, no real fund's data): accounts, a change of
 * distributor (the old one's rights assigned to the new, as Agreement NINETEENTH records IDI's to
 * ADI; and an Other Distributor for one portfolio), nine years of purchases, reinvestments,
 * exchanges and redemptions up to the month — imported through the real feeds — and that month's
 * redemptions, Earned CDSC and conversions.
 */
export async function runClassBDemo(
  db: Database,
  outDir: string,
  month: string,
): Promise<{ lines: string[]; summary: Record<string, unknown> }> {
  const registry = await importDemoExhibits(db);
  const end = monthEnd(month);
  const portfolios = classBPortfolioIds(registry);
  const nameOf = (pid: string) => registry.identities.nameOn(pid, end);
  const rnd = seededRandom(2025);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const change = `${Number(month.slice(0, 4)) - 6}-07-01`;
  const otherFrom = `${Number(month.slice(0, 4)) - 2}-01-01`;
  const otherPortfolio = portfolios[portfolios.length - 1]!;
  // A second change of distributor, in the middle of a month of the demo year: that month's
  // Monthly Calculation shows both computations (SPEC §7), the term's end E and the 100% before it.
  const midMonthPortfolio = portfolios[portfolios.length - 2]!;
  const midMonthEnd = `${month.slice(0, 4)}-06-13`;

  const accountsCsv = ['account,omnibus,dealer_of_record'];
  const txns = ['date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver'];
  const q = (s: string) => `"${s}"`;
  const distributorsCsv = [
    'portfolio,distributor,start,end,assigned_to',
    `all,${q(OLD_DISTRIBUTOR)},1990-01-01,${addDays(change, -1)},${q(DISTRIBUTOR)}`,
    `all,${q(DISTRIBUTOR)},${change},,`,
    `${q(nameOf(otherPortfolio))},${q(DISTRIBUTOR)},1990-01-01,${addDays(otherFrom, -1)},`,
    `${q(nameOf(otherPortfolio))},${q(OTHER_DISTRIBUTOR)},${otherFrom},,`,
    `${q(nameOf(midMonthPortfolio))},${q(DISTRIBUTOR)},1990-01-01,${midMonthEnd},`,
    `${q(nameOf(midMonthPortfolio))},${q(OTHER_DISTRIBUTOR)},${addDays(midMonthEnd, 1)},,`,
  ];
  const row = (
    date: string,
    id: string,
    acct: string,
    pid: string,
    type: string,
    shares: bigint,
    price: bigint | null,
    x = '',
    w = '',
  ) =>
    txns.push(
      [
        date,
        id,
        acct,
        `"${nameOf(pid)}"`,
        'B',
        type,
        formatShareUnits(shares),
        price === null ? '' : formatPriceUnits(price),
        x,
        w,
      ].join(','),
    );
  for (let a = 0; a < ACCOUNTS; a++) {
    const acct = `B${String(100_000 + a)}`;
    accountsCsv.push(
      `${acct},${a % 20 === 0 ? 'yes' : 'no'},${pick(['Dealer One', 'Dealer Two', 'Bank Three'])}`,
    );
    const book = new AccountBook(acct, DEFAULT_CLASS_B_TERMS);
    let date = addDays(monthStart(month), -Math.floor(365 * (1 + rnd() * 8.5)));
    let n = 0;
    while (date <= end) {
      book.closeThrough(addDays(date, -1));
      const held = portfolios.filter((p) => book.sharesHeld(p) > 0n);
      const r = rnd();
      const id = `${acct}-${n++}`;
      const inMonth = date >= monthStart(month);
      if (held.length === 0 || r < 0.3) {
        const pid = pick(portfolios);
        const p = priceUnits(portfolios.indexOf(pid), date);
        const shares = BigInt(10_000 + Math.floor(rnd() * 20_000_000));
        book.apply(createPurchase({ txnId: id, date, portfolioId: pid, shareUnits: shares, priceUnits: p }));
        row(date, id, acct, pid, 'purchase', shares, p);
      } else if (r < 0.55) {
        const pid = pick(held);
        const p = priceUnits(portfolios.indexOf(pid), date);
        const shares = BigInt(1 + Math.floor(rnd() * 300_000));
        book.apply(
          createReinvestment({ txnId: id, date, portfolioId: pid, shareUnits: shares, priceUnits: p }),
        );
        row(date, id, acct, pid, 'reinvest', shares, p);
      } else if (r < (inMonth ? 0.95 : 0.8)) {
        const pid = pick(held);
        const p = priceUnits(portfolios.indexOf(pid), date);
        const have = book.sharesHeld(pid);
        const shares = rnd() < 0.2 ? have : (have * BigInt(1 + Math.floor(rnd() * 60))) / 100n || have;
        const waiver: CdscWaiver | null = rnd() < 0.08 ? pick(['death', 'disability'] as const) : null;
        book.apply(
          createRedemption({ txnId: id, date, portfolioId: pid, shareUnits: shares, priceUnits: p, waiver }),
        );
        row(date, id, acct, pid, 'redeem', shares, p, '', waiver ?? '');
      } else {
        const from = pick(held);
        const to = pick(portfolios.filter((p) => p !== from));
        const pOut = priceUnits(portfolios.indexOf(from), date);
        const pIn = priceUnits(portfolios.indexOf(to), date);
        const out =
          (book.sharesHeld(from) * BigInt(1 + Math.floor(rnd() * 100))) / 100n || book.sharesHeld(from);
        const into = divRoundHalfUp(out * pOut, pIn);
        if (into > 0n) {
          book.apply(
            createFreeExchange({
              exchangeId: id,
              date,
              out: { txnId: `${id}-out`, portfolioId: from, shareUnits: out, priceUnits: pOut },
              in: { txnId: `${id}-in`, portfolioId: to, shareUnits: into, priceUnits: pIn },
            }),
          );
          row(date, `${id}-out`, acct, from, 'exchange_out', out, pOut, id);
          row(date, `${id}-in`, acct, to, 'exchange_in', into, pIn, id);
        }
      }
      date = addDays(date, inMonth ? 1 + Math.floor(rnd() * 10) : 20 + Math.floor(rnd() * 200));
    }
  }
  const files = {
    accounts: join(outDir, 'class-b-accounts.csv'),
    distributors: join(outDir, 'class-b-distributors.csv'),
    transactions: join(outDir, 'class-b-transactions.csv'),
  };
  writeFileSync(files.accounts, `${accountsCsv.join('\n')}\n`);
  writeFileSync(files.distributors, `${distributorsCsv.join('\n')}\n`);
  writeFileSync(files.transactions, `${txns.join('\n')}\n`);
  const accounts = await importAccounts(db, files.accounts, Buffer.from(`${accountsCsv.join('\n')}\n`));
  const distributors = await importDistributors(
    db,
    files.distributors,
    Buffer.from(`${distributorsCsv.join('\n')}\n`),
  );
  const transactions = await importTransactions(db, files.transactions, Buffer.from(`${txns.join('\n')}\n`));
  const redemptions = await redemptionsReport(db, monthStart(month), end);
  const cdsc = await cdscReport(db, month);
  const conversions = await conversionsReport(db, month);
  const lines = [
    `Class B: ${accounts.rows} accounts, ${transactions.inserted} transactions over nine years, distributors: ${OLD_DISTRIBUTOR} until ${addDays(change, -1)} (rights assigned to ${DISTRIBUTOR}), ${DISTRIBUTOR} since; ${OTHER_DISTRIBUTOR} for ${nameOf(otherPortfolio)} since ${otherFrom} and for ${nameOf(midMonthPortfolio)} since ${addDays(midMonthEnd, 1)} (a term ending mid-month)`,
    `${month}: ${redemptions.redemptions.length} redemptions, gross ${redemptions.totals.gross}, CDSC ${redemptions.totals.cdsc} (waived ${redemptions.totals.cdscWaived}), net ${redemptions.totals.net}`,
    ...cdsc.rows.map((r) => `  Earned CDSC ${r.portfolio} → ${r.distributor ?? '(no term)'}: ${r.cdsc}`),
    `${month}: ${conversions.conversions.length} conversions to Class A due ${conversions.date}, ${conversions.totalShares} shares`,
  ];
  return {
    lines,
    summary: {
      files,
      accounts: accounts.rows,
      distributorTerms: distributors.rows,
      transactions: transactions.inserted,
      redemptions: redemptions.redemptions.length,
      totals: redemptions.totals,
      earnedCdsc: cdsc.rows,
      totalCdsc: cdsc.totalCdsc,
      conversionsDue: conversions.conversions.length,
      conversionShares: conversions.totalShares,
    },
  };
}
