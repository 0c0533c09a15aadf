import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { ERROR_CODES, type ErrorCode, Plan12bError } from '../errors.js';
import { XLSX_MEDIA_TYPE, type XlsxSheet, xlsxBytes } from '../reports/xlsxOut.js';
import { withActor } from '../store/actor.js';
import type { Database, Queryable } from '../store/database.js';
import { readsOnlyInSnapshots } from '../store/readSnapshot.js';
import type { ApiEnv } from './apiEnv.js';
import type { ApiStore } from './apiStore.js';
import type { CloseJobs } from './closeJobs.js';
import { duplicateJsonKeys } from './duplicateJsonKeys.js';
import { type BodyBudget, BodyTooLargeError, readBodyWithin, uploadTooLarge } from './requestBodies.js';
import { type Permission, rolesWith, tokenActor } from './roles.js';
import { ErrorDocument } from './schemas.js';

/**
 * A route's answer as CSV (a route that declares `csv`, asked with `format=csv`): the CSV the CLI's
 * `--csv` prints, sent as text/csv.
 */
export class CsvText {
  constructor(readonly text: string) {}
}

/**
 * A route's answer as a workbook (a route that declares `xlsx`, asked with `format=xlsx`): the
 * sheets the CLI's `--xlsx FILE` writes (src/reports/xlsxSheets.ts, one builder for both), sent as
 * the bytes of the XLSX file.
 */
export class XlsxSheets {
  constructor(
    readonly sheets: readonly XlsxSheet[],
    /** the file name offered to a browser that saves it (Content-Disposition) */
    readonly fileName: string,
  ) {}
}

/** What a route's handler is given: its validated input and the server's store. */
export interface RouteInput<Q, P, B> {
  readonly query: Q;
  readonly params: P;
  readonly body: B;
  readonly store: ApiStore;
  readonly jobs: CloseJobs;
  /**
   * the request's connection: writes go through the door with it; in a route that does not change
   * state it reads only in snapshots (a statement outside one is refused as a bug)
   */
  readonly use: <T>(fn: (db: Database) => Promise<T>) => Promise<T>;
  /** the request's connection in ONE snapshot (`readSnapshot`): every read-only route reads through it */
  readonly read: <T>(fn: (q: Queryable) => Promise<T>) => Promise<T>;
  readonly c: Context<ApiEnv>;
}

type Body =
  | { readonly kind: 'json'; readonly schema: z.ZodType }
  | {
      readonly kind: 'text';
      /** the media types accepted; the body is read as bytes whichever is sent */
      readonly contentTypes: readonly ('text/csv' | 'text/plain' | 'text/html')[];
      readonly description: string;
    };

/**
 * One API route, declared once (issue 13 item 1): its path, who may call it, its request and
 * response schemas and the errors it documents. `registerRoute` turns it into an OpenAPI
 * operation (with `x-roles`, the roles allowed) and a Hono handler that validates with the same
 * schemas.
 */
export interface ApiRoute<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  readonly method: 'get' | 'post' | 'delete';
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly permission: Permission;
  readonly query?: Q;
  readonly params?: P;
  readonly body?: Body;
  /** the 2xx answer: JSON of this schema, or a PDF */
  readonly response: z.ZodType | 'pdf';
  /** the route also answers text/csv when asked `format=csv` (its run returns a CsvText then) */
  readonly csv?: true;
  /**
   * the route also answers the workbook the CLI's `--xlsx FILE` writes when asked `format=xlsx`
   * (its run returns XlsxSheets then); only a route with `csv` has it
   */
  readonly xlsx?: true;
  readonly status?: 200 | 201 | 202;
  /** the errors this route can answer besides 401, 403 (role) and 429 */
  readonly errors: readonly ErrorCode[];
  /** true: changes state; run under the token's actor and audited through the door */
  readonly changesState?: boolean;
  /**
   * true: the route answers before its write runs (a job, POST /api/close): a write that waits too
   * long for the lock fails the job, not the request, which has no 503 Retry-After to document
   */
  readonly writesAfterAnswer?: true;
  readonly run: (input: RouteInput<z.infer<Q>, z.infer<P>, unknown>) => Promise<unknown>;
}

export function defineRoute<Q extends z.ZodType, P extends z.ZodType>(r: ApiRoute<Q, P>): ApiRoute {
  return r as unknown as ApiRoute;
}

const errorResponse = (description: string, headers?: Record<string, ResponseHeader>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ErrorDocument } },
});

interface ResponseHeader {
  readonly description: string;
  readonly required: true;
  readonly schema: { readonly type: 'integer'; readonly minimum: number };
}

/** The `Retry-After` of a refusal that is only for now (RFC 9110 §10.2.3): whole seconds, ≥ 1. */
const retryAfter = (when: string): Record<string, ResponseHeader> => ({
  'Retry-After': {
    description: `seconds to wait before sending the request again: ${when}`,
    required: true,
    schema: { type: 'integer', minimum: 1 },
  },
});

/** The statuses of refusals HTTP names itself (RFC 9110 §15.5.14, §15.5.16; RFC 6585 §5). */
export const BODY_TOO_LARGE_HTTP = 413;
export const UNSUPPORTED_MEDIA_TYPE_HTTP = 415;
export const HEADERS_TOO_LARGE_HTTP = 431;

/**
 * A request body sent as a media type its route does not take (HTTP 415; USAGE, exit 64, as the
 * CLI's wrong option): a CSV file sent as `application/json`, a JSON body as `text/csv` or with no
 * Content-Type. It is never read as the route's format regardless: what the client said it sent
 * and what the route reads disagree, and which one is wrong only the caller knows. An upload sent
 * as plain bytes is read (`isUploadMediaType`).
 */
export class UnsupportedMediaTypeError extends Plan12bError {
  constructor(sent: string | undefined, accepted: readonly string[]) {
    super(
      'USAGE',
      sent === undefined || sent.trim() === ''
        ? `the request body has no Content-Type: this route takes ${accepted.join(' or ')}`
        : `the request body is sent as ${JSON.stringify(sent.slice(0, 100))}: this route takes ${accepted.join(' or ')}`,
      `send the body with the header Content-Type: ${accepted[0]} (see /openapi.json for this route)`,
    );
    this.name = 'UnsupportedMediaTypeError';
  }
}

/**
 * Media types that say only "bytes", under which an upload is read as its route's format: no
 * Content-Type, `application/octet-stream`, `text/plain`, the form encoding `curl --data-binary`
 * sends unless told otherwise, and `application/vnd.ms-excel` (what browsers on Windows call a
 * .csv file). A type naming another format (JSON, a multipart form, HTML on a CSV route, …) is
 * refused: what the client said it sent and what the route reads disagree.
 */
const RAW_BYTE_MEDIA_TYPES: readonly string[] = [
  'application/octet-stream',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/vnd.ms-excel',
];

/** Whether a Content-Type header names one of `accepted` (its parameters, such as charset, aside). */
function isAcceptedMediaType(header: string | undefined, accepted: readonly string[]): boolean {
  const essence = header?.split(';')[0]?.trim().toLowerCase();
  return essence !== undefined && accepted.includes(essence);
}

/** Whether an upload sent with this Content-Type is read as one of the route's `declared` types. */
function isUploadMediaType(header: string | undefined, declared: readonly string[]): boolean {
  if (header === undefined || header.trim() === '') return true;
  return isAcceptedMediaType(header, declared) || isAcceptedMediaType(header, RAW_BYTE_MEDIA_TYPES);
}

/**
 * The HTTP statuses a route documents for its errors, each with the codes that give it. Besides
 * the route's own, every route can answer: 401, 403 (role) and 429 (src/api/auth.ts); 400 for a
 * NUL in its path or query, checked before any route (src/api/app.ts); 431 for request headers
 * larger than the server reads; 503 when its database refuses or cannot be reached
 * (src/store/databaseRefusal.ts); 500, a bug. A route that takes a body: 413 for one larger than
 * the limit (PLAN12B_MAX_UPLOAD_BYTES), and 415 for one sent as a media type the route does not
 * take (UnsupportedMediaTypeError); 503 when the server holds as many bytes of bodies as it reads
 * at once (src/api/requestBodies.ts). Every 429 says when to ask again (`Retry-After`,
 * src/api/auth.ts), and so does the 503 of a route that takes a body, and of a route that writes while the request waits: its write
 * waited the lock wait for the writes before it or for another process's lock
 * (src/api/apiStore.ts, src/store/writerLock.ts inUseError), nothing written.
 */
function errorResponses(
  codes: readonly ErrorCode[],
  takesBody: boolean,
  writesInRequest: boolean,
): Record<number, ReturnType<typeof errorResponse>> {
  const out: Record<number, ReturnType<typeof errorResponse>> = {};
  const all: ErrorCode[] = [
    ...new Set<ErrorCode>([
      ...codes,
      'USAGE',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'RATE_LIMITED',
      'DATABASE',
      'INTERNAL',
    ]),
  ];
  for (const code of all) {
    const status = ERROR_CODES[code].http;
    const prior = out[status]?.description;
    const headers =
      code === 'RATE_LIMITED'
        ? retryAfter('the token (or the address) may send again then')
        : code === 'DATABASE' && (writesInRequest || takesBody)
          ? retryAfter(
              [
                ...(writesInRequest
                  ? [
                      'the write waited the lock wait (PLAN12B_LOCK_WAIT_SECONDS) for another writer and was not run',
                    ]
                  : []),
                ...(takesBody
                  ? [
                      'the server held as many bytes of request bodies as it reads at once (PLAN12B_MAX_BODY_BYTES_IN_FLIGHT) and did not read this one',
                    ]
                  : []),
              ].join('; or '),
            )
          : out[status]?.headers;
    out[status] = errorResponse(
      prior ? `${prior}; ${code}: ${ERROR_CODES[code].meaning}` : `${code}: ${ERROR_CODES[code].meaning}`,
      headers,
    );
  }
  out[HEADERS_TOO_LARGE_HTTP] = errorResponse('USAGE: the request headers are larger than the server reads');
  if (takesBody) {
    out[BODY_TOO_LARGE_HTTP] = errorResponse('BAD_INPUT: the request body is larger than the limit');
    out[UNSUPPORTED_MEDIA_TYPE_HTTP] = errorResponse(
      'USAGE: the request body is sent as a media type this route does not take (a JSON body: or with no Content-Type)',
    );
  }
  return out;
}

/**
 * A JSON body's schema refusing keys it does not declare (SPEC §12: bad input is refused whole,
 * every problem named). A key the route does not take — `servicefeePct` for `serviceFeePct`,
 * `__proto__`, `constructor` — was dropped without a word, and the request run as if it had not
 * been sent: a Board-set rate recorded without the service fee its caller gave (hostile7).
 */
function strictBody(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}

/**
 * The largest JSON body a route reads (1 MiB). The largest a schema allows is far below it (a
 * close's 1,000 accepted classes; a forwarded command line of 64 words of 4,096 characters, 256
 * KiB); uploads keep PLAN12B_MAX_UPLOAD_BYTES. JSON bodies took the upload limit, 64 MiB, and were
 * parsed whole before any schema looked at them: 20 MB of nested brackets from a viewer's token
 * (POST /api/cli/query) cost JSON.parse 6.5 s and some 600 MB (hostile7).
 */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/** A JSON body past {@link JSON_BODY_MAX_BYTES}: HTTP 413, BAD_INPUT as a body past the upload limit. */
export class JsonBodyTooLargeError extends BodyTooLargeError {
  constructor() {
    super(
      `the JSON body is larger than ${JSON_BODY_MAX_BYTES} bytes, the most a JSON request takes`,
      'send what the route takes (see /openapi.json); files go to the upload routes, sent as their bytes',
    );
    this.name = 'JsonBodyTooLargeError';
  }
}

const jsonBodyTooLarge = () => new JsonBodyTooLargeError();

/**
 * Refuses a JSON body larger than {@link JSON_BODY_MAX_BYTES} (413; by its Content-Length before
 * it is read, else by its bytes before it is parsed) and one that gives a key twice in one object
 * (`duplicateJsonKeys`), naming each key, with every other problem the route's schema finds in the
 * body as JSON.parse reads it, in one 400 USAGE. Only a body sent as JSON is read here; any other
 * is refused as before by the schema's media type (415).
 */
function keysGivenOnce(schema: z.ZodType): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!/json/i.test(c.req.header('content-type') ?? '')) return next();
    const declared = Number(c.req.header('content-length'));
    if (Number.isFinite(declared) && declared > JSON_BODY_MAX_BYTES) throw jsonBodyTooLarge();
    const text = await c.req.text();
    if (Buffer.byteLength(text) > JSON_BODY_MAX_BYTES) throw jsonBodyTooLarge();
    const twice = duplicateJsonKeys(text);
    if (twice.length === 0) return next();
    let others: string[] = [];
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      if (!parsed.success)
        others = parsed.error.issues.map((i) => `json ${i.path.join('.') || '(body)'}: ${i.message}`);
    } catch {}
    throw new Plan12bError(
      'USAGE',
      `the request is wrong: ${[
        ...twice.map((k) => `json key ${JSON.stringify(k.slice(0, 40))} is given more than once`),
        ...others,
      ].join('; ')}`,
      'give each key once (see /openapi.json for this route)',
    );
  };
}

export function registerRoute(
  app: OpenAPIHono<ApiEnv>,
  route: ApiRoute,
  deps: {
    store: ApiStore;
    jobs: CloseJobs;
    requirePermission: (p: Permission) => import('hono').MiddlewareHandler<ApiEnv>;
    /** the bodies held at once, across requests, and the upload limit (src/api/requestBodies.ts) */
    bodies: { readonly budget: BodyBudget; readonly maxUploadBytes: number };
  },
): void {
  const status = route.status ?? 200;
  const jsonBody = route.body?.kind === 'json' ? strictBody(route.body.schema) : undefined;
  const spec = createRoute({
    method: route.method,
    path: route.path,
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: [{ bearer: [] }],
    'x-roles': rolesWith(route.permission),
    'x-permission': route.permission,
    // the role first: a token without it is refused before its body is read (hostile6)
    // then the body, read whole within its route's limit and the server's budget (hostile9)
    middleware: [
      deps.requirePermission(route.permission),
      ...(route.body === undefined
        ? []
        : [
            route.body.kind === 'json'
              ? readBodyWithin(JSON_BODY_MAX_BYTES, jsonBodyTooLarge, deps.bodies.budget)
              : readBodyWithin(
                  deps.bodies.maxUploadBytes,
                  () => uploadTooLarge(deps.bodies.maxUploadBytes),
                  deps.bodies.budget,
                ),
          ]),
      ...(jsonBody ? [keysGivenOnce(jsonBody)] : []),
    ] as const,
    request: {
      ...(route.query ? { query: route.query as never } : {}),
      ...(route.params ? { params: route.params as never } : {}),
      ...(route.body
        ? {
            body: {
              required: true,
              description: route.body.kind === 'text' ? route.body.description : undefined,
              content:
                route.body.kind === 'json'
                  ? { 'application/json': { schema: jsonBody } }
                  : Object.fromEntries(route.body.contentTypes.map((t) => [t, { schema: z.string() }])),
            },
          }
        : {}),
    },
    responses: {
      [status]:
        route.response === 'pdf'
          ? {
              description: 'a PDF document',
              content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
            }
          : {
              description: route.summary,
              content: {
                'application/json': { schema: route.response },
                ...(route.csv ? { 'text/csv': { schema: z.string() } } : {}),
                ...(route.xlsx
                  ? { [XLSX_MEDIA_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } }
                  : {}),
              },
            },
      ...errorResponses(
        route.errors,
        route.body !== undefined,
        route.changesState === true && route.writesAfterAnswer !== true,
      ),
    },
  } as Parameters<typeof createRoute>[0]);
  app.openapi(spec, (async (c: Context<ApiEnv>) => {
    // a parameter given an empty value (`portfolio=`) is the caller's mistake, as the CLI's empty
    // option value is (src/cli/main.ts): never read as the parameter left out, which answered
    // `GET /api/fees?…&portfolio=` for every portfolio
    const empty = Object.entries(c.req.queries()).find(([, values]) => values.includes(''));
    if (empty !== undefined)
      throw new Plan12bError(
        'USAGE',
        `query ${empty[0].slice(0, 40)} is empty`,
        `give ${empty[0].slice(0, 40)} a value, or leave it out`,
      );
    // a route without CSV (the routes with it take `format`) answers in one form: asking it for
    // CSV is the caller's mistake, said so, rather than answered in JSON as if the CSV had been given
    const format = c.req.query('format');
    if (format !== undefined && route.csv !== true)
      throw new Plan12bError(
        'USAGE',
        `${route.path} answers ${route.response === 'pdf' ? 'a PDF' : 'JSON'} only: it takes no format=${format.slice(0, 40)}`,
        'leave out format (the OpenAPI document at /openapi.json lists the routes that answer text/csv)',
      );
    // a route with CSV but no workbook: format=xlsx is refused by its query's enum (json, csv),
    // the same 400 USAGE document as any other value it does not take
    const valid = c.req as unknown as { valid(target: string): unknown };
    // an upload is read as its route's format only when sent as one (a JSON body's media type is
    // checked with its schema, before this; src/api/app.ts answers both alike)
    if (
      route.body?.kind === 'text' &&
      !isUploadMediaType(c.req.header('content-type'), route.body.contentTypes)
    )
      throw new UnsupportedMediaTypeError(c.req.header('content-type'), route.body.contentTypes);
    const body =
      route.body === undefined
        ? undefined
        : route.body.kind === 'json'
          ? valid.valid('json')
          : Buffer.from(await c.req.arrayBuffer());
    const input: RouteInput<unknown, unknown, unknown> = {
      query: route.query ? valid.valid('query') : {},
      params: route.params ? valid.valid('param') : {},
      body,
      store: deps.store,
      jobs: deps.jobs,
      // a route that only reads reads in snapshots (readSnapshot): a statement outside one is a bug
      use: route.changesState
        ? (fn) => deps.store.write(fn, `${route.method.toUpperCase()} ${route.path}`)
        : (fn) => deps.store.use((db) => fn(readsOnlyInSnapshots(db))),
      read: (fn) => deps.store.read(fn),
      c,
    };
    const holder = c.get('holder');
    const out = route.changesState
      ? await withActor(tokenActor(holder.name, holder.role), () => route.run(input)).finally(() =>
          deps.store.markWritten(),
        )
      : await route.run(input);
    if (out instanceof Response) return out;
    if (out instanceof CsvText)
      return c.body(out.text.endsWith('\n') ? out.text : `${out.text}\n`, status, {
        'content-type': 'text/csv; charset=utf-8',
      });
    if (out instanceof XlsxSheets)
      return c.body(new Uint8Array(await xlsxBytes(out.sheets)), status, {
        'content-type': XLSX_MEDIA_TYPE,
        'content-disposition': `attachment; filename="${out.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      });
    if (route.response === 'pdf')
      return c.body(out as Uint8Array<ArrayBuffer>, status, { 'content-type': 'application/pdf' });
    return c.json(out as object, status);
  }) as never);
}
