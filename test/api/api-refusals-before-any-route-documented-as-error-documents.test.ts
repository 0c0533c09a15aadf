import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiStore } from '../../src/api/apiStore.js';
import { createApp } from '../../src/api/app.js';
import { answerClientErrors } from '../../src/api/clientError.js';
import { ErrorDocument } from '../../src/api/schemas.js';

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
}

/**
 * The refusals made before a route runs answer the API's error document (src/errors.ts) with a
 * status /openapi.json documents for that route: a NUL in the path or query (400, any route), a
 * body over the limit (413, any route that takes one), headers over what Node reads (431, from
 * the HTTP parser, any route); and every route documents 503 (its database refusing).
 */
describe('refusals before any route', () => {
  // no request below reaches the store: the run's credential is checked without it
  const credential = 'p12b_run_test-credential';
  const { app } = createApp({} as ApiStore, { runCredential: credential, maxBodyBytes: 1024 });
  let doc: OpenApi;
  beforeAll(async () => {
    doc = (await (await app.request('/openapi.json')).json()) as OpenApi;
  });
  const responsesOf = (path: string, method: string) => Object.keys(doc.paths[path]![method]!.responses);

  it('every operation documents 400, 431 and 503; each that takes a body, 413', () => {
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        operations += 1;
        const statuses = Object.keys(op.responses);
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['400', '431', '503']));
        if (op.requestBody !== undefined) expect(statuses, `${method} ${path}`).toContain('413');
      }
    expect(operations).toBeGreaterThan(50);
  });

  it('a NUL in the path of a route that has no usage error of its own: 400, documented', async () => {
    const res = await app.request('/api/audit/anchor?x=%00', {
      headers: { authorization: `Bearer ${credential}` },
    });
    expect(res.status).toBe(400);
    expect(ErrorDocument.parse(await res.json()).error.code).toBe('USAGE');
    expect(responsesOf('/api/audit/anchor', 'get')).toContain('400');
  });

  it('a body over the limit: 413 with the error document, documented', async () => {
    const res = await app.request('/api/imports/net-assets', {
      method: 'POST',
      // stated, as an HTTP client states it: refused on the stated size before any byte is read
      // (a chunked body is refused at its limit inside the route, after the role check: hostile9)
      headers: {
        authorization: `Bearer ${credential}`,
        'content-type': 'text/csv',
        'content-length': '2048',
      },
      body: 'x'.repeat(2048),
    });
    expect(res.status).toBe(413);
    expect(ErrorDocument.parse(await res.json()).error.code).toBe('BAD_INPUT');
    expect(responsesOf('/api/imports/net-assets', 'post')).toContain('413');
  });

  describe('over HTTP', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = await new Promise<Server>((ok) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s as Server));
      });
      answerClientErrors(server);
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise((ok) => server.close(ok));
    });

    /** a raw request: status, content type and body */
    const send = (headers: Record<string, string>) =>
      new Promise<{ status: number; type: string; body: string }>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/rates', headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            body += c;
          });
          res.on('end', () =>
            ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
          );
        });
        req.on('error', fail);
        req.end();
      });

    it('headers over what Node reads (a 64 KiB token): 431 with the error document, documented', async () => {
      const res = await send({ authorization: `Bearer ${'x'.repeat(64 * 1024)}` });
      expect(res.status).toBe(431);
      expect(res.type).toContain('application/json');
      expect(ErrorDocument.parse(JSON.parse(res.body)).error.code).toBe('USAGE');
      expect(responsesOf('/api/rates', 'get')).toContain('431');
    });

    it('an ordinary request on the same server still answers', async () => {
      const res = await send({});
      expect(res.status).toBe(401);
      expect(ErrorDocument.parse(JSON.parse(res.body)).error.code).toBe('UNAUTHORIZED');
    });
  });
});
