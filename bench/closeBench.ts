import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadAuditEvidence } from '../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../src/audit/auditVerification.js';
import { sealedPartHash } from '../src/audit/closeSeal.js';
import { addDays, monthEnd } from '../src/calendar/isoDate.js';
import { MONTH_CLOSE_STEPS } from '../src/close/closeSteps.js';
import { bootstrapLedgerState } from '../src/close/ledgerStateBootstrap.js';
import { closeMonth } from '../src/close/monthClose.js';
import { seededRandom } from '../src/demo/demoComplex.js';
import { demoNetAssetsCsv } from '../src/demo/demoNetAssets.js';
import { demoOmnibusCsv } from '../src/demo/demoOmnibus.js';
import { runServiceFeesDemo } from '../src/demo/demoServiceFees.js';
import { importDistributors } from '../src/feeds/distributorsFeed.js';
import { importNetAssets } from '../src/feeds/netAssetsFeed.js';
import { importOmnibusMonths } from '../src/feeds/omnibusFeed.js';
import { importTransactions } from '../src/feeds/transactionsFeed.js';
import { importTransfers } from '../src/feeds/transfersFeed.js';
import type { MonthlyCalculationReport } from '../src/reports/monthlyCalculationReport.js';
import { loadClassBTerms } from '../src/store/classBTermsRepository.js';
import { type Database, openDatabase, type Queryable, type TextRowChunkSize } from '../src/store/database.js';
import { migrate } from '../src/store/migrations.js';
import { loadRegistry } from '../src/store/registryStore.js';
import { buildClassBComplex, type ClassBSizes, fmt4, MONTH, measured } from './classBBench.js';

export interface CloseBenchOptions {
  /** Class B accounts (lots ×5, month rows ×1, as in the Class B benchmark); default 1,000,000 */
  accounts?: number;
  serverUrl?: string;
  /** skip the embedded PGlite run */
  serverOnly?: boolean;
  /** write a V8 CPU profile of each close (not the set-up) to this file prefix (`PREFIX-server.cpuprofile`, `PREFIX-pglite.cpuprofile`) */
  profileClose?: string;
  /** a CPU profile of the month's import alone (`--cpu-prof-apply=FILE`, with `--apply-from`) */
  profileApply?: string;
  /**
   * steady (default): the months from the Distributor's term end to the benchmark month closed by
   * this build in the set-up, so the close computes Exhibit A only at the month's own dates; cold
   * (`--cold`): no earlier month closed, every computation date computed by the close
   */
  state?: 'steady' | 'cold';
  /** accounts for the PGlite run when it runs at a smaller size than the server (default: `accounts`) */
  pgliteAccounts?: number;
  /** PGlite: build the set-up in DIR/db (with DIR/setup.json) and stop, closing nothing */
  setupOnly?: string;
  /** PGlite: copy a set-up kept by `setupOnly` and time its close in this process */
  closeFrom?: string;
  /**
   * with `setupOnly`: stop before the month is applied, keeping the month's file beside the store
   * (`DIR/month.csv`), so that `applyFrom` can time `transactions import` alone in a fresh process
   */
  beforeApply?: boolean;
  /** PGlite: copy a set-up kept by `setupOnly` + `beforeApply`, time the month's import, then close */
  applyFrom?: string;
  /** with `applyFrom`: keep the applied store as a set-up in this folder (for `closeFrom`), closing nothing */
  keepApplied?: string;
}

const DISTRIBUTOR = 'Summit Distributors, Inc.';
const OTHER_DISTRIBUTOR = 'Beacon Fund Distributors LLC';
/** The Distributor's term ends here for some portfolios: Exhibit A computations on it and every later month end. */
const TERM_END = '2025-09-30';
const OMNIBUS_ACCOUNTS = 200;
const OMNIBUS_HISTORY_LOTS = 100;
const OMNIBUS_MONTHS = ['2025-10', '2025-11', MONTH] as const;

const q = (s: string) => `"${s}"`;

/** A statement's time, the times it was asked (or fetched from) and the rows it handed over. */
interface QueryTime {
  n: number;
  ms: number;
  rows: number;
}

/** Rows in a result: an array's length, or the lines of COPY text. */
function rowsIn(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (typeof result === 'string') {
    let n = 0;
    for (let i = result.indexOf('\n'); i !== -1; i = result.indexOf('\n', i + 1)) n++;
    return n;
  }
  if (result instanceof Uint8Array) {
    let n = 0;
    for (let i = result.indexOf(10); i !== -1; i = result.indexOf(10, i + 1)) n++;
    return n;
  }
  return 0;
}

/**
 * Time per statement (by its first 90 characters) of every query the close makes (`--query-times`;
 * the 25 longest, `--query-times=all` every one), with the rows each handed over.
 */
function timedDatabase(db: Database, times: Map<string, QueryTime>): Database {
  // The store runs one statement at a time: two asked together (Promise.all) run one after the
  // other, and the second's clock starts when the first ends, not when both were asked (timed
  // from the asking, the state and its attributions read together were each charged both).
  let lastEnd = 0;
  const timed = <R>(sql: string, fn: () => Promise<R>, rows: (r: R) => number = rowsIn): Promise<R> => {
    const t0 = performance.now();
    const k = sql.replace(/\s+/g, ' ').slice(0, 90);
    const e = times.get(k) ?? { n: 0, ms: 0, rows: 0 };
    times.set(k, e);
    return fn()
      .then((r) => {
        e.rows += rows(r);
        return r;
      })
      .finally(() => {
        const now = performance.now();
        e.n++;
        e.ms += now - Math.max(t0, lastEnd);
        lastEnd = now;
      });
  };
  async function* timedChunks<T>(sql: string, chunks: AsyncIterable<T>): AsyncGenerator<T> {
    const it = chunks[Symbol.asyncIterator]();
    for (;;) {
      const next = await timed(
        sql,
        () => it.next(),
        (r) => (r.done ? 0 : rowsIn(r.value)),
      );
      if (next.done) return;
      yield next.value;
    }
  }
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => timed(sql, () => q.query(sql, params)),
    exec: (sql) =>
      timed(
        sql,
        () => q.exec(sql),
        () => 0,
      ),
    copyIn: (table, columns, rows) =>
      timed(
        `COPY IN ${table}`,
        () => q.copyIn(table, columns, rows),
        () => 0,
      ),
    copyOut: (sql) => timed(sql, () => q.copyOut(sql)),
    textRows: (sql) => timed(sql, () => q.textRows(sql)),
    // the time of the reads, not of what the caller does between chunks
    textRowChunks: (sql, size) => timedChunks(sql, q.textRowChunks(sql, size)),
    // PGlite's, where the store has it (the inputs digest reads the bytes): kept, and timed
    ...(q.copyTextSlices === undefined
      ? {}
      : {
          copyTextSlices: (sql: string, size?: TextRowChunkSize) =>
            timedChunks(sql, q.copyTextSlices!(sql, size)),
        }),
  });
  return {
    ...db,
    ...wrap(db),
    transaction: (fn, opts) => db.transaction((tx) => fn(wrap(tx)), opts),
    withWriterLock: (fn) => db.withWriterLock(fn),
    close: () => db.close(),
  };
}

/** The statements' times, longest first (`--query-times`: 25 of them; `--query-times=all`). */
function logQueryTimes(times: ReadonlyMap<string, QueryTime>, log: (s: string) => void): void {
  const all = process.argv.includes('--query-times=all');
  for (const [sql, t] of [...times].sort(([, a], [, b]) => b.ms - a.ms).slice(0, all ? undefined : 25))
    log(`query ${(t.ms / 1000).toFixed(3)} s ×${t.n} ${t.rows} rows: ${sql}`);
}

/** `--query-times` or `--query-times=all`. */
const queryTimesAsked = () => process.argv.some((a) => a === '--query-times' || a === '--query-times=all');

/**
 * A V8 CPU profile of this process from now until `stop` (the close alone, `--cpu-prof-close=FILE`;
 * the import alone, `--cpu-prof-apply=FILE`).
 */
async function startProfile(): Promise<{ stop(): Promise<string> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session.disconnect();
      return JSON.stringify(profile);
    },
  };
}

/**
 * 200 Omnibus Accounts (big ones: 100 history lots each across the portfolios), loaded like the
 * Class B history, and their activity (purchases, reinvestments, redemptions) in October and
 * November (their own files) and in the benchmark month (lines for the month's file).
 */
async function loadOmnibusAccounts(
  db: Database,
  portfolios: readonly string[],
  names: readonly string[],
): Promise<{ lots: number; earlierMonths: Map<string, string[]>; monthLines: string[] }> {
  const rnd = seededRandom(11);
  const ids = Array.from({ length: OMNIBUS_ACCOUNTS }, (_, i) => `OMNI${String(i).padStart(4, '0')}`);
  await db.query(
    `INSERT INTO class_b_account (account, omnibus, dealer_of_record, import_id)
     SELECT a, true, 'Omnibus Clearing', 0 FROM unnest($1::text[]) AS t(a)`,
    [ids],
  );
  const held = ids.map(() => new Map<number, number>());
  const cols: string[][] = [[], [], [], [], [], [], [], []];
  let lot = 0;
  ids.forEach((acct, a) => {
    for (let k = 0; k < OMNIBUS_HISTORY_LOTS; k++) {
      const p = Math.floor(rnd() * portfolios.length);
      const shares = 100_000 + Math.floor(rnd() * 50_000_000);
      const year = 2018 + Math.floor(rnd() * 7);
      const date = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      held[a]!.set(p, (held[a]!.get(p) ?? 0) + shares);
      cols[0]!.push(`OH${lot++}`);
      cols[1]!.push(date);
      cols[2]!.push(acct);
      cols[3]!.push(portfolios[p]!);
      cols[4]!.push(names[p]!);
      cols[5]!.push(k % 3 === 2 ? 'reinvest' : 'purchase');
      cols[6]!.push(fmt4(shares));
      cols[7]!.push(fmt4(100_000 + Math.floor(rnd() * 300_000)));
    }
  });
  await db.query(
    `INSERT INTO class_b_transaction (txn_id, date, account, portfolio_id, portfolio_name, class, type, shares, price, import_id)
     SELECT t, d::date, a, p, pn, 'B', ty, s::numeric, pr::numeric, 0
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS u(t, d, a, p, pn, ty, s, pr) ORDER BY d, t`,
    cols,
  );
  const monthLines = (month: string): string[] => {
    const lines: string[] = [];
    for (let day = 1; day <= 28; day++) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      ids.forEach((acct, a) => {
        if (rnd() > 0.1) return; // ~3 transactions per account per month
        const mine = held[a]!;
        const p = Math.floor(rnd() * portfolios.length);
        const price = fmt4(100_000 + Math.floor(rnd() * 300_000));
        const id = `${month}-${acct}-${day}`;
        const r = rnd();
        const have = mine.get(p) ?? 0;
        if (r < 0.35 && have > 100) {
          const s = Math.max(1, Math.floor(have * rnd() * 0.2));
          mine.set(p, have - s);
          lines.push(`${date},${id},${acct},${q(names[p]!)},B,redeem,${fmt4(s)},${price},,`);
        } else {
          const s = 10_000 + Math.floor(rnd() * 5_000_000);
          mine.set(p, have + s);
          lines.push(
            `${date},${id},${acct},${q(names[p]!)},B,${r < 0.7 ? 'reinvest' : 'purchase'},${fmt4(s)},${price},,`,
          );
        }
      });
    }
    return lines;
  };
  const earlierMonths = new Map<string, string[]>();
  for (const m of OMNIBUS_MONTHS.slice(0, -1)) earlierMonths.set(m, monthLines(m));
  return { lots: lot, earlierMonths, monthLines: monthLines(MONTH) };
}

/**
 * The month close at scale (issue 6): the Class B benchmark complex plus 200 Omnibus Accounts,
 * a change of distributor for three portfolios before the month, the sub-transfer agent's
 * figures reconciled with the ledger, three Assignees, net assets for every class — then
 * `closeMonth` for the month, timed step by step with peak memory.
 */
/** What the set-up built, for the timed close (kept beside a saved set-up: `--setup-only=DIR`). */
interface CloseSetup {
  readonly accounts: number;
  readonly historyLots: number;
  readonly monthRedemptions: number;
  readonly monthExchanges: number;
  readonly loadHistorySeconds: number;
  readonly setupSeconds: number;
  readonly setup: Record<string, unknown> & { omnibusLots: number };
}

async function setUpClose(
  db: Database,
  sizes: ClassBSizes,
  log: (s: string) => void,
  state: 'steady' | 'cold',
  stopBeforeApply?: string,
): Promise<CloseSetup> {
  const complex = await buildClassBComplex(db, sizes);
  log(`history loaded: ${complex.lots} lots in ${complex.setup.seconds} s`);
  const registry = await loadRegistry(db);
  const { portfolios, names } = complex;
  const tmp = mkdtempSync(join(tmpdir(), 'plan12b-bench-close-'));
  try {
    const setup = await measured(async () => {
      const omnibus = await loadOmnibusAccounts(db, portfolios, names);

      // Distributors: the Distributor for every portfolio since 1990; for three of them its term
      // ends on TERM_END and an Other Distributor takes over.
      const changed = [0, 3, 6].filter((i) => i < portfolios.length);
      const distributorsCsv = [
        'portfolio,distributor,start,end',
        `all,${q(DISTRIBUTOR)},1990-01-01,`,
        ...changed.flatMap((i) => [
          `${q(names[i]!)},${q(DISTRIBUTOR)},1990-01-01,${TERM_END}`,
          `${q(names[i]!)},${q(OTHER_DISTRIBUTOR)},2025-10-01,`,
        ]),
      ];
      await importDistributors(db, 'distributors.csv', Buffer.from(`${distributorsCsv.join('\n')}\n`));

      // Net assets for every class through the month (the fees that accrue), then service providers.
      const na = demoNetAssetsCsv(registry, '2025-01-02', monthEnd(MONTH));
      await importNetAssets(db, 'net-assets.csv', Buffer.from(na));
      await runServiceFeesDemo(db, tmp, MONTH);

      // The Omnibus Accounts' October and November, then the benchmark month for everyone.
      const header = complex.lines[0]!;
      for (const [m, lines] of omnibus.earlierMonths)
        await importTransactions(db, `omnibus-${m}.csv`, Buffer.from(`${[header, ...lines].join('\n')}\n`));
      // Three Assignees: all portfolios; a DOI range; one portfolio whose notice arrived mid-month.
      const transfersCsv = [
        'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
        'TR-1,Keystone Receivables Trust,"100 Market Street, Wilmington, DE 19801",all,50,50,,,2016-01-01,2016-01-06,direct,',
        'TR-2,Pinnacle Funding LLC,"200 Park Avenue, New York, NY 10166",all,20,20,2021-01-01,2022-12-31,2024-01-01,2024-01-05,direct,',
        `TR-3,Crestline B-Share Capital,"1 Harbor Plaza, Boston, MA 02110",${q(names[1]!)},15,15,,,2025-11-01,${MONTH}-15,depository,Northern Custody Co.`,
      ];
      const importTransfersOnce = () =>
        importTransfers(db, 'transfers.csv', Buffer.from(`${transfersCsv.join('\n')}\n`));
      const classBTerms = await loadClassBTerms(db);
      // Cold: the Class B ledger stored at the month ends from the Distributor's term end through
      // the month before (issue 14 item 1), built from the transactions, and no month closed: the
      // close computes Exhibit A at every computation date. Steady: the ledger at the term end
      // only, then the months after it up to the benchmark month closed by this build's own
      // `closeMonth` (which applies each month to the stored ledger and keeps the Exhibit A
      // holdings of its computation dates), so the close finds the earlier dates stored, as a
      // complex closed month after month does. Untimed.
      const stateMonthEnds: string[] = [];
      for (let m = TERM_END; m < `${MONTH}-01`; m = monthEnd(addDays(m, 1).slice(0, 7)))
        if (state === 'cold' || m === TERM_END) stateMonthEnds.push(m);
      const bootstrap = await measured(async () => {
        for (const end of stateMonthEnds)
          await db.transaction((tx) => bootstrapLedgerState(tx, end, classBTerms));
      });
      log(`ledger state stored at ${stateMonthEnds.join(', ')} in ${bootstrap.seconds} s (untimed)`);
      const earlierCloses: { month: string; seconds: number; cpuSeconds: number; peakRssMb: number }[] = [];
      let omnibusRows = 0;
      if (state === 'steady') {
        const earlier = OMNIBUS_MONTHS.slice(0, -1);
        const csv = await demoOmnibusCsv(db, registry, earlier);
        omnibusRows += (await importOmnibusMonths(db, 'omnibus-earlier.csv', Buffer.from(csv))).rows;
        await importTransfersOnce();
        for (const [i, m] of earlier.entries()) {
          const cpu0 = process.cpuUsage();
          const c = await measured(() => closeMonth(db, m, MONTH_CLOSE_STEPS, { first: i === 0 }));
          const cpu = process.cpuUsage(cpu0);
          // this process's CPU: the books' first close (October) replays the history (hostile8)
          const cpuSeconds = Math.round((cpu.user + cpu.system) / 1000) / 1000;
          earlierCloses.push({ month: m, seconds: c.seconds, cpuSeconds, peakRssMb: c.peakRssMb });
          log(`${m} closed in ${c.seconds} s, ${cpuSeconds} s CPU (untimed set-up)`);
        }
      }

      const month = [...complex.lines, ...omnibus.monthLines];
      const before = {
        omnibusLots: omnibus.lots,
        distributorChangedFor: changed.map((i) => names[i]),
        ledgerStateMonthEnds: stateMonthEnds,
        ledgerStateSeconds: bootstrap.seconds,
        monthRows: month.length - 1,
        omnibusFeedRows: omnibusRows,
        state,
        earlierCloses,
        transfers: transfersCsv.length - 1,
        transfersCsv: `${transfersCsv.join('\n')}\n`,
      };
      if (stopBeforeApply !== undefined) {
        writeFileSync(join(stopBeforeApply, 'month.csv'), `${month.join('\n')}\n`);
        return before;
      }
      return { ...before, ...(await applyMonth(db, Buffer.from(`${month.join('\n')}\n`), before, log)) };
    });
    log(`complex ready in ${setup.seconds} s`);
    return {
      accounts: sizes.accounts,
      historyLots: complex.lots,
      monthRedemptions: complex.redemptions,
      monthExchanges: complex.exchanges,
      loadHistorySeconds: complex.setup.seconds,
      setupSeconds: setup.seconds,
      setup: setup.value,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The timed part of the set-up: the month's `transactions import` (wall, CPU, peak RSS), then the
 * sub-transfer agent's figures for the month (and, cold, the Transfers), untimed.
 */
async function applyMonth(
  db: Database,
  monthCsv: Buffer,
  before: { omnibusFeedRows: number; state: 'steady' | 'cold'; transfersCsv: string },
  log: (s: string) => void,
): Promise<Record<string, unknown> & { omnibusFeedRows: number }> {
  const { state } = before;
  let omnibusRows = before.omnibusFeedRows;
  const registry = await loadRegistry(db);
  // CPU beside wall time: the machine is shared (issue 14 item 1, stage 3)
  const cpu0 = process.cpuUsage();
  const applied = await measured(() => importTransactions(db, 'month.csv', monthCsv));
  const cpu = process.cpuUsage(cpu0);
  const applyMonthCpuSeconds = Math.round((cpu.user + cpu.system) / 1000) / 1000;
  log(
    `month applied: ${applied.value.rows} rows in ${applied.seconds} s (${applyMonthCpuSeconds} s CPU of this process, peak RSS ${applied.peakRssMb} MB)`,
  );

  // The sub-transfer agent's figures, derived from the ledger so that they reconcile (steady:
  // the benchmark month's only, the earlier months' being imported before their closes).
  const omnibusCsv = await demoOmnibusCsv(db, registry, OMNIBUS_MONTHS);
  const omnibusLines = omnibusCsv.trimEnd().split('\n');
  const omnibusMonthCsv =
    state === 'cold'
      ? omnibusCsv
      : `${[omnibusLines[0]!, ...omnibusLines.slice(1).filter((l) => l.startsWith(`${MONTH},`))].join('\n')}\n`;
  omnibusRows += (await importOmnibusMonths(db, 'omnibus-months.csv', Buffer.from(omnibusMonthCsv))).rows;
  if (state === 'cold') await importTransfers(db, 'transfers.csv', Buffer.from(before.transfersCsv));
  return {
    applyMonthSeconds: applied.seconds,
    applyMonthCpuSeconds,
    applyMonthPeakRssMb: applied.peakRssMb,
    applyMonthLoadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    applyMonthResult: applied.value,
    omnibusFeedRows: omnibusRows,
  };
}

/**
 * The month close at scale (issue 6): the Class B benchmark complex plus 200 Omnibus Accounts,
 * a change of distributor for three portfolios before the month, the sub-transfer agent's
 * figures reconciled with the ledger, three Assignees, net assets for every class — then
 * `closeMonth` for the month, timed step by step with peak memory.
 */
async function runOn(
  db: Database,
  sizes: ClassBSizes,
  log: (s: string) => void,
  profileClose?: string,
  state: 'steady' | 'cold' = 'steady',
): Promise<Record<string, unknown>> {
  return timeClose(db, await setUpClose(db, sizes, log, state), log, profileClose, state);
}

/** The timed close of the benchmark month on a set-up store. */
async function timeClose(
  db: Database,
  built: CloseSetup,
  log: (s: string) => void,
  profileClose?: string,
  state: 'steady' | 'cold' = 'steady',
): Promise<Record<string, unknown>> {
  {
    log(
      `closing ${MONTH} (load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
    );

    const steps: { step: string; seconds: number; peakRssMb: number }[] = [];
    let stepStart = performance.now();
    let stepPeak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      stepPeak = Math.max(stepPeak, process.memoryUsage().rss);
    }, 50);
    let current: string | null = null;
    const onStep = (title: string) => {
      const now = performance.now();
      stepPeak = Math.max(stepPeak, process.memoryUsage().rss);
      if (current !== null)
        steps.push({
          step: current,
          seconds: Math.round(now - stepStart) / 1000,
          peakRssMb: Math.round(stepPeak / 2 ** 20),
        });
      log(`close: ${title}`);
      current = title === 'sealed' ? null : title;
      stepStart = now;
      stepPeak = process.memoryUsage().rss;
    };
    let close: Awaited<ReturnType<typeof measured<Awaited<ReturnType<typeof closeMonth>>>>>;
    const cpu0 = process.cpuUsage();
    const profiler = profileClose === undefined ? null : await startProfile();
    const queryTimes = new Map<string, QueryTime>();
    const closeDb = queryTimesAsked() ? timedDatabase(db, queryTimes) : db;
    try {
      close = await measured(() =>
        closeMonth(closeDb, MONTH, MONTH_CLOSE_STEPS, { onStep, first: state === 'cold' }),
      );
    } finally {
      clearInterval(sampler);
      if (profiler) writeFileSync(profileClose!, await profiler.stop());
    }
    logQueryTimes(queryTimes, log);
    const cpu = process.cpuUsage(cpu0);
    const mc = close.value.parts['monthly-calculation'] as MonthlyCalculationReport;
    return {
      accounts: built.accounts,
      omnibusAccounts: OMNIBUS_ACCOUNTS,
      lots: built.historyLots + built.setup.omnibusLots,
      monthRedemptions: built.monthRedemptions,
      monthExchanges: built.monthExchanges,
      loadHistorySeconds: built.loadHistorySeconds,
      setupSeconds: built.setupSeconds,
      ...built.setup,
      close: {
        seconds: close.seconds,
        // this process's CPU (PGlite runs in it; the server's own CPU is not counted)
        cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
        loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
        peakRssMb: close.peakRssMb,
        steps,
        resultsHash: close.value.resultsHash,
        // The results hash also covers the audit chain (timestamps): the parts' hashes are what two
        // stores must agree on.
        partsHash: sealedPartHash(
          Object.keys(close.value.parts)
            .sort()
            .map((part) => [part, sealedPartHash(close.value.parts[part])]),
        ),
        // the same inputs sealed by two builds give the same digest (issue 14: streamed)
        inputsDigest: (
          await db.query<{ d: string }>('SELECT inputs_digest AS d FROM closed_month WHERE month = $1', [
            MONTH,
          ])
        )[0]?.d,
        // untimed: every sealed month's inputs digest recomputed by this build equals the sealed one
        ...(process.argv.includes('--verify')
          ? { auditVerify: verifyAuditEvidence(await loadAuditEvidence(db)).ok }
          : {}),
      },
      monthlyCalculation: {
        portfolios: mc.portfolios.length,
        dueDate: mc.dueDate,
        totals: mc.totals,
        assigneePortions: mc.portfolios.reduce((n, p) => n + p.assignees.length, 0),
      },
    };
  }
}

/**
 * Issue 6's benchmark: close a month for the Class B benchmark complex plus 200 Omnibus Accounts
 * and 3 Assignees, on PGlite and on the PostgreSQL server; time, peak memory and the split by step.
 */
export async function benchClose(
  opts: CloseBenchOptions = {},
  log: (s: string) => void = () => {},
): Promise<Record<string, unknown>> {
  const sizeOf = (accounts: number): ClassBSizes => ({
    accounts,
    lots: accounts * 5,
    transactions: accounts,
  });
  const accounts = opts.accounts ?? 1_000_000;
  const out: Record<string, unknown> = { month: MONTH, sizes: sizeOf(accounts) };
  if (opts.serverUrl) {
    const schema = `bench_close_${process.pid}`;
    const u = new URL(opts.serverUrl);
    u.searchParams.set('schema', schema);
    const db = await openDatabase(u.toString());
    try {
      // an experiment's session settings (`--server-set=jit=off,work_mem=64MB`)
      for (const setting of process.argv
        .find((a) => a.startsWith('--server-set='))
        ?.slice(13)
        .split(',') ?? []) {
        const [name, value] = setting.split('=');
        if (!/^[a-z_]+$/.test(name ?? '') || !/^[A-Za-z0-9]+$/.test(value ?? '')) throw new Error(setting);
        await db.query(`SET ${name} = '${value}'`);
        log(`server: SET ${name} = '${value}'`);
      }
      log(`server: ${accounts} accounts`);
      out.postgres = await runOn(
        db,
        sizeOf(accounts),
        (s) => log(`server: ${s}`),
        opts.profileClose && `${opts.profileClose}-server.cpuprofile`,
        opts.state,
      );
    } finally {
      await db.close();
      if (process.argv.includes('--keep-schema')) log(`server: schema ${schema} kept (drop it by hand)`);
      else {
        const c = new pg.Client({ connectionString: opts.serverUrl });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      }
    }
  }
  if (!opts.serverOnly && opts.applyFrom) {
    // The month's import alone, in a fresh process, on a set-up kept before it (issue 14: the
    // import in bounded memory); then the close in this process, or the applied store kept.
    const from = opts.applyFrom;
    const saved = JSON.parse(readFileSync(join(from, 'setup.json'), 'utf8')) as CloseSetup & {
      state: 'steady' | 'cold';
    };
    const dir = opts.keepApplied ?? mkdtempSync(join(tmpdir(), 'plan12b-bench-apply-pglite-'));
    cpSync(join(from, 'db'), join(dir, 'db'), { recursive: true });
    out.sizes = sizeOf(saved.accounts);
    const db = await openDatabase(join(dir, 'db'));
    try {
      // a set-up kept by an earlier build: migrated to this build's schema first (untimed)
      await migrate(db);
      const log_ = (s: string) => log(`PGlite: ${s}`);
      log_(
        `applying ${MONTH} (load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')})`,
      );
      const queryTimes = new Map<string, QueryTime>();
      const applyDb = queryTimesAsked() ? timedDatabase(db, queryTimes) : db;
      const profiler = opts.profileApply === undefined ? null : await startProfile();
      let applied: Awaited<ReturnType<typeof applyMonth>>;
      try {
        applied = await applyMonth(
          applyDb,
          readFileSync(join(from, 'month.csv')),
          saved.setup as CloseSetup['setup'] & {
            omnibusFeedRows: number;
            state: 'steady' | 'cold';
            transfersCsv: string;
          },
          log_,
        );
      } finally {
        if (profiler) writeFileSync(opts.profileApply!, await profiler.stop());
      }
      logQueryTimes(queryTimes, log_);
      const built: CloseSetup = { ...saved, setup: { ...saved.setup, ...applied } };
      if (opts.keepApplied) {
        writeFileSync(join(dir, 'setup.json'), JSON.stringify({ ...built, state: saved.state }));
        out.pgliteSetup = built;
      } else
        out.pglite = await timeClose(
          db,
          built,
          log_,
          opts.profileClose && `${opts.profileClose}-pglite.cpuprofile`,
          saved.state,
        );
    } finally {
      await db.close();
      if (!opts.keepApplied) rmSync(dir, { recursive: true, force: true });
    }
  } else if (!opts.serverOnly && (opts.setupOnly || opts.closeFrom)) {
    // A set-up kept in a folder and closed in a fresh process, as often as needed (before and
    // after builds on the same data; the close's peak memory without the set-up's behind it).
    if (opts.setupOnly) {
      const n = opts.pgliteAccounts ?? accounts;
      const db = await openDatabase(join(opts.setupOnly, 'db'));
      try {
        const built = await setUpClose(
          db,
          sizeOf(n),
          (s) => log(`PGlite: ${s}`),
          opts.state ?? 'steady',
          opts.beforeApply ? opts.setupOnly : undefined,
        );
        writeFileSync(
          join(opts.setupOnly, 'setup.json'),
          JSON.stringify({ ...built, state: opts.state ?? 'steady' }),
        );
        out.pgliteSetup = built;
      } finally {
        await db.close();
      }
    } else {
      const from = opts.closeFrom!;
      const built = JSON.parse(readFileSync(join(from, 'setup.json'), 'utf8')) as CloseSetup & {
        state: 'steady' | 'cold';
      };
      const dir = mkdtempSync(join(tmpdir(), 'plan12b-bench-close-pglite-'));
      cpSync(join(from, 'db'), join(dir, 'db'), { recursive: true });
      out.sizes = sizeOf(built.accounts);
      const db = await openDatabase(join(dir, 'db'));
      try {
        await migrate(db);
        out.pglite = await timeClose(
          db,
          built,
          (s) => log(`PGlite: ${s}`),
          opts.profileClose && `${opts.profileClose}-pglite.cpuprofile`,
          built.state,
        );
      } finally {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } else if (!opts.serverOnly) {
    const n = opts.pgliteAccounts ?? accounts;
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-bench-close-pglite-'));
    const db = await openDatabase(join(dir, 'db'));
    try {
      log(`PGlite: ${n} accounts`);
      const result = await runOn(
        db,
        sizeOf(n),
        (s) => log(`PGlite: ${s}`),
        opts.profileClose && `${opts.profileClose}-pglite.cpuprofile`,
        opts.state,
      );
      if (n === accounts) out.pglite = result;
      else {
        // Linear in the accounts: every step replays or loads each account a fixed number of times.
        const f = accounts / n;
        const close = result.close as { seconds: number };
        out.pglite = {
          ...result,
          note: `run at ${n.toLocaleString('en-US')} accounts, not the full ${accounts.toLocaleString('en-US')} (impractical on PGlite in reasonable time); extrapolated linearly ×${f}`,
          extrapolatedToFullSize: {
            loadHistorySeconds: Math.round((result.loadHistorySeconds as number) * f),
            applyMonthSeconds: Math.round((result.applyMonthSeconds as number) * f),
            closeSeconds: Math.round(close.seconds * f),
          },
        };
      }
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = (name: string) => {
    const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number(arg.split('=')[1]) : undefined;
  };
  const result = await benchClose(
    {
      accounts: n('accounts'),
      pgliteAccounts: n('pglite-accounts'),
      serverUrl: process.env.PLAN12B_TEST_PG_URL,
      serverOnly: process.argv.includes('--server-only'),
      state: process.argv.includes('--cold') ? 'cold' : 'steady',
      profileClose: process.argv.find((a) => a.startsWith('--cpu-prof-close='))?.split('=')[1],
      profileApply: process.argv.find((a) => a.startsWith('--cpu-prof-apply='))?.split('=')[1],
      setupOnly: process.argv.find((a) => a.startsWith('--setup-only='))?.split('=')[1],
      closeFrom: process.argv.find((a) => a.startsWith('--close-from='))?.split('=')[1],
      beforeApply: process.argv.includes('--before-apply'),
      applyFrom: process.argv.find((a) => a.startsWith('--apply-from='))?.split('=')[1],
      keepApplied: process.argv.find((a) => a.startsWith('--keep-applied='))?.split('=')[1],
    },
    (s) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`),
  );
  process.stdout.write(
    `${JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`,
  );
}
