import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { dialects } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { type ApiFixture, apiFixture, netAssetsCsv } from './apiFixture.js';

/**
 * Imports by upload go through the one pipeline with the token's actor (issue 13 items 1–2): a
 * viewer is refused (403) and nothing is written; an operator's upload is audited as
 * "token:NAME (role)"; a bad file is refused whole with every problem; the registry the server
 * keeps follows an exhibit import and a Board-set rate; a revoked token is refused.
 */
describe.skipIf(!seedsAvailable).each(dialects)('imports by upload on %s', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(dialect);
  });
  afterAll(async () => {
    await f?.close();
  });
  const snapshot = () => f.store.use((db) => storeSnapshot(db));

  it('refuses a viewer’s (and an auditor’s) upload with 403 and writes nothing', async () => {
    const before = await snapshot();
    for (const role of ['viewer', 'auditor'] as const) {
      const res = await f.request('POST', '/api/imports/net-assets?fileName=march.csv', {
        token: f.tokens[role],
        body: netAssetsCsv('2007-03-01', '2007-03-30'),
        type: 'text/csv',
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN', exit: 77 } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('imports an operator’s upload through the pipeline, audited with the token actor; the same file again changes nothing', async () => {
    const csv = netAssetsCsv('2007-03-01', '2007-03-30');
    const res = await f.request('POST', '/api/imports/net-assets?fileName=march.csv', {
      token: f.tokens.operator,
      body: csv,
      type: 'text/csv',
    });
    expect(res.status).toBe(200);
    // March 2007: 22 NYSE business days (31 days, 9 weekend days; no holiday)
    expect(await res.json()).toMatchObject({ rows: 22, inserted: 22, unchanged: 0 });
    const last = (await f.store.use((db) => loadAuditLog(db))).at(-1)!;
    expect(last).toMatchObject({ actor: 'token:operator (operator)', action: 'net-assets.import' });

    const again = await f.request('POST', '/api/imports/net-assets?fileName=march.csv', {
      token: f.tokens.operator,
      body: csv,
      type: 'text/csv',
    });
    expect(await again.json()).toMatchObject({ rows: 22, inserted: 0, unchanged: 22 });
  });

  it('refuses a bad file whole with every problem (422, the CLI’s BAD_INPUT) and writes nothing', async () => {
    const before = await snapshot();
    const res = await f.request('POST', '/api/imports/net-assets?fileName=bad.csv', {
      token: f.tokens.operator,
      body: 'date,portfolio,class,net_assets\n2007-04-02,AIM Value Fund,C,abc\n2007-04-31,AIM Value Fund,C,1.00\n',
      type: 'text/csv',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string; exit: number; problems: { file: string; line: number }[] };
    };
    expect(body.error).toMatchObject({ code: 'BAD_INPUT', exit: 65 });
    expect(body.error.problems.map((p) => [p.file, p.line])).toEqual([
      ['bad.csv', 2],
      ['bad.csv', 3],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body over the size limit (413) before reading it', async () => {
    const { createApp } = await import('../../src/api/app.js');
    const { app } = createApp(f.store, { maxBodyBytes: 1024, rateLimit: { perSecond: 0, burst: 0 } });
    const res = await app.request('/api/imports/net-assets', {
      method: 'POST',
      headers: { authorization: `Bearer ${f.tokens.operator}`, 'content-type': 'text/csv' },
      body: netAssetsCsv('2007-05-01', '2007-07-31'),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });

  it('keeps the registry it derived until the documents or Board-set rates change', async () => {
    const schedule = async () =>
      (await (
        await f.request('GET', '/api/registry/schedule?asOf=2007-03-15&portfolio=AIM%20Value%20Fund&class=C')
      ).json()) as {
        entries: { assetBasedSalesChargePct: string; rateSource: string }[];
      };
    const first = await f.store.registry();
    expect(await f.store.registry()).toBe(first); // nothing changed: the same derivation
    expect((await schedule()).entries).toEqual([
      expect.objectContaining({ assetBasedSalesChargePct: '0.75', rateSource: 'schedule' }),
    ]);
    const set = await f.request('POST', '/api/rates', {
      token: f.tokens.admin,
      type: 'application/json',
      body: JSON.stringify({
        portfolio: 'AIM Value Fund',
        class: 'C',
        effectiveDate: '2007-03-01',
        distributionFeePct: '0.50',
        reason: 'Board resolution of 2007-02-20',
      }),
    });
    expect(set.status).toBe(200);
    expect((await schedule()).entries).toEqual([
      expect.objectContaining({ assetBasedSalesChargePct: '0.50', rateSource: 'board' }),
    ]);
    expect(await f.store.registry()).not.toBe(first);
    const audit = (await f.store.use((db) => loadAuditLog(db))).at(-1)!;
    expect(audit).toMatchObject({ actor: 'token:admin (admin)', action: 'rates.set' });

    // an operator may not set rates
    const refused = await f.request('POST', '/api/rates', {
      token: f.tokens.operator,
      type: 'application/json',
      body: '{}',
    });
    expect(refused.status).toBe(403);
  });

  it('imports an uploaded exhibit; the registry answers from it at once', async () => {
    const seed = seedExhibitFiles().find((s) => s.fileName.includes('000_'))!;
    const before = (
      (await (await f.request('GET', '/api/registry/documents')).json()) as { documents: unknown[] }
    ).documents.length;
    const res = await f.request('POST', '/api/imports/exhibits?fileName=000.txt', {
      token: f.tokens.operator,
      body: seed.bytes,
      type: 'text/plain',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { imported: unknown[] }).imported).toHaveLength(1);
    const after = (await (await f.request('GET', '/api/registry/documents')).json()) as {
      documents: unknown[];
    };
    expect(after.documents).toHaveLength(before + 1);
    expect((await f.store.use((db) => loadAuditLog(db))).at(-1)).toMatchObject({
      actor: 'token:operator (operator)',
      action: 'exhibit.import',
    });
  });

  it('records each of two concurrent uploads under its own token’s actor', async () => {
    const [assets, providers] = await Promise.all([
      f.request('POST', '/api/imports/net-assets?fileName=april.csv', {
        token: f.tokens.operator,
        body: netAssetsCsv('2007-04-02', '2007-04-30'),
        type: 'text/csv',
      }),
      f.request('POST', '/api/imports/providers?fileName=providers.csv', {
        token: f.tokens.admin,
        body: 'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Granite Securities,dealer,2000-01-01,,\n',
        type: 'text/csv',
      }),
    ]);
    expect([assets.status, providers.status]).toEqual([200, 200]);
    const log = await f.store.use((db) => loadAuditLog(db));
    expect(log.filter((r) => r.subject === 'april.csv').map((r) => [r.action, r.actor])).toEqual([
      ['net-assets.import', 'token:operator (operator)'],
    ]);
    expect(log.filter((r) => r.action === 'providers.import').map((r) => r.actor)).toEqual([
      'token:admin (admin)',
    ]);
  });

  it('limits each token’s rate: a burst, then 429 with retry-after', async () => {
    const { createApp } = await import('../../src/api/app.js');
    const { app } = createApp(f.store, { rateLimit: { perSecond: 1, burst: 2 } });
    const get = () => app.request('/api/months', { headers: { authorization: `Bearer ${f.tokens.viewer}` } });
    expect([(await get()).status, (await get()).status]).toEqual([200, 200]);
    const third = await get();
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(await third.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // another token has its own bucket
    const other = await app.request('/api/months', {
      headers: { authorization: `Bearer ${f.tokens.auditor}` },
    });
    expect(other.status).toBe(200);
  });

  it('refuses a token once an admin revokes it', async () => {
    const created = await f.request('POST', '/api/tokens', {
      token: f.tokens.admin,
      type: 'application/json',
      body: JSON.stringify({ name: 'temp', role: 'viewer' }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    expect((await f.request('GET', '/api/months', { token })).status).toBe(200);
    expect((await f.request('DELETE', '/api/tokens/temp', { token: f.tokens.admin })).status).toBe(200);
    expect((await f.request('GET', '/api/months', { token })).status).toBe(401);
    const list = (await (await f.request('GET', '/api/tokens', { token: f.tokens.admin })).json()) as {
      tokens: { name: string; revokedBy: string | null }[];
    };
    expect(list.tokens.find((t) => t.name === 'temp')).toMatchObject({ revokedBy: 'token:admin (admin)' });
    expect(JSON.stringify(list)).not.toContain(token);
  });
});
