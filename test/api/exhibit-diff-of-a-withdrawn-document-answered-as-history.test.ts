import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApiToken } from '../../src/api/apiTokens.js';
import { createApp } from '../../src/api/app.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import { withActor } from '../../src/store/actor.js';
import { documentId, importExhibits } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * A withdrawn exhibit stays listed (`exhibit list`, GET /api/registry/documents, the dashboard's
 * documents page), so what it changed is history a user can open: `exhibit diff` and
 * GET /api/registry/documents/{id}/diff answer it — with its withdrawal and a warning saying the
 * registry no longer uses it — instead of "no document has the id" (404/66) for a listed id; and
 * GET /api/registry/documents/{id} answers its parse.
 *
 * Seeds 002 (AIM Funds Group's plan, Class R: AIM Balanced, AIM Small Cap Equity, AIM Value) and
 * 000 (Amendment No. 12, Class R, 42 entries, effective 2006-03-31), 000 withdrawn. By hand from
 * seeds/INDEX.md: of its 42 entries only AIM Small Cap Equity Fund had Class R the day before, so
 * 41 are added; the Class R plan has no earlier document here, so nothing is removed.
 */
describe.skipIf(!seedsAvailable)('the diff of a withdrawn exhibit', () => {
  let tdb: TestDatabase;
  let store: ApiStore | undefined;
  const files = seedExhibitFiles().filter((f) => /\/00[02]_[^/]*$/.test(f.fileName));
  const withdrawn = files.find((f) => basename(f.fileName).startsWith('000_'))!;
  const id = documentId(withdrawn.bytes);
  let viewer: string;
  let admin: string;

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    const db = await tdb.open();
    try {
      await withActor('Jane Doe, Fund Treasurer', async () => {
        await importExhibits(db, files);
        await withdrawExhibit(db, id.slice(0, 12), 'imported by mistake: the wrong class');
      });
      viewer = (await createApiToken(db, { name: 'viewer', role: 'viewer' })).token;
      admin = (await createApiToken(db, { name: 'admin', role: 'admin' })).token;
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  interface DiffAnswer {
    document: { id: string };
    withdrawal: { reason: string; withdrawnBy: string } | null;
    before: string;
    from: string;
    changes: { change: string; portfolio: string }[];
    warnings: string[];
  }
  const expectHistory = (answer: DiffAnswer) => {
    expect(answer.document.id).toBe(id);
    expect(answer.withdrawal).toMatchObject({
      reason: 'imported by mistake: the wrong class',
      withdrawnBy: 'Jane Doe, Fund Treasurer',
    });
    expect([answer.before, answer.from]).toEqual(['2006-03-30', '2006-03-31']);
    expect(answer.changes.filter((c) => c.change === 'added')).toHaveLength(41);
    expect(answer.changes.filter((c) => c.change === 'removed')).toHaveLength(0);
    expect(
      answer.changes.some((c) => c.change === 'added' && c.portfolio === 'AIM Small Cap Equity Fund'),
    ).toBe(false);
    expect(answer.warnings[0]).toMatch(
      /^withdrawn \d{4}-\d\d-\d\d by Jane Doe, Fund Treasurer \(imported by mistake/,
    );
  };

  it('plan12b exhibit diff answers it as the API does; an unknown id is still 66', async () => {
    // the CLI first: the API's store holds the PGlite folder once open
    const cli = await runCliInProcess(['exhibit', 'diff', id.slice(0, 10), '--json', '--db', tdb.target], {
      PLAN12B_AUTO_SERVE: 'off',
    });
    expect(cli.code, cli.stderr).toBe(0);
    const fromCli = JSON.parse(cli.stdout);
    expectHistory(fromCli);
    const unknown = await runCliInProcess(['exhibit', 'diff', '00000000', '--json', '--db', tdb.target], {
      PLAN12B_AUTO_SERVE: 'off',
    });
    expect(unknown.code).toBe(66);

    store = await ApiStore.open(tdb.target);
    const { app } = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } });
    const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${viewer}` } });
    const res = await get(`/api/registry/documents/${id}/diff`);
    expect(res.status).toBe(200);
    const fromApi = (await res.json()) as DiffAnswer;
    expectHistory(fromApi);
    expect(fromApi).toEqual(fromCli);
    const kept = documentId(files.find((f) => f !== withdrawn)!.bytes);
    expect(
      ((await (await get(`/api/registry/documents/${kept}/diff`)).json()) as DiffAnswer).withdrawal,
    ).toBeNull();
    // the document itself, as parsed, is answered too: it is listed
    const parsed = await get(`/api/registry/documents/${id}`);
    expect(parsed.status).toBe(200);
    expect(((await parsed.json()) as { title: string }).title).toMatch(/^Amendment No\. 12 to the /);
    expect((await get(`/api/registry/documents/${'0'.repeat(64)}`)).status).toBe(404);
    const missing = await get(`/api/registry/documents/${'0'.repeat(64)}/diff`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    // the id as the CLI takes it and shows it (16 characters in its lists; 8 or more): the API
    // answered 404 for any id shorter than 64 characters
    const byPrefix = await get(`/api/registry/documents/${id.slice(0, 10)}/diff`);
    expect(byPrefix.status).toBe(200);
    expect(await byPrefix.json()).toEqual(fromCli);
    const keptByPrefix = await get(`/api/registry/documents/${kept.slice(0, 16).toUpperCase()}/diff`);
    expect(keptByPrefix.status).toBe(200);
    expect(((await keptByPrefix.json()) as DiffAnswer).document.id).toBe(kept);
    expect((await get(`/api/registry/documents/${id.slice(0, 7)}/diff`)).status).toBe(404);
  });

  // Issue 12: with approvals enforced and none recorded, the AIM plan (seed 002) governs nothing
  // on its effective date 2002-06-03 — its 27 entries are pending — so it changed nothing that
  // day, and says why. `exhibit diff` built its registry without approvals, and answered 27
  // entries added where the API (and `schedule`) answered none.
  it('the diff of a plan pending approval is the same through the CLI and the API', async () => {
    const kept = documentId(files.find((f) => f !== withdrawn)!.bytes);
    const { app } = createApp(store!, { rateLimit: { perSecond: 0, burst: 0 } });
    const enforce = await app.request('/api/settings/approvals.enforce', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value: 'true' }),
    });
    expect(enforce.status).toBe(200);
    const res = await app.request(`/api/registry/documents/${kept}/diff`, {
      headers: { authorization: `Bearer ${viewer}` },
    });
    const fromApi = (await res.json()) as DiffAnswer;
    expect(fromApi.changes).toEqual([]);
    expect(fromApi.warnings.join('\n')).toMatch(/pending/);
    await store!.close();
    store = undefined;
    const cli = await runCliInProcess(['exhibit', 'diff', kept.slice(0, 12), '--json', '--db', tdb.target], {
      PLAN12B_AUTO_SERVE: 'off',
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(fromApi);
  });
});
