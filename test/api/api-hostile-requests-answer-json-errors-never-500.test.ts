import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

interface ErrorBody {
  error: { code: string; exit: number; message: string; hint: string | null };
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
}

/**
 * Requests an adversary (or a typo) sends: impossible dates and months, unknown names, repeated
 * or missing parameters, a method a route does not answer, no token or a bad one. Each gets the
 * status FORMATS.md documents and the JSON error document naming what to fix — never a 500. Then
 * every GET of /openapi.json with garbage in each of its parameters: never a 500. In-process
 * (Hono's app.request), on the API fixture (seed 002, net assets December 2006 – February 2007).
 */
describe.skipIf(!seedsAvailable)('hostile requests to the API', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  const cases: [method: string, path: string, status: number, code: string, names: RegExp][] = [
    ['GET', '/api/registry/schedule?asOf=2025-02-30', 400, 'USAGE', /asOf: not a date; write YYYY-MM-DD/],
    ['GET', '/api/registry/schedule?asOf=9999-99-99', 400, 'USAGE', /asOf: not a date/],
    ['GET', '/api/registry/schedule?asOf=2007-01-15&asOf=2007-01-16', 400, 'USAGE', /asOf/],
    ['GET', '/api/registry/schedule', 400, 'USAGE', /asOf/],
    ['GET', '/api/fees?from=2007-01-01&to=2007-13-01', 400, 'USAGE', /to: not a date/],
    [
      'GET',
      '/api/fees?from=2007-02-01&to=2007-01-01',
      400,
      'USAGE',
      /from 2007-02-01 is after to 2007-01-01/,
    ],
    [
      'GET',
      '/api/fees?from=2007-01-01&to=2101-01-31',
      400,
      'USAGE',
      /2101-01-31 is outside the NYSE calendar/,
    ],
    ['GET', '/api/monthly-calculation?month=2007-13', 400, 'USAGE', /month: not a month; write YYYY-MM/],
    ['GET', '/api/monthly-calculation?month=2007-00', 400, 'USAGE', /month: not a month/],
    ['GET', '/api/monthly-calculation?month=9999-12', 400, 'USAGE', /month: outside the years/],
    ['GET', '/api/board-report?quarter=2007Q5', 400, 'USAGE', /quarter/],
    ['GET', '/api/registry/portfolios/No%20Such%20Fund/history', 404, 'NOT_FOUND', /"No Such Fund"/],
    ['GET', `/api/registry/documents/${'0'.repeat(64)}/diff`, 404, 'NOT_FOUND', /no document has the id/],
    ['GET', '/api/no-such-route', 404, 'NOT_FOUND', /no route GET \/api\/no-such-route/],
    ['DELETE', '/api/registry/schedule?asOf=2007-01-15', 405, 'USAGE', /answers GET, not DELETE/],
    ['PUT', '/api/months', 405, 'USAGE', /\/api\/months answers GET, not PUT/],
    ['GET', `/api/registry/documents/${'0'.repeat(64)}/withdraw`, 405, 'USAGE', /answers POST, not GET/],
  ];

  it('answers each with its documented status and an error document naming what to fix', async () => {
    for (const [method, path, status, code, names] of cases) {
      const res = await f.request(method, path, { token: f.tokens.admin });
      const body = (await res.json()) as ErrorBody;
      expect(
        [res.status, body.error?.code],
        `${method} ${path}: ${JSON.stringify(body).slice(0, 200)}`,
      ).toEqual([status, code]);
      expect(body.error.message, `${method} ${path}`).toMatch(names);
      if (status === 405) expect(res.headers.get('allow'), path).toMatch(/^(GET|POST|DELETE)(, [A-Z]+)*$/);
    }
    const none = await f.request('GET', '/api/months', { token: null });
    expect(none.status).toBe(401);
    expect(((await none.json()) as ErrorBody).error.hint).toMatch(/Authorization: Bearer/);
    const wrong = await f.request('GET', '/api/months', { token: 'p12b_not-a-token' });
    expect([wrong.status, ((await wrong.json()) as ErrorBody).error.code]).toEqual([401, 'UNAUTHORIZED']);
    // the method check comes after the token check: no token, no list of methods
    const unsigned = await f.request('DELETE', '/api/months', { token: null });
    expect(unsigned.status).toBe(401);
  });

  it('never answers 500 to garbage in any parameter of any GET, nor to a body that is not JSON', async () => {
    const doc = (await (await f.request('GET', '/openapi.json')).json()) as OpenApi;
    const garbage = ['2025-02-30', '9999-99-99', '', '-1', 'x'.repeat(5000), '<img src=x onerror=alert(1)>'];
    let asked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const params = op.parameters ?? [];
        const query = params.filter((p) => p.in === 'query').map((p) => p.name);
        const fill = (g: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(g || 'x'));
        if (method === 'get') {
          for (const g of garbage) {
            const q = query.map((n) => `${n}=${encodeURIComponent(g)}`).join('&');
            const res = await f.request('GET', `${fill(g)}${q ? `?${q}` : ''}`, { token: f.tokens.admin });
            asked++;
            expect(res.status, `GET ${path} with ${g.slice(0, 20)}`).toBeLessThan(500);
            if (res.status >= 400) expect(((await res.json()) as ErrorBody).error.message).not.toBe('');
          }
        } else if (method === 'post' && !path.includes('/cli/')) {
          const res = await f.request('POST', fill('x'), {
            token: f.tokens.admin,
            body: '{"not json',
            type: 'application/json',
          });
          asked++;
          expect(res.status, `POST ${path} with a broken body`).toBeLessThan(500);
        }
      }
    }
    expect(asked).toBeGreaterThan(100);
  });
});
