import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createApiToken } from '../src/api/apiTokens.js';
import { MONTH_CLOSE_STEPS } from '../src/close/closeSteps.js';
import { demoExhibits } from '../src/demo/demoComplex.js';
import { demoNetAssetsCsv } from '../src/demo/demoNetAssets.js';
import { runServiceFeesDemo } from '../src/demo/demoServiceFees.js';
import { DEMO_MONTHS, DEMO_TRANSFERS_CSV } from '../src/demo/runDemo.js';
import { renderExhibit } from '../src/edgar/renderExhibit.js';
import { importNetAssets } from '../src/feeds/netAssetsFeed.js';
import { importTransfers } from '../src/feeds/transfersFeed.js';
import { importExhibits } from '../src/import/exhibitImport.js';
import { withActor } from '../src/store/actor.js';
import { openDatabase } from '../src/store/database.js';
import { migrate } from '../src/store/migrations.js';
import { loadRegistry } from '../src/store/registryStore.js';

/**
 * `plan12b serve` under load (issue 13 items 3–4):
 *  - quiet: the registry query (schedule as of a date) on the demo complex, one client and ten,
 *    on PGlite and on the server — the ≤ 50 ms p99 target;
 *  - loaded: 100 concurrent readers (autocannon) while an operator closes the year's months one
 *    by one through the API, on the PostgreSQL server: throughput, p50/p99, failed requests, and
 *    torn reads (a month read as sealed without all its parts, or open with some).
 * The complex is the demo's: its exhibits, a year of daily net assets, its service providers and
 * its two Assignees (the Class B history is left out to keep the set-up short).
 */

export interface ServeLoadOptions {
  readonly serverUrl?: string;
  readonly readers?: number;
  readonly quietSeconds?: number;
}

interface Latency {
  requests: number;
  throughputPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
}

function latencyOf(r: autocannon.Result): Latency {
  return {
    requests: r.requests.total,
    throughputPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function buildComplex(target: string, dir: string): Promise<void> {
  const db = await openDatabase(target);
  try {
    await migrate(db);
    await withActor('bench', async () => {
      const files = demoExhibits().map(({ fileName, doc }) => ({
        fileName,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      }));
      await importExhibits(db, files);
      const registry = await loadRegistry(db);
      const na = demoNetAssetsCsv(registry, `${DEMO_MONTHS[0]}-02`, '2025-12-31');
      await importNetAssets(db, 'net-assets.csv', Buffer.from(na));
      await runServiceFeesDemo(db, dir, DEMO_MONTHS.at(-1)!);
      await importTransfers(db, 'transfers.csv', Buffer.from(DEMO_TRANSFERS_CSV));
    });
  } finally {
    await db.close();
  }
}

async function tokensFor(target: string): Promise<{ viewer: string; operator: string }> {
  const db = await openDatabase(target);
  try {
    return await withActor('bench', async () => ({
      viewer: (await createApiToken(db, { name: 'bench-viewer', role: 'viewer' })).token,
      operator: (await createApiToken(db, { name: 'bench-operator', role: 'operator' })).token,
    }));
  } finally {
    await db.close();
  }
}

const SCHEDULE_PATHS = ['2025-01-15', '2025-06-30', '2025-12-31'].map(
  (d) => `/api/registry/schedule?asOf=${d}`,
);

/**
 * `plan12b serve` in a process of its own (as a user runs it), so that the load generator does
 * not share its event loop; the rate limit off, the logs quiet.
 */
async function spawnServe(
  target: string,
  connections?: number,
): Promise<{ url: string; startMs: number; cpuMs(): number; stop(): Promise<void> }> {
  const root = [resolve(import.meta.dirname, '..', '..'), resolve(import.meta.dirname, '..')].find((p) =>
    existsSync(join(p, 'bin', 'plan12b.js')),
  )!;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'plan12b.js'), '--db', target, 'serve', '--port', '0', '--rate-limit', '0', '--json'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        PLAN12B_LOG_LEVEL: 'warn',
        ...(connections ? { PLAN12B_SERVE_CONNECTIONS: String(connections) } : {}),
      },
    },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    startMs: Math.round(performance.now() - started),
    // the server process's CPU time so far (user + system, /proc/PID/stat, clock ticks of 10 ms)
    cpuMs() {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * The registry query, one client then ten; with the server's CPU time per request, which does
 * not grow with the machine's load as latency does.
 */
async function quietRegistry(server: { url: string; cpuMs(): number }, token: string, seconds: number) {
  const run = async (connections: number) => {
    const cpu = server.cpuMs();
    const r = latencyOf(
      await autocannon({
        url: server.url,
        connections,
        duration: seconds,
        headers: { authorization: `Bearer ${token}` },
        requests: SCHEDULE_PATHS.map((path) => ({ method: 'GET' as const, path })),
      }),
    );
    return { ...r, serverCpuMsPerRequest: Math.round(((server.cpuMs() - cpu) / r.requests) * 100) / 100 };
  };
  return { oneClient: await run(1), tenClients: await run(10) };
}

/** 100 readers while every month of the year is closed through the API, one after the other. */
async function readersDuringCloses(
  server: { url: string; cpuMs(): number },
  tokens: { viewer: string; operator: string },
  readers: number,
) {
  const url = server.url;
  const cpu = server.cpuMs();
  const parts = MONTH_CLOSE_STEPS.length;
  let tornReads = 0;
  let monthReads = 0;
  let sealedSeen = 0;
  const checkMonth = (status: number, body: string) => {
    if (status !== 200) return;
    monthReads++;
    const m = JSON.parse(body) as { state: string; resultsHash: string | null; parts: unknown[] };
    const whole =
      m.state === 'sealed'
        ? m.parts.length === parts && m.resultsHash !== null
        : m.parts.length === 0 && m.resultsHash === null;
    if (!whole) tornReads++;
    if (m.state === 'sealed') sealedSeen++;
  };
  const requests: autocannon.Request[] = [
    ...SCHEDULE_PATHS.map((path) => ({ method: 'GET' as const, path })),
    ...DEMO_MONTHS.map((month) => ({
      method: 'GET' as const,
      path: `/api/months/${month}`,
      onResponse: checkMonth,
    })),
    { method: 'GET', path: '/api/fees?from=2025-06-01&to=2025-06-30' },
  ];
  let instance!: autocannon.Instance;
  const result = new Promise<autocannon.Result>((ok, fail) => {
    instance = autocannon(
      {
        url,
        connections: readers,
        duration: 3600,
        headers: { authorization: `Bearer ${tokens.viewer}` },
        requests,
      },
      (err, r) => (err ? fail(err) : ok(r)),
    );
  });
  const started = performance.now();
  const closes: { month: string; ms: number; state: string }[] = [];
  for (const month of DEMO_MONTHS) {
    const t = performance.now();
    const res = await fetch(`${url}/api/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.operator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ month }),
    });
    const job = (await res.json()) as { id: string };
    let state = 'running';
    while (state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      const j = (await (
        await fetch(`${url}/api/close/jobs/${job.id}`, {
          headers: { authorization: `Bearer ${tokens.operator}` },
        })
      ).json()) as { state: string };
      state = j.state;
    }
    closes.push({ month, ms: Math.round(performance.now() - t), state });
  }
  const closingMs = Math.round(performance.now() - started);
  instance.stop();
  const r = await result;
  return {
    readers,
    closingMs,
    closes,
    ...latencyOf(r),
    serverCpuMs: server.cpuMs() - cpu,
    monthReads,
    sealedSeen,
    tornReads,
  };
}

export async function benchServeLoad(opts: ServeLoadOptions = {}, log: (s: string) => void = () => {}) {
  const out: Record<string, unknown> = {};
  const quiet = opts.quietSeconds ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-serve-bench-'));
  try {
    log('serve: PGlite, the demo complex, registry query quiet');
    const target = join(dir, 'db');
    await buildComplex(target, dir);
    const t = await tokensFor(target);
    const server = await spawnServe(target);
    out.pgliteServeStartMs = server.startMs;
    try {
      out.pgliteRegistryQuery = await quietRegistry(server, t.viewer, quiet);
    } finally {
      await server.stop();
    }
    if (opts.serverUrl) {
      const schema = `serve_bench_${process.pid}`;
      const u = new URL(opts.serverUrl);
      u.searchParams.set('schema', schema);
      const serverTarget = u.toString();
      try {
        log('serve: PostgreSQL server, the demo complex');
        await buildComplex(serverTarget, dir);
        const st = await tokensFor(serverTarget);
        const s = await spawnServe(serverTarget, 8);
        try {
          log('serve: registry query quiet on the server');
          out.serverRegistryQuery = await quietRegistry(s, st.viewer, quiet);
          log(`serve: ${opts.readers ?? 100} readers while the 12 months of 2025 close through the API`);
          out.serverReadersDuringClose = await readersDuringCloses(s, st, opts.readers ?? 100);
        } finally {
          await s.stop();
        }
      } finally {
        const c = new pg.Client({ connectionString: opts.serverUrl });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const serverUrl = process.env.PLAN12B_TEST_PG_URL ?? process.env.PLAN12B_BENCH_PG_URL;
  benchServeLoad(serverUrl ? { serverUrl } : {}, (s) => process.stderr.write(`${s}\n`)).then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (e) => {
      process.stderr.write(`${e?.stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
