import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { openDatabase } from '../../src/store/database.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { dialects } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * The governance records through the API (issue 12 by way of issue 13): a termination by upload
 * and by request, a setting, and the registry that `serve` keeps follows them as the CLI's does
 * (it is derived with the approvals, terminations and settings, and keyed by them).
 *
 * The fixture's AIM Value Fund class C (seed 002, the AIM plan) has an ABSC of 0.75%. A Plan
 * termination by the trustees from 2007-03-01 stops it from that day (Plan §9): the schedule on
 * 2007-02-28 still shows it, the one of 2007-03-15 says why no fee is due.
 */
describe.skipIf(!seedsAvailable).each(dialects)('governance writes through the API on %s', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(dialect);
  });
  afterAll(async () => {
    await f?.close();
  });
  const schedule = async (asOf: string) =>
    (
      (await (
        await f.request('GET', `/api/registry/schedule?asOf=${asOf}&portfolio=AIM%20Value%20Fund&class=C`)
      ).json()) as { entries: { assetBasedSalesChargePct: string | null; stopped: string | null }[] }
    ).entries;
  const TERMINATIONS = 'instrument,portfolio,class,date,by,notice_date,reason\n';

  it('refuses a termination upload to a viewer and writes nothing', async () => {
    const before = await f.store.use((db) => storeSnapshot(db));
    const res = await f.request('POST', '/api/imports/terminations?fileName=t.csv', {
      token: f.tokens.viewer,
      body: `${TERMINATIONS}plan,AIM Value Fund,C,2007-03-01,trustees,,resolution of 2007-02-20\n`,
      type: 'text/csv',
    });
    expect(res.status).toBe(403);
    expect(await f.store.use((db) => storeSnapshot(db))).toEqual(before);
  });

  it('refuses a bad terminations file whole with every problem (422) and writes nothing', async () => {
    const before = await f.store.use((db) => storeSnapshot(db));
    const res = await f.request('POST', '/api/imports/terminations?fileName=bad.csv', {
      token: f.tokens.operator,
      body: `${TERMINATIONS}plan,AIM Value Fund,C,2007-02-30,trustees,,\nplan,No Such Fund,C,2007-03-01,trustees,,\nplan,AIM Value Fund,C,2007-03-01,nobody,,\n`,
      type: 'text/csv',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string; problems: { line: number; field: string }[] };
    };
    expect(body.error.code).toBe('BAD_INPUT');
    expect(body.error.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'date'],
      [3, 'portfolio'],
      [4, 'by'],
    ]);
    expect(await f.store.use((db) => storeSnapshot(db))).toEqual(before);
  });

  it("an operator's termination stops the fee from its date in the server's registry, audited with the token", async () => {
    expect(await schedule('2007-03-15')).toEqual([
      expect.objectContaining({ assetBasedSalesChargePct: '0.75', stopped: null }),
    ]);
    const res = await f.request('POST', '/api/imports/terminations?fileName=t.csv', {
      token: f.tokens.operator,
      body: `${TERMINATIONS}plan,AIM Value Fund,C,2007-03-01,trustees,,resolution of 2007-02-20\n`,
      type: 'text/csv',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inserted: 1 });
    expect(await schedule('2007-02-28')).toEqual([expect.objectContaining({ stopped: null })]);
    const [after] = await schedule('2007-03-15');
    expect(after?.stopped).toMatch(
      /terminated for AIM Value Fund Class C by a majority of the Dis-interested Trustees from 2007-03-01/,
    );
    // the same answer as the CLI's registry, derived anew from the database
    const cli = await f.store.use(async (db) => {
      const r = await loadRegistry(db);
      return r.scheduleAsOf('2007-03-15', { portfolio: 'AIM Value Fund', class: 'C' }).entries;
    });
    expect(cli.map((e) => e.stopped)).toEqual([after?.stopped]);
    const last = (await f.store.use((db) => loadAuditLog(db))).at(-1)!;
    expect(last).toMatchObject({ actor: 'token:operator (operator)', action: 'terminations.import' });
  });

  it('the same termination by request changes nothing; a setting is an administrator’s', async () => {
    const term = {
      instrument: 'plan',
      portfolio: 'AIM Value Fund',
      class: 'C',
      date: '2007-03-01',
      by: 'trustees',
      reason: 'resolution of 2007-02-20',
    };
    const again = await f.request('POST', '/api/terminations', {
      token: f.tokens.operator,
      body: JSON.stringify(term),
      type: 'application/json',
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ recorded: false });
    const asOperator = await f.request('POST', '/api/settings/approvals.enforce', {
      token: f.tokens.operator,
      body: JSON.stringify({ value: 'false' }),
      type: 'application/json',
    });
    expect(asOperator.status).toBe(403);
    const asAdmin = await f.request('POST', '/api/settings/approvals.enforce', {
      token: f.tokens.admin,
      body: JSON.stringify({ value: 'false' }),
      type: 'application/json',
    });
    expect(asAdmin.status).toBe(200);
    const unknown = await f.request('POST', '/api/settings/no.such.key', {
      token: f.tokens.admin,
      body: JSON.stringify({ value: 'x' }),
      type: 'application/json',
    });
    expect(unknown.status).toBe(400);
  });

  it.skipIf(dialect !== 'postgres')(
    'on a server, the registry follows a change another process made (the key is read on each use)',
    async () => {
      // a second client, as the CLI on another machine: the trustees terminate the Plan for every
      // class of AIM Value Fund from 2007-05-01
      const other = await openDatabase(f.tdb.target);
      try {
        const { importTerminations } = await import('../../src/feeds/terminationsFeed.js');
        await importTerminations(
          other,
          'other.csv',
          Buffer.from(`${TERMINATIONS}plan,AIM Value Fund,,2007-05-01,trustees,,resolution of 2007-04-30\n`),
        );
      } finally {
        await other.close();
      }
      const may = await (
        await f.request('GET', '/api/registry/schedule?asOf=2007-05-15&portfolio=AIM%20Value%20Fund')
      ).json();
      const stopped = (may as { entries: { stopped: string | null }[] }).entries.map((e) => e.stopped);
      expect(stopped.length).toBeGreaterThan(0);
      for (const s of stopped) expect(s).not.toBeNull();
    },
  );
});
