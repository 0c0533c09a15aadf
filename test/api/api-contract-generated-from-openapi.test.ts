import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/api/app.js';
import { ROLES } from '../../src/api/roles.js';
import { ERROR_CODES } from '../../src/errors.js';
import { dialects } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * The API contract (issue 13 item 4), generated from /openapi.json: for EVERY operation the
 * document lists — without a token, 401; with a token of each role it does not allow (x-roles),
 * 403 and nothing written; with each role it allows, an answer whose status the operation
 * documents and whose body matches the schema documented for it; and a malformed date or month,
 * where it takes one, the documented 400. Run on PGlite and on the server.
 */

interface Operation {
  operationId: string;
  'x-roles': string[];
  parameters?: {
    name: string;
    in: 'query' | 'path';
    required?: boolean;
    schema: { format?: string; pattern?: string; enum?: string[] };
  }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { headers?: Record<string, { required?: boolean; schema?: object }> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

/** A valid value for each parameter name the API uses, from the fixture's data. */
const SAMPLE: Record<string, string> = {
  asOf: '2007-01-15',
  from: '2007-01-01',
  to: '2007-01-31',
  month: '2007-01',
  name: 'AIM Value Fund',
  account: 'ACCT-1',
  id: 'no-such-id',
  provider: 'DLR-1',
  transfer: 'T-1',
  quarter: '2007Q1',
  through: '2007-01',
  class: 'C',
  portfolio: 'AIM Value Fund',
  distributionFee: '0.50',
  assignee: 'No Such Assignee',
  after: '2007-01-15',
  date: '2007-01-15',
};

function requestOf(path: string, op: Operation, bad?: string): string {
  let url = path;
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    const value = p.name === bad ? 'not-a-date' : SAMPLE[p.name];
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value ?? 'x'));
    else if (p.required || p.name === bad) query.set(p.name, value ?? 'x');
  }
  return query.size > 0 ? `${url}?${query}` : url;
}

/** The parameter that takes a date or a month (a malformed one is a documented 400), if any. */
function dateParameter(op: Operation): string | undefined {
  return op.parameters?.find((p) => p.schema.format === 'date' || p.schema.pattern !== undefined)?.name;
}

const byOperationId = new Map(API_ROUTES.map((r) => [r.operationId, r]));

describe.skipIf(!seedsAvailable).each(dialects)('API contract from /openapi.json on %s', (dialect) => {
  let f: ApiFixture;
  let doc: OpenApiDocument;
  const operations: { method: string; path: string; op: Operation }[] = [];
  beforeAll(async () => {
    f = await apiFixture(dialect);
    const res = await f.request('GET', '/openapi.json', { token: null });
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDocument;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods))
        operations.push({ method: method.toUpperCase(), path, op });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('is OpenAPI 3.1 and documents every route declared, each with its roles and the 401/403/429 answers', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(
      API_ROUTES.map((r) => r.operationId).sort(),
    );
    for (const { op } of operations) {
      expect(op['x-roles'].length, op.operationId).toBeGreaterThan(0);
      expect(Object.keys(op.responses), op.operationId).toEqual(
        expect.arrayContaining(['401', '403', '429', '500']),
      );
    }
  });

  it('declares Retry-After on every 429, and on the 503 of every operation that writes before it answers or takes a body', () => {
    const retryAfter = { required: true, schema: { type: 'integer', minimum: 1 } };
    for (const { method, op } of operations) {
      const route = byOperationId.get(op.operationId)!;
      expect(op.responses['429']?.headers?.['Retry-After'], op.operationId).toMatchObject(retryAfter);
      const writes = method !== 'GET' && route.changesState === true && route.writesAfterAnswer !== true;
      // a body is refused for now when the server holds its budget of bodies (hostile9)
      if (writes || route.body !== undefined)
        expect(op.responses['503']?.headers?.['Retry-After'], op.operationId).toMatchObject(retryAfter);
      else expect(op.responses['503']?.headers?.['Retry-After'], op.operationId).toBeUndefined();
    }
  });

  it('answers 503 with the documented Retry-After wherever a write finds another one running past the lock wait', async () => {
    // another write of this server holds the turn; no wait is allowed: every operation that gets
    // as far as its write is refused for now, and says when to ask again, as its document says
    const lockWait = process.env.PLAN12B_LOCK_WAIT_SECONDS;
    process.env.PLAN12B_LOCK_WAIT_SECONDS = '0';
    let letGo!: () => void;
    const holding = f.store.write(
      () =>
        new Promise<void>((r) => {
          letGo = r;
        }),
      'a held write',
    );
    let refusedForNow = 0;
    try {
      for (const { method, path, op } of operations) {
        if (method === 'GET') continue;
        const role = op['x-roles'][0] as (typeof ROLES)[number];
        const res = await f.request(method, requestOf(path, op), {
          token: f.tokens[role],
          body: '',
          type: op.requestBody?.content['application/json'] ? 'application/json' : 'text/csv',
        });
        const where = `${op.operationId}: ${res.status}`;
        expect(Object.keys(op.responses), where).toContain(String(res.status));
        if (res.status !== 503) continue;
        expect(op.responses['503']?.headers?.['Retry-After'], where).toBeDefined();
        expect(res.headers.get('retry-after'), where).toMatch(/^[1-9]\d*$/);
        refusedForNow++;
      }
    } finally {
      letGo();
      await holding;
      if (lockWait === undefined) delete process.env.PLAN12B_LOCK_WAIT_SECONDS;
      else process.env.PLAN12B_LOCK_WAIT_SECONDS = lockWait;
    }
    // at least the 14 CSV uploads (their file is read under the write)
    expect(refusedForNow).toBeGreaterThanOrEqual(14);
  });

  it('answers 401 to every operation without a token, and with an unknown token', async () => {
    for (const { method, path, op } of operations) {
      for (const token of [null, 'p12b_not-a-token']) {
        const res = await f.request(method, requestOf(path, op), { token });
        expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 401 });
        const body = (await res.json()) as { error: { code: string; exit: number } };
        expect(body.error).toMatchObject({ code: 'UNAUTHORIZED', exit: ERROR_CODES.UNAUTHORIZED.exit });
      }
    }
  });

  it('refuses every operation with 403 to each role it does not allow, and writes nothing', async () => {
    const before = await f.store.use((db) => storeSnapshot(db));
    let refusals = 0;
    for (const { method, path, op } of operations) {
      for (const role of ROLES.filter((r) => !op['x-roles'].includes(r))) {
        const res = await f.request(method, requestOf(path, op), {
          token: f.tokens[role],
          body: method === 'GET' ? undefined : 'date,portfolio,class,net_assets\n',
          type: 'text/csv',
        });
        expect({ op: op.operationId, role, status: res.status }).toEqual({
          op: op.operationId,
          role,
          status: 403,
        });
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
        refusals++;
      }
    }
    // counted from the routes' declared permissions: a read is refused to nobody, the audit log to
    // 3 roles (all but auditor), an import or close to 2 (viewer, auditor), administration to 3
    const refusedRoles = { read: 0, audit: 3, operate: 2, administer: 3 } as const;
    expect(refusals).toBe(API_ROUTES.reduce((n, r) => n + refusedRoles[r.permission], 0));
    expect(refusals).toBeGreaterThan(0);
    expect(await f.store.use((db) => storeSnapshot(db))).toEqual(before);
  });

  it('answers each allowed role with a documented status and a body that matches its documented schema', async () => {
    for (const { method, path, op } of operations) {
      const route = byOperationId.get(op.operationId)!;
      for (const role of op['x-roles']) {
        // a state-changing operation is sent an empty body: its role passes, its input is refused (nothing written)
        const res = await f.request(method, requestOf(path, op), {
          token: f.tokens[role as (typeof ROLES)[number]],
          ...(method === 'GET'
            ? {}
            : {
                body: '',
                type: Object.keys(op.requestBody?.content ?? { 'text/csv': 0 })[0],
              }),
        });
        const where = `${op.operationId} as ${role}: ${res.status}`;
        expect(Object.keys(op.responses), where).toContain(String(res.status));
        expect([401, 403, 500], where).not.toContain(res.status);
        if (res.status < 300 && route.response !== 'pdf') {
          const parsed = route.response.safeParse(await res.json());
          expect(parsed.success, `${where}: ${parsed.error?.message}`).toBe(true);
        } else if (res.status < 300) {
          expect(res.headers.get('content-type')).toBe('application/pdf');
          expect(
            Buffer.from(await res.arrayBuffer())
              .subarray(0, 5)
              .toString(),
          ).toBe('%PDF-');
        } else {
          const body = (await res.json()) as { error: { code: keyof typeof ERROR_CODES } };
          expect(ERROR_CODES[body.error.code].http, where).toBe(res.status === 413 ? 422 : res.status);
        }
      }
    }
  });

  it('answers 415 (USAGE) to a body sent as a media type naming another format; an upload sent as plain bytes is read', async () => {
    let checked = 0;
    for (const { method, path, op } of operations) {
      if (op.requestBody === undefined) continue;
      const declared = Object.keys(op.requestBody.content);
      const json = declared.includes('application/json');
      expect(op.responses['415'], op.operationId).toBeDefined();
      // bytes, not a string: a string body is given text/plain by fetch when no type is said
      const body = () => Buffer.from(json ? '{}' : 'date,portfolio,class,net_assets\n');
      const token = f.tokens[op['x-roles'][0] as (typeof ROLES)[number]];
      // a CSV file labelled JSON or a multipart form, a JSON body labelled CSV or with no type
      const wrong = json ? ['text/csv', undefined] : ['application/json', 'multipart/form-data; boundary=x'];
      for (const type of wrong) {
        const res = await f.request(method, requestOf(path, op), {
          token,
          body: body(),
          ...(type ? { type } : {}),
        });
        const where = `${op.operationId} sent as ${type}: ${res.status}`;
        expect(res.status, where).toBe(415);
        const doc = (await res.json()) as { error: { code: string; message: string; hint: string } };
        expect(doc.error.code, where).toBe('USAGE');
        expect(doc.error.message, where).toContain(`this route takes ${declared.join(' or ')}`);
        expect(doc.error.hint, where).toContain(`Content-Type: ${declared[0]}`);
      }
      // an upload as the bytes it is: no type, octet-stream, text/plain, curl's default form
      // encoding, Windows' type for a .csv file: read as the route's format (never 415)
      if (!json)
        for (const type of [
          undefined,
          'application/octet-stream',
          'text/plain; charset=utf-8',
          'application/x-www-form-urlencoded',
          'application/vnd.ms-excel',
        ]) {
          const res = await f.request(method, requestOf(path, op), {
            token,
            body: body(),
            ...(type ? { type } : {}),
          });
          expect(res.status, `${op.operationId} sent as ${type}: ${res.status}`).not.toBe(415);
        }
      checked++;
    }
    // the 14 CSV feeds and the exhibit by upload; the JSON bodies (close, rates, tokens, …)
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('answers format=csv with text/csv (or a documented error) wherever an operation documents text/csv', async () => {
    let checked = 0;
    for (const { method, path, op } of operations) {
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith('2'))?.[1] as
        | { content?: Record<string, unknown> }
        | undefined;
      if (!ok?.content?.['text/csv']) continue;
      expect(op.parameters?.some((p) => p.name === 'format' && p.schema.enum?.includes('csv'))).toBe(true);
      const url = requestOf(path, op);
      const res = await f.request(method, `${url}${url.includes('?') ? '&' : '?'}format=csv`, {
        token: f.tokens[op['x-roles'][0] as (typeof ROLES)[number]],
      });
      const where = `${op.operationId}: ${res.status}`;
      expect(Object.keys(op.responses), where).toContain(String(res.status));
      if (res.status < 300) {
        expect(res.headers.get('content-type'), where).toBe('text/csv; charset=utf-8');
        expect((await res.text()).length, where).toBeGreaterThan(0);
      } else expect(((await res.json()) as { error: { code: string } }).error.code, where).toBeDefined();
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('answers a malformed date or month with the documented 400 (USAGE), wherever an operation takes one', async () => {
    let checked = 0;
    for (const { method, path, op } of operations) {
      const bad = dateParameter(op);
      if (bad === undefined) continue;
      const role = op['x-roles'][0] as (typeof ROLES)[number];
      const res = await f.request(method, requestOf(path, op, bad), {
        token: f.tokens[role],
        ...(method === 'GET' ? {} : { body: '{}', type: 'application/json' }),
      });
      expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 400 });
      expect(op.responses['400'], op.operationId).toBeDefined();
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('USAGE');
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
