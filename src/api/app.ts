import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import pino, { type Logger } from 'pino';
import { calendarRefusal } from '../calendar/nyseCalendar.js';
import { ExhibitParseError } from '../edgar/exhibitDocument.js';
import { exhibitParseRefusal } from '../edgar/exhibitParseRefusal.js';
import { envNumber } from '../envNumber.js';
import { ERROR_CODES, errorDocument, InternalError, Plan12bError, RetryLaterError } from '../errors.js';
import { databaseRefusal } from '../store/databaseRefusal.js';
import type { ApiEnv } from './apiEnv.js';
import {
  type ApiRoute,
  BODY_TOO_LARGE_HTTP,
  registerRoute,
  UNSUPPORTED_MEDIA_TYPE_HTTP,
  UnsupportedMediaTypeError,
} from './apiRoute.js';
import type { ApiStore } from './apiStore.js';
import { requirePermission, TokenCheck } from './auth.js';
import { CloseJobs } from './closeJobs.js';
import { methodsOfPath } from './methodNotAllowed.js';
import { RateLimiter } from './rateLimit.js';
import { BodyBudget, BodyTooLargeError, defaultBodyBytesInFlight, uploadTooLarge } from './requestBodies.js';
import { adminRoutes } from './routes/adminRoutes.js';
import { amendmentRoutes } from './routes/amendmentRoutes.js';
import { auditRoutes } from './routes/auditRoutes.js';
import { calendarRoutes } from './routes/calendarRoutes.js';
import { classBRoutes } from './routes/classBRoutes.js';
import { cliRoutes } from './routes/cliRoutes.js';
import { closeRoutes } from './routes/closeRoutes.js';
import { governanceRoutes } from './routes/governanceRoutes.js';
import { importRoutes } from './routes/importRoutes.js';
import { registryRoutes } from './routes/registryRoutes.js';
import { reportRoutes } from './routes/reportRoutes.js';

/** Every route of the API, declared once (src/api/routes). */
export const API_ROUTES: readonly ApiRoute[] = [
  ...registryRoutes,
  ...amendmentRoutes,
  ...reportRoutes,
  ...classBRoutes,
  ...closeRoutes,
  ...governanceRoutes,
  ...auditRoutes,
  ...importRoutes,
  ...adminRoutes,
  ...calendarRoutes,
  ...cliRoutes,
];

export interface ApiOptions {
  /** the largest request body accepted (bytes): $PLAN12B_MAX_UPLOAD_BYTES, else 64 MiB */
  readonly maxBodyBytes?: number;
  /**
   * the most bytes of request bodies held at once across requests: $PLAN12B_MAX_BODY_BYTES_IN_FLIGHT,
   * else 256 MiB or the upload limit if larger (src/api/requestBodies.ts)
   */
  readonly maxBodyBytesInFlight?: number;
  /** requests per second per token (0: no limit), and the burst allowed */
  readonly rateLimit?: { readonly perSecond: number; readonly burst: number };
  /**
   * Requests with an unknown or revoked token, per client address: `burst` at once, refilled at
   * `perSecond`; then 429 before the token is looked up. Default 20, one a second; off with
   * `rateLimit` off (perSecond 0) unless given.
   */
  readonly failedAuthLimit?: { readonly perSecond: number; readonly burst: number };
  readonly logger?: Logger;
  /** a built web dashboard to serve at / (served only if the folder exists) */
  readonly webRoot?: string;
  /** a credential valid for this run only (the CLI's, in the discovery file): read and audit */
  readonly runCredential?: string;
  /** accept the run's credential only (an on-demand server, src/store/onDemandServe.ts) */
  readonly runCredentialOnly?: boolean;
  /** the routes to serve (default: all of API_ROUTES) */
  readonly routes?: readonly ApiRoute[];
}

/** $PLAN12B_MAX_UPLOAD_BYTES (a whole number of bytes from 1; anything else is a usage error, src/envNumber.ts), else 64 MiB. */
export function defaultMaxBodyBytes(env: NodeJS.ProcessEnv = process.env): number {
  return envNumber(
    'PLAN12B_MAX_UPLOAD_BYTES',
    64 * 1024 * 1024,
    {
      min: 1,
      max: Number.MAX_SAFE_INTEGER,
      integer: true,
      unit: 'bytes',
    },
    env,
  );
}

function errorOf(e: unknown): Plan12bError {
  if (e instanceof Plan12bError) return e;
  // Hono's own refusals (a body that is not JSON, …) are the request's fault
  if (e instanceof HTTPException && e.status < 500)
    return new Plan12bError(
      'USAGE',
      `the request is wrong: ${e.message}`,
      'see /openapi.json for this route',
    );
  if (e instanceof ExhibitParseError) return exhibitParseRefusal(e);
  return databaseRefusal(e) ?? calendarRefusal(e) ?? new InternalError(e);
}

function errorResponse(
  c: Context<ApiEnv>,
  e: Plan12bError,
  status: number = e instanceof UnsupportedMediaTypeError
    ? UNSUPPORTED_MEDIA_TYPE_HTTP
    : e instanceof BodyTooLargeError
      ? BODY_TOO_LARGE_HTTP
      : ERROR_CODES[e.code].http,
) {
  // a refusal for now says when to ask again (RFC 9110 §10.2.3)
  if (e instanceof RetryLaterError) c.header('retry-after', String(e.retryAfterSeconds));
  return c.json(errorDocument(e), status as 400);
}

/**
 * The HTTP API of `plan12b serve` (SPEC §11; issue 13): OpenAPI 3.1 at /openapi.json, generated
 * from the same zod schemas that validate each request; every /api route needs a token whose role
 * allows it; errors are the CLI's error documents, with the HTTP status of the error table.
 */
export function createApp(store: ApiStore, opts: ApiOptions = {}) {
  const log = opts.logger ?? pino({ level: 'silent' });
  const limit = opts.rateLimit ?? { perSecond: 50, burst: 100 };
  const failedAuth =
    opts.failedAuthLimit ?? (limit.perSecond > 0 ? { perSecond: 1, burst: 20 } : { perSecond: 0, burst: 0 });
  const tokens = new TokenCheck(
    store,
    new RateLimiter(limit.perSecond, limit.burst),
    opts.runCredential,
    opts.runCredentialOnly === true,
    new RateLimiter(failedAuth.perSecond, failedAuth.burst),
  );
  const jobs = new CloseJobs(store);
  const maxUploadBytes = opts.maxBodyBytes ?? defaultMaxBodyBytes();
  const budget = new BodyBudget(opts.maxBodyBytesInFlight ?? defaultBodyBytesInFlight(maxUploadBytes));
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map(
        (i) => `${result.target} ${i.path.join('.') || '(body)'}: ${i.message}`,
      );
      return errorResponse(
        c as Context<ApiEnv>,
        new Plan12bError(
          'USAGE',
          `the request is wrong: ${issues.join('; ')}`,
          'see /openapi.json for this route',
        ),
      );
    },
  });

  app.use('*', async (c, next) => {
    const started = performance.now();
    const reqLog = log.child({ req: randomUUID().slice(0, 8) });
    c.set('log', reqLog);
    c.set('onRevoke', () => tokens.forget());
    await next();
    reqLog.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });
  // a body stating a length past the upload limit is refused before its token is looked up; a
  // body is read only by its route, after the token's role (src/api/requestBodies.ts): a chunked
  // body was read here, to the upload limit, before anyone was asked who sent it (hostile9)
  app.use('/api/*', async (c, next) => {
    const length = c.req.header('content-length');
    if (
      c.req.raw.body &&
      length !== undefined &&
      c.req.header('transfer-encoding') === undefined &&
      Number(length) > maxUploadBytes
    )
      return errorResponse(c as Context<ApiEnv>, uploadTooLarge(maxUploadBytes));
    await next();
  });
  app.use('/api/*', tokens.middleware());
  // A NUL character cannot be text in PostgreSQL: a query parameter holding one is the request's
  // fault (400), named, before any route reads the store with it.
  app.use('/api/*', async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const bad = [...url.searchParams].find(([k, v]) => k.includes('\0') || v.includes('\0'))?.[0];
    if (bad !== undefined || path.includes('\0'))
      return errorResponse(
        c,
        new Plan12bError(
          'USAGE',
          bad !== undefined
            ? `query parameter ${JSON.stringify(bad)} holds a NUL character`
            : 'the path holds a NUL character',
          'a NUL (\\0) cannot be part of a name, a date or any text plan12b keeps: remove it',
        ),
      );
    await next();
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'a token from `plan12b tokens create --name N --role viewer|operator|admin|auditor`',
  });
  for (const route of opts.routes ?? API_ROUTES)
    registerRoute(app, route, { store, jobs, requirePermission, bodies: { budget, maxUploadBytes } });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'plan12b',
      version: '1',
      description:
        'System of record for Rule 12b-1 distribution plans and Class B master distribution agreements. ' +
        'Every /api route needs "Authorization: Bearer <token>"; x-roles names the roles allowed. ' +
        'Errors are { error: { code, exit, message, hint, problems } }, the codes of the CLI.',
    },
  });

  if (opts.webRoot && existsSync(opts.webRoot)) {
    const root = opts.webRoot;
    app.use('/*', serveStatic({ root }));
    // the dashboard routes in the browser: any other page is its index
    app.get('*', async (c, next) => {
      if (c.req.path.startsWith('/api/')) return next();
      return serveStatic({ root, path: 'index.html' })(c, next);
    });
  }

  app.notFound((c) => {
    const allowed = methodsOfPath(opts.routes ?? API_ROUTES, c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      c.header('allow', allowed.join(', '));
      return errorResponse(
        c as Context<ApiEnv>,
        new Plan12bError(
          'USAGE',
          `${c.req.path} answers ${allowed.join(' and ')}, not ${c.req.method}`,
          'see /openapi.json for the routes',
        ),
        405,
      );
    }
    return errorResponse(
      c as Context<ApiEnv>,
      new Plan12bError(
        'NOT_FOUND',
        `no route ${c.req.method} ${c.req.path}`,
        'see /openapi.json for the routes',
      ),
    );
  });
  app.onError((e, c) => {
    // a JSON route's body sent as another media type: refused by the route's schema (415) before
    // its handler runs, said as an upload sent as the wrong type is (src/api/apiRoute.ts)
    const err =
      e instanceof HTTPException && e.status === UNSUPPORTED_MEDIA_TYPE_HTTP
        ? new UnsupportedMediaTypeError(c.req.header('content-type'), ['application/json'])
        : errorOf(e);
    if (err.code === 'INTERNAL') c.get('log')?.error({ err: e }, 'internal error');
    return errorResponse(c as Context<ApiEnv>, err);
  });
  return { app, jobs, tokens, bodies: budget };
}
