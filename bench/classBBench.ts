import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { classBPortfolioIds, importDemoExhibits } from '../src/demo/demoClassB.js';
import { seededRandom } from '../src/demo/demoComplex.js';
import { importTransactions } from '../src/feeds/transactionsFeed.js';
import { cdscReport } from '../src/reports/classBCdscReport.js';
import { redemptionsReport } from '../src/reports/classBRedemptionsReport.js';
import { type Database, openDatabase } from '../src/store/database.js';
import { migrate } from '../src/store/migrations.js';

export interface ClassBBenchOptions {
  accounts?: number;
  lots?: number;
  transactions?: number;
  serverUrl?: string;
  /** skip the embedded PGlite run */
  serverOnly?: boolean;
}

export const MONTH = '2025-12';

/** Peak resident memory while fn runs, sampled every 50 ms. */
export async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      value,
      seconds: Math.round(performance.now() - t0) / 1000,
      peakRssMb: Math.round(peak / 2 ** 20),
    };
  } finally {
    clearInterval(timer);
  }
}

export const fmt4 = (units: number) =>
  `${Math.floor(units / 10_000)}.${String(units % 10_000).padStart(4, '0')}`;

export type ClassBSizes = Required<Pick<ClassBBenchOptions, 'accounts' | 'lots' | 'transactions'>>;

/** The benchmark complex with its history loaded and one month of activity generated (not yet applied). */
export interface ClassBComplex {
  /** Class B portfolio ids, sorted, and their names on the month's last day */
  readonly portfolios: readonly string[];
  readonly names: readonly string[];
  readonly lots: number;
  readonly setup: { seconds: number; peakRssMb: number };
  /** the month's transactions file: header, then one line per row */
  readonly lines: string[];
  readonly redemptions: number;
  readonly exchanges: number;
}

/**
 * Migrates, imports the demo complex's exhibits, loads the history (accounts and the purchases
 * and reinvestments that made their lots) straight into the tables, and generates one month of
 * activity (20% redemptions, 5% exchanges) as a `transactions import` file.
 */
export async function buildClassBComplex(db: Database, opts: ClassBSizes): Promise<ClassBComplex> {
  await migrate(db);
  const registry = await importDemoExhibits(db);
  const portfolios = classBPortfolioIds(registry);
  const names = portfolios.map((p) => registry.identities.nameOn(p, '2025-12-31'));
  const rnd = seededRandom(7);
  const held = new Map<number, Map<number, number>>(); // account → portfolio index → share units
  const setup = await measured(async () => {
    const CHUNK = 100_000;
    for (let a = 0; a < opts.accounts; a += CHUNK) {
      const ids = Array.from({ length: Math.min(CHUNK, opts.accounts - a) }, (_, i) => `A${a + i}`);
      await db.query(
        `INSERT INTO class_b_account (account, omnibus, dealer_of_record, import_id)
         SELECT a, false, 'Dealer', 0 FROM unnest($1::text[]) AS t(a)`,
        [ids],
      );
    }
    const perAccount = opts.lots / opts.accounts;
    let lot = 0;
    for (let a0 = 0; a0 < opts.accounts; a0 += 20_000) {
      const cols: string[][] = [[], [], [], [], [], [], [], []];
      for (let a = a0; a < Math.min(a0 + 20_000, opts.accounts); a++) {
        const n = Math.max(1, Math.round(perAccount + (rnd() - 0.5)));
        const mine = new Map<number, number>();
        for (let k = 0; k < n; k++) {
          const p = Math.floor(rnd() * portfolios.length);
          const shares = 10_000 + Math.floor(rnd() * 5_000_000);
          const year = 2018 + Math.floor(rnd() * 7); // none converts before the month (8 years)
          const date = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
          mine.set(p, (mine.get(p) ?? 0) + shares);
          cols[0]!.push(`H${lot++}`);
          cols[1]!.push(date);
          cols[2]!.push(`A${a}`);
          cols[3]!.push(portfolios[p]!);
          cols[4]!.push(names[p]!);
          cols[5]!.push(k % 4 === 3 ? 'reinvest' : 'purchase');
          cols[6]!.push(fmt4(shares));
          cols[7]!.push(fmt4(100_000 + Math.floor(rnd() * 300_000)));
        }
        held.set(a, mine);
      }
      await db.query(
        `INSERT INTO class_b_transaction (txn_id, date, account, portfolio_id, portfolio_name, class, type, shares, price, import_id)
         SELECT t, d::date, a, p, pn, 'B', ty, s::numeric, pr::numeric, 0
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
             AS u(t, d, a, p, pn, ty, s, pr) ORDER BY d, t`,
        cols,
      );
    }
    return lot;
  });
  // one month of activity: 20% redemptions, 5% exchanges (two rows each), the rest purchases and reinvestments
  const lines = ['date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver'];
  let redemptions = 0;
  let exchanges = 0;
  for (let t = 0; t < opts.transactions; t++) {
    const a = Math.floor(rnd() * opts.accounts);
    const day = `${MONTH}-${String(1 + Math.floor((t / opts.transactions) * 31)).padStart(2, '0')}`;
    const mine = held.get(a)!;
    const r = rnd();
    const price = 100_000 + Math.floor(rnd() * 300_000);
    const [p, have] = [...mine.entries()].find(([, s]) => s > 10) ?? [0, 0];
    if (r < 0.2 && have > 10) {
      const s = Math.max(1, Math.floor(have * rnd() * 0.5));
      mine.set(p, have - s);
      lines.push(`${day},M${t},A${a},"${names[p]}",B,redeem,${fmt4(s)},${fmt4(price)},,`);
      redemptions++;
    } else if (r < 0.25 && have > 10) {
      const s = Math.max(1, Math.floor(have * rnd() * 0.5));
      const q = (p + 1) % portfolios.length;
      const priceIn = 100_000 + Math.floor(rnd() * 300_000);
      const into = Math.round((s * price) / priceIn);
      if (into < 1) continue;
      mine.set(p, have - s);
      mine.set(q, (mine.get(q) ?? 0) + into);
      lines.push(`${day},M${t}o,A${a},"${names[p]}",B,exchange_out,${fmt4(s)},${fmt4(price)},X${t},`);
      lines.push(`${day},M${t}i,A${a},"${names[q]}",B,exchange_in,${fmt4(into)},${fmt4(priceIn)},X${t},`);
      exchanges++;
    } else {
      const s = 10_000 + Math.floor(rnd() * 1_000_000);
      const q = Math.floor(rnd() * portfolios.length);
      mine.set(q, (mine.get(q) ?? 0) + s);
      lines.push(
        `${day},M${t},A${a},"${names[q]}",B,${r < 0.6 ? 'purchase' : 'reinvest'},${fmt4(s)},${fmt4(price)},,`,
      );
    }
  }
  return {
    portfolios,
    names,
    lots: setup.value,
    setup: { seconds: setup.seconds, peakRssMb: setup.peakRssMb },
    lines,
    redemptions,
    exchanges,
  };
}

/**
 * Times the month through the real path: `transactions import` of one month's file (validation,
 * replay of every touched account, redemptions written) and the redemption and CDSC reports.
 */
async function runOn(db: Database, opts: ClassBSizes): Promise<Record<string, unknown>> {
  const { lines, ...complex } = await buildClassBComplex(db, opts);
  const bytes = Buffer.from(`${lines.join('\n')}\n`);
  const apply = await measured(() => importTransactions(db, 'month.csv', bytes));
  const redemptionReport = await measured(() => redemptionsReport(db, `${MONTH}-01`, `${MONTH}-31`));
  const cdsc = await measured(() => cdscReport(db, MONTH));
  return {
    accounts: opts.accounts,
    lots: complex.lots,
    monthRows: lines.length - 1,
    monthRedemptions: complex.redemptions,
    monthExchanges: complex.exchanges,
    loadHistorySeconds: complex.setup.seconds,
    applyMonth: {
      seconds: apply.seconds,
      peakRssMb: apply.peakRssMb,
      accountsReplayed: apply.value.accounts,
      redemptionsWritten: apply.value.redemptionsWritten,
    },
    redemptionReport: {
      seconds: redemptionReport.seconds,
      peakRssMb: redemptionReport.peakRssMb,
      redemptions: redemptionReport.value.redemptions.length,
    },
    cdscReport: { seconds: cdsc.seconds, peakRssMb: cdsc.peakRssMb, totalCdsc: cdsc.value.totalCdsc },
  };
}

/**
 * The Class B share ledger at transfer-agent scale (issue 5): 1,000,000 accounts, 5,000,000 lots,
 * one month of 1,000,000 transactions (20% redemptions, 5% exchanges) — time and peak memory to
 * apply the month and produce the redemption and CDSC reports, on PGlite and on the server.
 */
export async function benchClassB(opts: ClassBBenchOptions = {}): Promise<Record<string, unknown>> {
  const sizes = {
    accounts: opts.accounts ?? 1_000_000,
    lots: opts.lots ?? 5_000_000,
    transactions: opts.transactions ?? 1_000_000,
  };
  const out: Record<string, unknown> = { sizes };
  if (!opts.serverOnly) {
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-bench-classb-'));
    const db = await openDatabase(join(dir, 'db'));
    try {
      out.pglite = await runOn(db, sizes);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (opts.serverUrl) {
    const schema = `bench_classb_${process.pid}`;
    const u = new URL(opts.serverUrl);
    u.searchParams.set('schema', schema);
    const db = await openDatabase(u.toString());
    try {
      out.postgres = await runOn(db, sizes);
    } finally {
      await db.close();
      const c = new pg.Client({ connectionString: opts.serverUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = (name: string) => {
    const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number(arg.split('=')[1]) : undefined;
  };
  const result = await benchClassB({
    accounts: n('accounts'),
    lots: n('lots'),
    transactions: n('transactions'),
    serverUrl: process.env.PLAN12B_TEST_PG_URL,
    serverOnly: process.argv.includes('--server-only'),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
