import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { buildIdentity } from '../buildIdentity.js';
import { errorDocument, Plan12bError } from '../errors.js';
import { lockWaitMs } from '../store/lockWait.js';
import { enterOnDemandServer, removeStartingMarker, STEP_ASIDE_PATH } from '../store/onDemandServe.js';
import { readServeDiscovery, removeServeDiscovery, writeServeDiscovery } from '../store/serveDiscovery.js';
import { canonicalDataFolder, dataFolderLockPath, readHolder } from '../store/writerLock.js';
import { ApiStore } from './apiStore.js';
import { TOKEN_PREFIX } from './apiTokens.js';
import { type ApiOptions, createApp, defaultMaxBodyBytes } from './app.js';
import { answerClientErrors } from './clientError.js';
import { defaultBodyBytesInFlight } from './requestBodies.js';
import { cliRoutes } from './routes/cliRoutes.js';

export interface ServeOptions {
  readonly dbTarget: string;
  readonly port: number;
  readonly host: string;
  readonly rateLimit?: ApiOptions['rateLimit'];
  readonly logger?: Logger;
  /** connections to a PostgreSQL server (PGlite is always one) */
  readonly connections?: number;
  /**
   * a query server started on demand by the CLI (src/store/onDemandServe.ts): it answers forwarded
   * queries only, steps aside when asked, and goes after `idleMs` without a query
   */
  readonly onDemand?: { readonly idleMs: number };
}

/** Why an on-demand server went. */
export type StepAsideReason = 'asked' | 'idle';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** the discovery file written for the CLI (embedded store only) */
  readonly discoveryFile: string | undefined;
  /** an on-demand server: resolves when it has decided to go (never, for any other) */
  readonly goes: Promise<StepAsideReason>;
  close(): Promise<void>;
}

/**
 * `plan12b serve`: opens the database ONCE (migrating it), keeps the derived registry in memory,
 * and answers HTTP on host:port (127.0.0.1 unless told otherwise). Serves a built dashboard from
 * web/dist at / when that folder exists.
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const logger = opts.logger ?? pino({ name: 'plan12b' });
  const onDemand = opts.onDemand;
  // the settings the server's requests read, checked before it opens anything (src/envNumber.ts)
  lockWaitMs();
  defaultBodyBytesInFlight(defaultMaxBodyBytes());
  const store = await ApiStore.open(opts.dbTarget, {
    ...(opts.connections ? { connections: opts.connections } : {}),
    ...(onDemand ? { workload: 'query' as const } : {}),
  });
  // the project's web/dist, from dist/src/api (built) or src/api (sources)
  const webRoot = [
    resolve(import.meta.dirname, '../../../web/dist'),
    resolve(import.meta.dirname, '../../web/dist'),
  ].find((p) => existsSync(p));
  // On an embedded store the CLI cannot open the folder while this runs: it asks this server its
  // queries, with a credential valid for this run only (held here in memory, never stored).
  const embedded = store.dialect === 'pglite' && opts.dbTarget !== ':memory:';
  const runCredential = embedded ? `${TOKEN_PREFIX}run_${randomBytes(32).toString('base64url')}` : undefined;
  if (onDemand && !runCredential)
    throw new Error('a server started on demand serves an embedded data folder only');
  const { app, jobs } = createApp(store, {
    logger,
    ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}),
    ...(webRoot && !onDemand ? { webRoot } : {}),
    ...(runCredential ? { runCredential } : {}),
    ...(onDemand ? { runCredentialOnly: true, routes: cliRoutes } : {}),
  });
  const going = onDemand && runCredential ? onDemandLifecycle(runCredential, onDemand.idleMs) : undefined;
  // warm the registry so the first query is as fast as the rest
  await store.registry();
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve(
      { fetch: going ? going.wrap(app.fetch) : app.fetch, port: opts.port, hostname: opts.host },
      () => ok(s),
    );
    s.once('error', fail);
  });
  answerClientErrors(server as Server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  let discoveryFile: string | undefined;
  const forget = () => removeServeDiscovery(opts.dbTarget, process.pid);
  if (runCredential) {
    discoveryFile = writeServeDiscovery(opts.dbTarget, {
      pid: process.pid,
      host: opts.host,
      port,
      credential: runCredential,
      build: buildIdentity() ?? 'unbuilt',
      db: canonicalDataFolder(opts.dbTarget),
      startedAt: new Date().toISOString(),
      ...(onDemand ? { onDemand: true } : {}),
    });
    // however the process ends (a clean stop removes it first; a kill -9 leaves it, stale)
    process.on('exit', forget);
  }
  let unwatch = () => {};
  if (going) {
    const leave = enterOnDemandServer(opts.dbTarget);
    process.on('exit', leave);
    removeStartingMarker(opts.dbTarget, process.pid);
    going.armIdle();
    unwatch = watchFolder(opts.dbTarget);
  }
  logger.info({ url, db: store.dialect, discoveryFile }, 'plan12b serve listening');
  return {
    url,
    port,
    discoveryFile,
    goes: going ? going.goes : new Promise<StepAsideReason>(() => {}),
    async close() {
      // the folder is given up from here on (its discovery file goes first): no longer watched
      unwatch();
      if (runCredential) {
        forget();
        process.off('exit', forget);
      }
      await new Promise<void>((ok) => server.close(() => ok()));
      await jobs.settle();
      await store.close();
    },
  };
}

/**
 * What makes an on-demand server go (src/store/onDemandServe.ts): a request to step aside, with its
 * run's credential, or `idleMs` without a request. Once it goes, every further request is a 503 —
 * the CLI then runs the command in-process, waiting for the folder as it always did.
 */
function onDemandLifecycle(runCredential: string, idleMs: number) {
  let inFlight = 0;
  let gone = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let decide!: (why: StepAsideReason) => void;
  const goes = new Promise<StepAsideReason>((ok) => {
    decide = ok;
  });
  const go = (why: StepAsideReason) => {
    if (gone) return;
    gone = true;
    if (idleTimer) clearTimeout(idleTimer);
    decide(why);
  };
  const armIdle = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => go('idle'), idleMs);
    // the listening server keeps the process alive; once it has closed (a signal), nothing else may
    idleTimer.unref();
  };
  const expected = Buffer.from(`Bearer ${runCredential}`);
  const isRunCredential = (header: string | null) => {
    const got = Buffer.from(header ?? '');
    return got.length === expected.length && timingSafeEqual(got, expected);
  };
  const busy = () =>
    new Response(
      JSON.stringify(
        errorDocument(
          new Plan12bError(
            'DATABASE',
            'this query server is stepping aside',
            'run the command again: it runs in-process',
          ),
        ),
      ),
      { status: 503, headers: { 'content-type': 'application/json' } },
    );
  const wrap =
    <E>(fetch: (req: Request, env: E) => Response | Promise<Response>) =>
    async (req: Request, env: E): Promise<Response> => {
      if (new URL(req.url).pathname === STEP_ASIDE_PATH) {
        if (req.method !== 'POST' || !isRunCredential(req.headers.get('authorization')))
          return new Response(null, { status: 404 });
        go('asked');
        return new Response(null, { status: 202 });
      }
      if (gone) return busy();
      inFlight++;
      if (idleTimer) clearTimeout(idleTimer);
      try {
        return await fetch(req, env);
      } finally {
        inFlight--;
        if (inFlight === 0 && !gone) armIdle();
      }
    };
  return { goes, wrap, armIdle };
}

/**
 * An on-demand server's folder must stay its own: if the folder is removed or replaced, or its lock
 * or discovery file no longer names this process, the server exits at once, without closing the
 * store — closing writes to the folder, which may now be another database (a new folder made at
 * the same path). It only ever read, so there is nothing of its own to keep.
 */
function watchFolder(dbTarget: string): () => void {
  const abs = resolve(dbTarget);
  const identity = () => {
    try {
      const st = statSync(abs);
      const ctl = statSync(`${abs}/global/pg_control`);
      return `${st.dev}:${st.ino}:${ctl.ino}`;
    } catch {
      return undefined;
    }
  };
  const ownLock = () => readHolder(dataFolderLockPath(abs))?.pid === process.pid;
  const first = identity();
  const timer = setInterval(() => {
    const ok =
      first !== undefined &&
      identity() === first &&
      ownLock() &&
      readServeDiscovery(abs)?.pid === process.pid;
    if (!ok) process.exit(0);
  }, 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
