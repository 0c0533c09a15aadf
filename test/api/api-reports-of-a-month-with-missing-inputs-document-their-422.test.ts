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
 * The open demo complex has net assets into January 2026 but its sub-transfer agent's figures for
 * the Omnibus Accounts stop at December 2025: the Distributor's share of January 2026 cannot be
 * computed (Agreement Exhibit A 2(c)), and every report built on it refuses, as the CLI does, with
 * 422 BAD_INPUT (exit 65) naming the account. Each of those operations must document that 422 in
 * /openapi.json (FORMATS.md "Errors": the status of the error table), so a client generated from the
 * document expects it.
 */
describe('reports of a month without the Omnibus Accounts’ figures', { timeout: 600_000 }, () => {
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
  }, 600_000);
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
    '%s answers 422 BAD_INPUT naming the Omnibus Account, and documents 422',
    async (path, query) => {
      const res = await app.request(`${path}?${query}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { error: { code: string; exit: number; message: string } };
      expect(res.status).toBe(422);
      expect(body.error).toMatchObject({ code: 'BAD_INPUT', exit: 65 });
      expect(body.error.message).toMatch(
        /^no sub-transfer agent figures for Omnibus Account B\d+, .*, 2026-01/,
      );
      expect(Object.keys(doc.paths[path]!.get!.responses)).toContain('422');
    },
  );
});
