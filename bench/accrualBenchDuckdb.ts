/**
 * DuckDB peers for the accrual benchmark, on the same CSV. Loading reads it into
 * na(cid, d, na_cents, net_assets) — the class resolved to an integer id through the class
 * dictionary, as the fast engine resolves it to a column — then on the loaded table:
 * (a) the exact integer-cents SQL of SPEC §4: daily fee = (2·NA·rate + D) // (2·D), D = 10^8·Y,
 *     which is round-half-up for NA ≥ 0, summed by class and month;
 * (b) the naive DECIMAL query round(NA × rate% / 100 / 365, 2), and how many of its daily
 *     accruals differ from the exact ones.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export interface DuckdbClassMonth {
  readonly cid: number;
  /** year × 100 + month */
  readonly yearMonth: number;
  readonly days: number;
  readonly netAssetsSumCents: bigint;
  readonly distributionFeeCents: bigint;
  readonly serviceFeeCents: bigint;
}

export interface DuckdbPeerResult {
  readonly version: string;
  readonly threads: number;
  readonly loadMs: number;
  readonly exactQueryMs: number;
  readonly exactQueryRuns: number[];
  readonly exactClassMonths: DuckdbClassMonth[];
  readonly naiveQueryMs: number;
  readonly naiveClassMonths: DuckdbClassMonth[];
  readonly naiveDailyAccruals: number;
  readonly naiveMismatchingDistributionFees: number;
  readonly naiveMismatchingServiceFees: number;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** SPEC §4 Y(d) as BIGINT, so 10^8·Y cannot overflow INTEGER. */
const YEAR_DAYS =
  'CASE WHEN year(n.d) % 4 = 0 AND (year(n.d) % 100 <> 0 OR year(n.d) % 400 = 0) THEN 366::BIGINT ELSE 365::BIGINT END';

const JOIN = 'FROM na n JOIN rates r ON n.cid = r.cid AND n.d >= r.from_d AND n.d < r.until_d';

const EXACT_FEE = (rate: string) =>
  `(2 * n.na_cents * r.${rate} + 100000000 * ${YEAR_DAYS}) // (200000000 * ${YEAR_DAYS})`;

const NAIVE_FEE = (rate: string) => `CAST(round(n.net_assets * r.${rate} / 100 / 365, 2) * 100 AS BIGINT)`;

const EXACT_QUERY = `
SELECT n.cid, year(n.d) * 100 + month(n.d) AS ym, count(*) AS days, sum(n.na_cents) AS na_sum,
  sum(${EXACT_FEE('dist_micro')}) AS dist_fee, sum(${EXACT_FEE('serv_micro')}) AS serv_fee
${JOIN}
GROUP BY ALL`;

const NAIVE_QUERY = `
SELECT n.cid, year(n.d) * 100 + month(n.d) AS ym, count(*) AS days, sum(n.na_cents) AS na_sum,
  sum(${NAIVE_FEE('dist_pct')}) AS dist_fee, sum(${NAIVE_FEE('serv_pct')}) AS serv_fee
${JOIN}
GROUP BY ALL`;

const NAIVE_MISMATCHES = `
SELECT count(*) AS total,
  count(*) FILTER (WHERE ${NAIVE_FEE('dist_pct')} <> ${EXACT_FEE('dist_micro')}) AS dist_bad,
  count(*) FILTER (WHERE ${NAIVE_FEE('serv_pct')} <> ${EXACT_FEE('serv_micro')}) AS serv_bad
${JOIN}`;

function classMonths(rows: unknown[][]): DuckdbClassMonth[] {
  return rows.map(([cid, ym, days, na, dist, serv]) => ({
    cid: Number(cid),
    yearMonth: Number(ym),
    days: Number(days),
    netAssetsSumCents: BigInt(String(na)),
    distributionFeeCents: BigInt(String(dist)),
    serviceFeeCents: BigInt(String(serv)),
  }));
}

/** Best of `runs` timings (after one warm-up) of an async step. */
async function timeBest<T>(
  runs: number,
  step: () => Promise<T>,
): Promise<{ best: number; all: number[]; value: T }> {
  let value = await step();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await step();
    all.push(performance.now() - t);
  }
  return { best: Math.min(...all), all, value };
}

export async function runDuckdbPeers(opts: {
  csvPath: string;
  classesCsvPath: string;
  ratesCsvPath: string;
  threads: number;
  queryRuns: number;
  sampleRss: () => void;
}): Promise<DuckdbPeerResult> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(opts.threads) });
  const connection = await instance.connect();
  try {
    const version = String((await connection.runAndReadAll('SELECT version()')).getRows()[0]?.[0]);
    await connection.run(
      `CREATE TABLE classes AS SELECT * FROM read_csv(${sqlString(opts.classesCsvPath)}, header = true,
         columns = {'cid': 'INTEGER', 'portfolio': 'VARCHAR', 'class': 'VARCHAR'})`,
    );
    await connection.run(
      `CREATE TABLE rates AS SELECT cid, from_d, until_d, dist_micro, serv_micro,
         CAST(dist_micro / 1000000 AS DECIMAL(9, 6)) AS dist_pct, CAST(serv_micro / 1000000 AS DECIMAL(9, 6)) AS serv_pct
       FROM read_csv(${sqlString(opts.ratesCsvPath)}, header = true, columns = {
         'cid': 'INTEGER', 'from_d': 'DATE', 'until_d': 'DATE', 'dist_micro': 'BIGINT', 'serv_micro': 'BIGINT'})`,
    );
    const loadStart = performance.now();
    await connection.run(
      `CREATE TABLE na AS SELECT c.cid, f."date" AS d, CAST(f.net_assets * 100 AS BIGINT) AS na_cents, f.net_assets
       FROM read_csv(${sqlString(opts.csvPath)}, header = true, columns = {
         'date': 'DATE', 'portfolio': 'VARCHAR', 'class': 'VARCHAR', 'net_assets': 'DECIMAL(18, 2)'}) f
       JOIN classes c ON c.portfolio = f.portfolio AND c.class = f.class`,
    );
    const loadMs = performance.now() - loadStart;
    opts.sampleRss();
    const exact = await timeBest(opts.queryRuns, async () =>
      (await connection.runAndReadAll(EXACT_QUERY)).getRows(),
    );
    opts.sampleRss();
    const naive = await timeBest(1, async () => (await connection.runAndReadAll(NAIVE_QUERY)).getRows());
    const mismatches = (await connection.runAndReadAll(NAIVE_MISMATCHES)).getRows()[0]!;
    opts.sampleRss();
    return {
      version,
      threads: opts.threads,
      loadMs,
      exactQueryMs: exact.best,
      exactQueryRuns: exact.all,
      exactClassMonths: classMonths(exact.value),
      naiveQueryMs: naive.best,
      naiveClassMonths: classMonths(naive.value),
      naiveDailyAccruals: Number(mismatches[0]),
      naiveMismatchingDistributionFees: Number(mismatches[1]),
      naiveMismatchingServiceFees: Number(mismatches[2]),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
