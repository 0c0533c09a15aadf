import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { ApiStore } from './apiStore.js';
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
  const { app, jobs } = createApp(store, {
    logger,
    ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}),
    ...(webRoot ? { webRoot } : {}),
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
  logger.info({ url, db: store.dialect }, 'plan12b serve listening');
  return {
    url,
    port,
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await jobs.settle();
      await store.close();
    },
  };
}
