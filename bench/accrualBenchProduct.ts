/**
 * The accrual benchmark's end to end: the product's own commands, as a user runs them —
 * `plan12b net-assets import FILE` then `plan12b fees --from … --to … --json` — through the CLI's
 * `main` in this process (commander, the command, opening the store and migrating it, the import
 * pipeline, the fees report, printing), on an embedded PGlite store in a temp dir and on the
 * PostgreSQL server when one is given. The registry the commands read is set up first from
 * rendered exhibits (accrualBenchRegistry), untimed. The fees printed are checked against the
 * kernel's on the same data, to the cent.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { accrualKernel } from '../src/accrual/accrualKernel.js';
import { buildDenseInputFromColumns, MONTH_SUM_STRIDE } from '../src/accrual/denseInput.js';
import { main } from '../src/cli/main.js';
import { formatCents } from '../src/money/cents.js';
import type { ClassMonthFees } from '../src/reports/feesReport.js';
import { setActor } from '../src/store/actor.js';
import { openDatabase, setRunningCommand } from '../src/store/database.js';
import { importExhibits } from '../src/store/exhibitImport.js';
import { migrate } from '../src/store/migrations.js';
import { generateAccrualBenchData, writeClassesAndRatesCsv, writeNetAssetsCsv } from './accrualBenchData.js';
import { runDuckdbPeers } from './accrualBenchDuckdb.js';
import { accrualBenchExhibits } from './accrualBenchRegistry.js';

const round = (x: number, places = 1) => Number(x.toFixed(places));
const MB = 2 ** 20;

/** The kernel's high-water mark of this process's RSS (Linux), in bytes. */
function rssHighWaterMark(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Resets the high-water mark to the current RSS (Linux ≥ 4.0); false where it cannot. */
function resetRssHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Peak RSS of the whole run and of the phase now running. On Linux the kernel's high-water mark
 * (VmHWM, reset per phase) is read, so a peak inside synchronous work — where a timer cannot
 * fire — is not missed; elsewhere the caller's timer samples.
 */
export class RssMeter {
  overall = process.memoryUsage().rss;
  phase = this.overall;
  readonly method: string;
  constructor() {
    this.method =
      rssHighWaterMark() !== undefined && resetRssHighWaterMark()
        ? "the kernel's RSS high-water mark (VmHWM), reset per phase, plus a sample every 10 ms"
        : 'a sample every 10 ms';
  }
  sample = (): void => {
    const rss = Math.max(process.memoryUsage().rss, rssHighWaterMark() ?? 0);
    if (rss > this.phase) this.phase = rss;
    if (rss > this.overall) this.overall = rss;
  };
  startPhase(): void {
    this.sample();
    resetRssHighWaterMark();
    this.phase = process.memoryUsage().rss;
  }
}

setFlagsFromString('--expose-gc');
/**
 * A full garbage collection. Each command of the real CLI runs in a process of its own; run one
 * after another in this process, a command would otherwise start with the previous one's garbage
 * (its rows, the closed PGlite instance's WebAssembly memory) still counted in the RSS.
 */
export const collectGarbage = runInNewContext('gc') as () => void;

interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderrLines: number;
  readonly firstStderr: string;
  readonly ms: number;
  /** this process's user + system CPU time during the command (the embedded store's work included) */
  readonly cpuMs: number;
  /** RSS when the command started (after a full collection) and its peak while it ran */
  readonly rssAtStart: number;
  readonly peakRss: number;
}

/** `plan12b ARGS` through the CLI's main in this process, its stdout and stderr captured. */
async function runCommand(args: readonly string[], rss: RssMeter): Promise<CommandRun> {
  collectGarbage();
  rss.startPhase();
  const rssAtStart = rss.phase;
  const chunks: string[] = [];
  let stderr = '';
  let stderrLines = 0;
  const capture =
    (append: (s: string) => void) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (cb) queueMicrotask(cb);
      return true;
    };
  const out = process.stdout.write;
  const err = process.stderr.write;
  const exitCode = process.exitCode;
  process.stdout.write = capture((s) => chunks.push(s)) as typeof process.stdout.write;
  process.stderr.write = capture((s) => {
    stderrLines += s.split('\n').length - 1;
    if (stderr.length < 2000) stderr += s;
  }) as typeof process.stderr.write;
  const t = performance.now();
  const cpu = process.cpuUsage();
  let code: number;
  try {
    code = await main(['node', 'plan12b', ...args]);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = exitCode;
    setActor(undefined);
    setRunningCommand('plan12b');
  }
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  rss.sample();
  return {
    code,
    stdout: chunks.join(''),
    stderrLines,
    firstStderr: stderr.slice(0, 500),
    ms,
    cpuMs,
    rssAtStart,
    peakRss: rss.phase,
  };
}

/** Self time by function and by script of a V8 CPU profile, the top `n` of each. */
function profileSummary(
  profile: {
    nodes: {
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
      hitCount?: number;
    }[];
    startTime: number;
    endTime: number;
    samples?: number[];
    timeDeltas?: number[];
  },
  n = 12,
) {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++)
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  const totalUs = profile.endTime - profile.startTime;
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    const at = f.url.includes('/node_modules/')
      ? f.url.lastIndexOf('/node_modules/')
      : f.url.indexOf('/dist/');
    const script = f.url === '' ? '(native/VM)' : at >= 0 ? f.url.slice(at + 1) : f.url;
    const fn = `${f.functionName || '(anonymous)'} ${script}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const scriptKey = script.startsWith('node_modules/')
      ? script
          .split('/')
          .slice(0, script.startsWith('node_modules/@') ? 3 : 2)
          .join('/')
      : script;
    byScript.set(scriptKey, (byScript.get(scriptKey) ?? 0) + us);
  }
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, selfMs: round(us / 1000, 0), pct: round((100 * us) / totalUs, 1) }));
  return {
    totalMs: round(totalUs / 1000, 0),
    topFunctionsBySelfTime: top(byFunction),
    topScriptsBySelfTime: top(byScript),
  };
}

interface Store {
  readonly dialect: 'pglite' | 'postgres';
  readonly target: string;
  readonly cleanup: () => Promise<void>;
}

/** A PGlite store in a temp dir: a copy of `template` (a store already set up) when given. */
function pgliteStore(template?: string): Store {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-accrual-e2e-'));
  if (template) cpSync(template, join(dir, 'db'), { recursive: true });
  return {
    dialect: 'pglite',
    target: join(dir, 'db'),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function serverStore(serverUrl: string, tag: string): Store {
  const schema = `bench_accrual_${process.pid}_${tag}`;
  const u = new URL(serverUrl);
  u.searchParams.set('schema', schema);
  return {
    dialect: 'postgres',
    target: u.toString(),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Registry set-up (untimed in the figures), then the two commands, timed, on one store. */
/** The registry the commands read: the rendered exhibits imported into a migrated store. */
async function setUpRegistry(
  target: string,
  exhibits: { fileName: string; bytes: Buffer }[],
): Promise<number> {
  const t0 = performance.now();
  const db = await openDatabase(target);
  try {
    await migrate(db);
    await importExhibits(db, exhibits);
  } finally {
    await db.close();
  }
  return performance.now() - t0;
}

/** The two commands, timed, on a store whose registry is set up. */
async function runOnStore(
  store: Store,
  csvPath: string,
  range: { from: string; to: string },
  rss: RssMeter,
  profile: boolean,
) {
  const session = profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
  }
  const imported = await runCommand(['--db', store.target, 'net-assets', 'import', csvPath, '--json'], rss);
  if (imported.code !== 0)
    throw new Error(
      `net-assets import exited ${imported.code}: ${imported.firstStderr}${imported.stdout.slice(0, 500)}`,
    );
  const importProfile = session
    ? profileSummary((await session.post('Profiler.stop')).profile as Parameters<typeof profileSummary>[0])
    : undefined;
  if (session) await session.post('Profiler.start');
  const fees = await runCommand(
    ['--db', store.target, 'fees', '--from', range.from, '--to', range.to, '--json'],
    rss,
  );
  if (fees.code !== 0) throw new Error(`fees exited ${fees.code}: ${fees.firstStderr}`);
  const feesProfile = session
    ? profileSummary((await session.post('Profiler.stop')).profile as Parameters<typeof profileSummary>[0])
    : undefined;
  session?.disconnect();
  const importResult = JSON.parse(imported.stdout) as { rows: number; inserted: number; warnings: string[] };
  const report = JSON.parse(fees.stdout) as { classes: ClassMonthFees[]; warnings: string[] };
  return {
    importMs: imported.ms,
    feesMs: fees.ms,
    importCpuMs: imported.cpuMs,
    feesCpuMs: fees.cpuMs,
    importRssAtStart: imported.rssAtStart,
    importPeakRss: imported.peakRss,
    feesRssAtStart: fees.rssAtStart,
    feesPeakRss: fees.peakRss,
    rowsInserted: importResult.inserted,
    importWarnings: importResult.warnings.length,
    feesWarnings: report.warnings.length,
    classMonths: report.classes,
    ...(importProfile && feesProfile ? { profile: { import: importProfile, fees: feesProfile } } : {}),
  };
}

export interface ProductEndToEndOptions {
  readonly classes: number;
  readonly days: number;
  readonly serverUrl?: string;
  /** run a CPU profile of both commands on PGlite (an extra, separate run on a fresh store) */
  readonly profile?: boolean;
  readonly rss: RssMeter;
  readonly duckdbThreads: number;
}

/**
 * One size of the product's end to end: a generated complex of `classes` × `days`, its CSV, the
 * two commands on each store, the DuckDB peer on the same CSV, and the fees matched to the kernel.
 */
/**
 * The size's data written as the CSVs (net assets; classes and rates for DuckDB), its exhibits,
 * and the kernel's class-month totals as the product prints them: only these outlive the
 * generated columns, which are gone before the commands run.
 */
function prepareSize(classes: number, days: number, dir: string) {
  const data = generateAccrualBenchData(classes, days);
  const csvPath = join(dir, 'net-assets.csv');
  const csvBytes = writeNetAssetsCsv(csvPath, data.columns);
  const classesCsvPath = join(dir, 'classes.csv');
  const ratesCsvPath = join(dir, 'rates.csv');
  writeClassesAndRatesCsv(classesCsvPath, ratesCsvPath, data.columns, data.terms);
  const dense = buildDenseInputFromColumns(data.columns, data.terms, data.from, data.to);
  const sums = accrualKernel(dense);
  const expected = new Map<string, string>();
  for (let c = 0; c < dense.classKeys.length; c++)
    for (let k = 0; k < dense.months.length; k++) {
      const o = (c * dense.months.length + k) * MONTH_SUM_STRIDE;
      if (sums[o] === 0) continue;
      const [portfolio, cls] = dense.classKeys[c]!.split('|') as [string, string];
      expected.set(
        `${portfolio} ${cls} ${dense.months[k]}`,
        `${sums[o]} ${formatCents(BigInt(sums[o + 2]!))} ${formatCents(BigInt(sums[o + 3]!))}`,
      );
    }
  return {
    rows: data.columns.rowCount,
    from: data.from,
    to: data.to,
    csvPath,
    csvBytes,
    classesCsvPath,
    ratesCsvPath,
    exhibits: accrualBenchExhibits(data, days),
    expected,
  };
}

/**
 * One size of the product's end to end: a generated complex of `classes` × `days`, its CSV, the
 * two commands on each store, the DuckDB peer on the same CSV, and the fees matched to the kernel.
 */
export async function productEndToEnd(opts: ProductEndToEndOptions): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-accrual-e2e-data-'));
  // PGlite: the registry set up once in a template store (initdb takes seconds), copied per run.
  const template = pgliteStore();
  try {
    const { rows, csvPath, csvBytes, classesCsvPath, ratesCsvPath, exhibits, expected, ...range } =
      prepareSize(opts.classes, opts.days, dir);
    const matchKernel = (months: readonly ClassMonthFees[]) => {
      // The product reports a class-month in which no fee accrued too (no instrument covered it).
      const actual = new Map(
        months
          .filter(
            (m) =>
              m.distributionFee !== '0.00' ||
              m.serviceFee !== '0.00' ||
              expected.has(`${m.portfolio} ${m.class} ${m.month}`),
          )
          .map((m) => [
            `${m.portfolio} ${m.class} ${m.month}`,
            `${m.days} ${m.distributionFee} ${m.serviceFee}`,
          ]),
      );
      let bad = 0;
      for (const k of new Set([...expected.keys(), ...actual.keys()]))
        if (expected.get(k) !== actual.get(k)) bad++;
      return { compared: expected.size, mismatching: bad };
    };
    const out: Record<string, unknown> = {
      classes: opts.classes,
      days: opts.days,
      rows,
      csvMegabytes: round(csvBytes / 1e6),
      exhibits: exhibits.length,
    };
    const pgliteSetupMs = await setUpRegistry(template.target, exhibits);
    const stores: { store: Store; setupMs: () => Promise<number> }[] = [
      { store: pgliteStore(template.target), setupMs: async () => pgliteSetupMs },
    ];
    if (opts.serverUrl) {
      const server = serverStore(opts.serverUrl, String(opts.classes));
      stores.push({ store: server, setupMs: () => setUpRegistry(server.target, exhibits) });
    }
    for (const { store, setupMs } of stores) {
      try {
        const registrySetupMs = await setupMs();
        const r = await runOnStore(store, csvPath, range, opts.rss, false);
        const match = matchKernel(r.classMonths);
        const totalMs = r.importMs + r.feesMs;
        out[store.dialect] = {
          importMs: round(r.importMs, 0),
          feesMs: round(r.feesMs, 0),
          importPlusFeesMs: round(totalMs, 0),
          msPerMillionRows: round((totalMs * 1e6) / rows, 0),
          importMsPerMillionRows: round((r.importMs * 1e6) / rows, 0),
          importCpuMs: round(r.importCpuMs, 0),
          feesCpuMs: round(r.feesCpuMs, 0),
          importRssAtStartMB: round(r.importRssAtStart / MB, 0),
          importPeakRssMB: round(r.importPeakRss / MB, 0),
          feesRssAtStartMB: round(r.feesRssAtStart / MB, 0),
          feesPeakRssMB: round(r.feesPeakRss / MB, 0),
          rowsInserted: r.rowsInserted,
          importWarnings: r.importWarnings,
          feesWarnings: r.feesWarnings,
          classMonthsPrinted: r.classMonths.length,
          feesEqualKernel: match.mismatching === 0,
          mismatchingClassMonths: match.mismatching,
          registrySetupMs: round(registrySetupMs, 0),
        };
      } finally {
        await store.cleanup();
      }
    }
    if (!opts.serverUrl)
      out.postgres = 'skipped: set PLAN12B_BENCH_PG_URL (or PLAN12B_TEST_PG_URL) to include the server';
    if (opts.profile) {
      const store = pgliteStore(template.target);
      try {
        const r = await runOnStore(store, csvPath, range, opts.rss, true);
        out.pgliteProfile = {
          note: 'a separate run on a fresh PGlite store under the V8 sampling profiler (1 ms), as node --cpu-prof would record it; PGlite itself runs as WebAssembly on this thread, so its time shows as wasm functions of node_modules/@electric-sql/pglite',
          importMs: round(r.importMs, 0),
          feesMs: round(r.feesMs, 0),
          importCpuMs: round(r.importCpuMs, 0),
          feesCpuMs: round(r.feesCpuMs, 0),
          ...r.profile,
        };
      } finally {
        await store.cleanup();
      }
    }
    opts.rss.startPhase();
    const duck = await runDuckdbPeers({
      csvPath,
      classesCsvPath,
      ratesCsvPath,
      threads: opts.duckdbThreads,
      queryRuns: 3,
      sampleRss: opts.rss.sample,
    });
    out.duckdb = {
      threads: opts.duckdbThreads,
      loadCsvMs: round(duck.loadMs, 0),
      exactQueryMs: round(duck.exactQueryMs, 1),
      csvPlusExactQueryMs: round(duck.loadMs + duck.exactQueryMs, 0),
      peakRssMB: round(opts.rss.phase / MB, 0),
    };
    return out;
  } finally {
    await template.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}
