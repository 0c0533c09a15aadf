import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { buildIdentity } from '../buildIdentity.js';
import { removeServeDiscovery, writeServeDiscovery } from '../store/serveDiscovery.js';
import { ApiStore } from './apiStore.js';
import { TOKEN_PREFIX } from './apiTokens.js';
import { type ApiOptions, createApp } from './app.js';

export interface ServeOptions {
  readonly dbTarget: string;
  readonly port: number;
  readonly host: string;
  readonly rateLimit?: ApiOptions['rateLimit'];
  readonly logger?: Logger;
  /** connections to a PostgreSQL server (PGlite is always one) */
  readonly connections?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** the discovery file written for the CLI (embedded store only) */
  readonly discoveryFile: string | undefined;
  close(): Promise<void>;
}

/**
 * `plan12b serve`: opens the database ONCE (migrating it), keeps the derived registry in memory,
 * and answers HTTP on host:port (127.0.0.1 unless told otherwise). Serves a built dashboard from
 * web/dist at / when that folder exists.
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const logger = opts.logger ?? pino({ name: 'plan12b' });
  const store = await ApiStore.open(opts.dbTarget, opts.connections ? { connections: opts.connections } : {});
  // the project's web/dist, from dist/src/api (built) or src/api (sources)
  const webRoot = [
    resolve(import.meta.dirname, '../../../web/dist'),
    resolve(import.meta.dirname, '../../web/dist'),
  ].find((p) => existsSync(p));
  // On an embedded store the CLI cannot open the folder while this runs: it asks this server its
  // queries, with a credential valid for this run only (held here in memory, never stored).
  const embedded = store.dialect === 'pglite' && opts.dbTarget !== ':memory:';
  const runCredential = embedded ? `${TOKEN_PREFIX}run_${randomBytes(32).toString('base64url')}` : undefined;
  const { app, jobs } = createApp(store, {
    logger,
    ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}),
    ...(webRoot ? { webRoot } : {}),
    ...(runCredential ? { runCredential } : {}),
  });
  // warm the registry so the first query is as fast as the rest
  await store.registry();
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => ok(s));
    s.once('error', fail);
  });
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
      db: resolve(opts.dbTarget),
      startedAt: new Date().toISOString(),
    });
    // however the process ends (a clean stop removes it first; a kill -9 leaves it, stale)
    process.on('exit', forget);
  }
  logger.info({ url, db: store.dialect, discoveryFile }, 'plan12b serve listening');
  return {
    url,
    port,
    discoveryFile,
    async close() {
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
