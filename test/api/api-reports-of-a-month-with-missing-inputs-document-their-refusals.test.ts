import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApiToken } from '../../src/api/apiTokens.js';
import { createApp } from '../../src/api/app.js';
import { withActor } from '../../src/store/actor.js';
import { demoOpenStore } from '../support/demoOpen.js';

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

/**
 * The open demo complex records its data through December 2025; its Class B classes carry their last
 * net assets into January 2026, so that month has Class B fees but nothing recorded in it (no net
 * assets of its own, no Class B transactions, no sub-transfer agent figures): the Distributor's
 * share of January 2026 cannot be computed (Agreement Exhibit A 2(c)), and every report built on it
 * refuses, as the CLI does, with 404 NOT_FOUND (exit 66) saying the month has no data yet and the
 * latest month with data (it once answered 422 naming the first Omnibus Account missing its
 * figures). Each of those operations must document that 404 in /openapi.json (FORMATS.md "Errors":
 * the status of the error table), so a client generated from the document expects it.
 */
describe('reports of a month without the Omnibus Accounts’ figures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-api-422-'));
  const target = join(dir, 'db');
  let store: ApiStore;
  let app: ReturnType<typeof createApp>['app'];
  let token: string;
  let doc: OpenApi;
  beforeAll(async () => {
    await demoOpenStore(target);
    store = await ApiStore.open(target);
    token = await store.use((db) =>
      withActor('test setup', async () => (await createApiToken(db, { name: 'v', role: 'viewer' })).token),
    );
    ({ app } = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } }));
    doc = (await (await app.request('/openapi.json')).json()) as OpenApi;
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const assignee = encodeURIComponent('Keystone Receivables Trust');
  const routes: [path: string, query: string][] = [
    ['/api/journal', 'month=2026-01'],
    ['/api/distributor-share', 'month=2026-01'],
    ['/api/monthly-calculation', 'month=2026-01'],
    ['/api/monthly-calculation/pdf', 'month=2026-01'],
    ['/api/transfers/statement', `assignee=${assignee}&month=2026-01`],
    ['/api/transfers/statement/pdf', `assignee=${assignee}&month=2026-01`],
  ];
  it.each(routes)(
    '%s answers 404 NOT_FOUND saying the month has no data yet, and documents 404',
    async (path, query) => {
      const res = await app.request(`${path}?${query}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { error: { code: string; exit: number; message: string } };
      expect(res.status).toBe(404);
      expect(body.error).toMatchObject({ code: 'NOT_FOUND', exit: 66 });
      expect(body.error.message).toMatch(
        /^no net assets, Class B transactions or Omnibus figures are recorded for 2026-01 yet \(the latest month with data is 2025-12\)/,
      );
      expect(Object.keys(doc.paths[path]!.get!.responses)).toContain('404');
    },
  );
});
