/**
 * Daily fee accrual benchmark (SPEC §4): on ONE generated complex (default 30,000 classes × 365
 * days ≈ 11M class-days) it times
 * - the fast kernel on the dense in-memory layout (warmed, best of N);
 * - a memory-streaming floor: one pass summing the same net-assets matrix;
 * - the fast engine end to end: CSV file → scanned columns → dense layout → kernel → class-month
 *   records;
 * - the decimal reference on a sample of classes, extrapolated to all;
 * - DuckDB (2 threads) loading the same CSV, the exact integer-cents SQL on the loaded table, and
 *   the naive DECIMAL query with a count of its wrong daily accruals;
 * and checks every approach's class-month cents against the kernel's. Prints nothing.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accrualKernel } from '../src/accrual/accrualKernel.js';
import type { MonthlyAccrual } from '../src/accrual/accrualResult.js';
import type { ClassSeries, ClassTerms } from '../src/accrual/classSeries.js';
import {
  buildDenseInputFromColumns,
  type DenseAccrualInput,
  MONTH_SUM_DAYS,
  MONTH_SUM_DISTRIBUTION_FEE,
  MONTH_SUM_NET_ASSETS,
  MONTH_SUM_SERVICE_FEE,
  MONTH_SUM_STRIDE,
} from '../src/accrual/denseInput.js';
import { monthlyAccrualsFromSums } from '../src/accrual/fastAccrual.js';
import { type NetAssetsColumns, NetAssetsCsvScanner } from '../src/accrual/netAssetsColumns.js';
import { accrueReference } from '../src/accrual/referenceAccrual.js';
import { fromDayNumber } from '../src/calendar/isoDate.js';
import { generateAccrualBenchData, writeClassesAndRatesCsv, writeNetAssetsCsv } from './accrualBenchData.js';
import { type DuckdbClassMonth, runDuckdbPeers } from './accrualBenchDuckdb.js';

export interface AccrualBenchOptions {
  readonly classes?: number;
  readonly days?: number;
  /** Timed repetitions of the kernel and the floor (after warm-up); best is reported. */
  readonly kernelRuns?: number;
  /** Classes run through the decimal reference (default 1% of classes, at least 20). */
  readonly referenceSampleClasses?: number;
  readonly duckdbThreads?: number;
}

const round = (x: number, places = 1) => Number(x.toFixed(places));

function best(runs: number, step: () => void): { best: number; median: number } {
  for (let i = 0; i < 3; i++) step(); // warm-up: let the JIT optimise
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    step();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { best: times[0]!, median: times[Math.floor(times.length / 2)]! };
}

/** The streaming floor: one plain pass summing the same Float64 net-assets matrix. */
function streamingPass(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum;
}

/** The same pass with two independent accumulators: bound by memory bandwidth, not add latency. */
function streamingPassTwoAccumulators(values: Float64Array): number {
  let a = 0;
  let b = 0;
  const n = values.length - (values.length % 2);
  for (let i = 0; i < n; i += 2) {
    a += values[i]!;
    b += values[i + 1]!;
  }
  if (n < values.length) a += values[n]!;
  return a + b;
}

/** Reads a net-assets CSV file through the byte scanner in 16 MiB chunks. */
function scanNetAssetsFile(path: string): NetAssetsColumns {
  const size = statSync(path).size;
  const scanner = new NetAssetsCsvScanner(path, size / 28);
  const buffer = new Uint8Array(16 << 20);
  const fd = openSync(path, 'r');
  try {
    let filled = 0;
    for (;;) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      filled += read;
      const final = read === 0;
      const used = scanner.scan(buffer, filled, final);
      if (final) break;
      buffer.copyWithin(0, used, filled);
      filled -= used;
      if (filled === buffer.length) throw new Error(`${path}: a line longer than 16 MiB`);
    }
  } finally {
    closeSync(fd);
  }
  return scanner.finish();
}

type Totals = Map<string, string>;

function totalsOfSums(dense: DenseAccrualInput, sums: Float64Array): Totals {
  const out: Totals = new Map();
  const m = dense.months.length;
  for (let c = 0; c < dense.classKeys.length; c++) {
    for (let k = 0; k < m; k++) {
      const o = (c * m + k) * MONTH_SUM_STRIDE;
      if (sums[o + MONTH_SUM_DAYS] === 0) continue;
      out.set(
        `${dense.classKeys[c]} ${dense.months[k]}`,
        `${sums[o + MONTH_SUM_DAYS]} ${sums[o + MONTH_SUM_NET_ASSETS]} ${sums[o + MONTH_SUM_DISTRIBUTION_FEE]} ${sums[o + MONTH_SUM_SERVICE_FEE]}`,
      );
    }
  }
  return out;
}

function totalsOfRecords(months: readonly MonthlyAccrual[]): Totals {
  return new Map(
    months.map((m) => [
      `${m.classKey} ${m.month}`,
      `${m.days} ${m.netAssetsSumCents} ${m.distributionFeeCents} ${m.serviceFeeCents}`,
    ]),
  );
}

function totalsOfDuckdb(rows: readonly DuckdbClassMonth[], classKeyOf: (cid: number) => string): Totals {
  return new Map(
    rows.map((r) => [
      `${classKeyOf(r.cid)} ${Math.floor(r.yearMonth / 100)}-${String(r.yearMonth % 100).padStart(2, '0')}`,
      `${r.days} ${r.netAssetsSumCents} ${r.distributionFeeCents} ${r.serviceFeeCents}`,
    ]),
  );
}

/** Class-months whose totals differ (missing on either side counts). */
function mismatches(expected: Totals, actual: Totals, onlyKeys?: Iterable<string>): number {
  let bad = 0;
  const keys = new Set(onlyKeys ?? [...expected.keys(), ...actual.keys()]);
  for (const k of keys) if (expected.get(k) !== actual.get(k)) bad++;
  return bad;
}

function seriesFromColumns(
  columns: NetAssetsColumns,
  terms: readonly ClassTerms[],
  classes: number[],
): ClassSeries[] {
  const wanted = new Map(classes.map((c, i) => [c, i]));
  const rows: { date: string; netAssetsCents: bigint }[][] = classes.map(() => []);
  for (let r = 0; r < columns.rowCount; r++) {
    const i = wanted.get(columns.classIndex[r]!);
    if (i !== undefined)
      rows[i]!.push({
        date: fromDayNumber(columns.dayNumber[r]!),
        netAssetsCents: BigInt(columns.netAssetsCents[r]!),
      });
  }
  return classes.map((c, i) => ({ ...terms[c]!, netAssets: rows[i]! }));
}

/** Generates the complex, writes the CSVs into `dir`, and keeps only what the phases need. */
function prepareData(classes: number, days: number, dir: string, opts: AccrualBenchOptions) {
  const generated = generateAccrualBenchData(classes, days);
  const { from, to, terms } = generated;
  const rows = generated.columns.rowCount;
  if (generated.maxNetAssetsCents * 2 * 1_000_000 >= 2 ** 63) throw new Error('BIGINT SQL could overflow');
  const csvBytes = writeNetAssetsCsv(join(dir, 'net-assets.csv'), generated.columns);
  writeClassesAndRatesCsv(join(dir, 'classes.csv'), join(dir, 'rates.csv'), generated.columns, terms);
  const sampleSize = Math.min(
    classes,
    opts.referenceSampleClasses ?? Math.max(20, Math.round(classes / 100)),
  );
  const sampleClasses = Array.from({ length: sampleSize }, (_, i) => Math.floor((i * classes) / sampleSize));
  const sampleSeries = seriesFromColumns(generated.columns, terms, sampleClasses);
  const dataFacts = {
    classes,
    days,
    rows,
    from,
    to,
    csvMegabytes: round(csvBytes / 1e6),
    rateSegments: generated.rateSegments,
    midYearRateChanges: generated.midYearRateChanges,
    note: 'every calendar day has a row (the SQL peers need no carry-forward); rows ordered by date then class',
  };
  return { from, to, terms, rows, csvBytes, sampleSeries, sampleSize, dataFacts };
}

export async function benchAccrual(opts: AccrualBenchOptions = {}): Promise<Record<string, unknown>> {
  const classes = opts.classes ?? 30_000;
  const days = opts.days ?? 365;
  const kernelRuns = opts.kernelRuns ?? 10;
  const threads = opts.duckdbThreads ?? 2;
  let peakRss = process.memoryUsage().rss;
  const sampleRss = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sampler = setInterval(sampleRss, 10);
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-accrual-bench-'));
  try {
    // One generated complex, written once as CSV; every approach reads that same data. The
    // generated columns go out of scope here, before any timed phase.
    const { from, to, terms, rows, csvBytes, sampleSeries, sampleSize, dataFacts } = prepareData(
      classes,
      days,
      dir,
      opts,
    );
    const csvPath = join(dir, 'net-assets.csv');
    const classesPath = join(dir, 'classes.csv');
    const ratesPath = join(dir, 'rates.csv');
    sampleRss();

    // DuckDB peers first, so their memory is gone before the fast engine's phase.
    const duck = await runDuckdbPeers({
      csvPath,
      classesCsvPath: classesPath,
      ratesCsvPath: ratesPath,
      threads,
      queryRuns: 3,
      sampleRss,
    });
    sampleRss();

    // Fast engine end to end: CSV file → columns → dense layout → kernel → class-month records.
    const e2eRuns: { total: number; scan: number; dense: number; kernel: number; records: number }[] = [];
    let e2eMonths: MonthlyAccrual[] = [];
    let dense: DenseAccrualInput | undefined;
    for (let run = 0; run < 2; run++) {
      dense = undefined;
      const t0 = performance.now();
      const columns = scanNetAssetsFile(csvPath);
      const t1 = performance.now();
      dense = buildDenseInputFromColumns(columns, terms, from, to);
      const t2 = performance.now();
      const sums = accrualKernel(dense);
      const t3 = performance.now();
      e2eMonths = monthlyAccrualsFromSums(dense, sums);
      const t4 = performance.now();
      e2eRuns.push({ total: t4 - t0, scan: t1 - t0, dense: t2 - t1, kernel: t3 - t2, records: t4 - t3 });
      sampleRss();
    }
    const e2e = e2eRuns.reduce((a, b) => (b.total < a.total ? b : a));
    const inMemory = dense!;

    // Fast kernel and the streaming floor on the same dense in-memory data, warmed, best of N.
    let sums = accrualKernel(inMemory);
    const kernel = best(kernelRuns, () => {
      sums = accrualKernel(inMemory);
    });
    let floorSum = 0;
    const floor = best(kernelRuns, () => {
      floorSum = streamingPass(inMemory.netAssetsCents);
    });
    const floorTwo = best(kernelRuns, () => {
      floorSum = streamingPassTwoAccumulators(inMemory.netAssetsCents);
    });
    const kernelTotals = totalsOfSums(inMemory, sums);
    sampleRss();

    // Decimal reference on a sample of classes, extrapolated.
    const t = performance.now();
    const reference = accrueReference(sampleSeries, from, to);
    const referenceSampleMs = performance.now() - t;
    const referenceTotals = totalsOfRecords(reference.months);
    const sampleKeys = new Set(sampleSeries.map((s) => s.classKey));
    const kernelSampleKeys = [...kernelTotals.keys()].filter((k) =>
      sampleKeys.has(k.slice(0, k.lastIndexOf(' '))),
    );

    // Every approach's class-month totals against the kernel's.
    const classKeyOf = (cid: number) => terms[cid]!.classKey;
    const mismatch = {
      endToEnd: mismatches(kernelTotals, totalsOfRecords(e2eMonths)),
      duckdbExact: mismatches(kernelTotals, totalsOfDuckdb(duck.exactClassMonths, classKeyOf)),
      duckdbNaive: mismatches(kernelTotals, totalsOfDuckdb(duck.naiveClassMonths, classKeyOf)),
      reference: mismatches(referenceTotals, kernelTotals, [...referenceTotals.keys(), ...kernelSampleKeys]),
    };
    sampleRss();

    const duckCsvPlusQuery = duck.loadMs + duck.exactQueryMs;
    const ratios = {
      duckdbExactQueryOverKernel: round(duck.exactQueryMs / kernel.best),
      kernelOverFloor: round(kernel.best / floor.best, 2),
      kernelOverTwoAccumulatorFloor: round(kernel.best / floorTwo.best, 2),
      endToEndOverDuckdbCsvPlusQuery: round(e2e.total / duckCsvPlusQuery, 3),
      referenceExtrapolatedOverKernel: round((referenceSampleMs * classes) / sampleSize / kernel.best, 0),
    };
    return {
      data: { ...dataFacts, classMonths: kernelTotals.size },
      fastKernel: {
        bestMs: round(kernel.best, 2),
        medianMs: round(kernel.median, 2),
        runs: kernelRuns,
        classDaysPerSecond: Math.round(rows / (kernel.best / 1000)),
      },
      streamingFloor: {
        bestMs: round(floor.best, 2),
        medianMs: round(floor.median, 2),
        classDaysPerSecond: Math.round(rows / (floor.best / 1000)),
        twoAccumulatorBestMs: round(floorTwo.best, 2),
        checksum: floorSum,
        note: 'one plain pass summing the dense net-assets matrix; twoAccumulatorBestMs is the memory-bandwidth bound',
      },
      fastEndToEnd: {
        bestMs: round(e2e.total),
        scanCsvMs: round(e2e.scan),
        denseBuildMs: round(e2e.dense),
        kernelMs: round(e2e.kernel),
        classMonthRecordsMs: round(e2e.records),
        runsMs: e2eRuns.map((r) => round(r.total)),
        rowsPerSecond: Math.round(rows / (e2e.total / 1000)),
        csvMegabytesPerSecond: round(csvBytes / 1e6 / (e2e.total / 1000)),
      },
      decimalReference: {
        sampleClasses: sampleSize,
        sampleClassDays: reference.daily.length,
        sampleMs: round(referenceSampleMs),
        extrapolatedMs: round((referenceSampleMs * classes) / sampleSize, 0),
        note: `measured on ${sampleSize} of ${classes} classes, extrapolated linearly (× ${round(classes / sampleSize, 2)})`,
      },
      duckdb: {
        version: duck.version,
        threads,
        loadCsvMs: round(duck.loadMs),
        exactQueryMs: round(duck.exactQueryMs, 2),
        exactQueryRunsMs: duck.exactQueryRuns.map((x) => round(x, 2)),
        csvPlusExactQueryMs: round(duckCsvPlusQuery),
        rowsPerSecondExactQuery: Math.round(rows / (duck.exactQueryMs / 1000)),
        naiveDecimalQueryMs: round(duck.naiveQueryMs, 2),
        naiveDailyAccruals: duck.naiveDailyAccruals,
        naiveMismatchingDistributionFees: duck.naiveMismatchingDistributionFees,
        naiveMismatchingServiceFees: duck.naiveMismatchingServiceFees,
        naiveMismatchingClassMonths: mismatch.duckdbNaive,
        note: 'load = CSV → na(cid, d, na_cents, net_assets) with the class resolved through the class dictionary',
      },
      ratios,
      match: {
        classMonthsCompared: kernelTotals.size,
        endToEndEqualsKernel: mismatch.endToEnd === 0,
        duckdbExactEqualsKernel: mismatch.duckdbExact === 0,
        decimalReferenceSampleEqualsKernel: mismatch.reference === 0,
        everyExactApproachMatches: mismatch.endToEnd + mismatch.duckdbExact + mismatch.reference === 0,
        duckdbNaiveEqualsKernel: mismatch.duckdbNaive === 0,
      },
      memory: { peakRssMB: round(peakRss / 2 ** 20, 0), sampledEveryMs: 10 },
      targets: {
        kernelAtLeast10xFasterThanDuckdbExactQuery: ratios.duckdbExactQueryOverKernel >= 10,
        kernelWithin4xOfStreamingFloor: ratios.kernelOverFloor <= 4,
        endToEndNoSlowerThanDuckdbCsvPlusQuery: e2e.total <= duckCsvPlusQuery,
        peakRssAtMost1_5GB: peakRss <= 1.5 * 2 ** 30,
      },
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}
