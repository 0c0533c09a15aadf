import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloseJob } from '../../src/api/closeJobs.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { dialects } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * A month close through the API (SPEC §12; issue 13 item 1): start answers 202 with a job; the
 * job records its steps and ends sealed; the month reads sealed, the journal reads as sealed,
 * and the close's audit record names the token's actor. A second start is refused (409).
 */
describe.skipIf(!seedsAvailable).each(dialects)('close through the API on %s', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(dialect);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('starts, reports progress, seals; the month then reads sealed', async () => {
    expect(await (await f.request('GET', '/api/months/2006-12')).json()).toMatchObject({
      state: 'open',
      parts: [],
    });
    const start = await f.request('POST', '/api/close', {
      token: f.tokens.operator,
      type: 'application/json',
      body: JSON.stringify({ month: '2006-12' }),
    });
    expect(start.status).toBe(202);
    const job = (await start.json()) as CloseJob;
    expect(job).toMatchObject({ month: '2006-12', state: 'running', startedBy: 'token:operator (operator)' });
    await f.jobs.settle();
    const done = (await (await f.request('GET', `/api/close/jobs/${job.id}`)).json()) as CloseJob;
    expect(done).toMatchObject({
      state: 'sealed',
      error: null,
      result: { month: '2006-12', closedBy: 'token:operator (operator)' },
    });
    expect(done.step).toMatchObject({ title: 'sealed' });
    expect(done.step!.index).toBe(done.step!.count);

    const status = (await (await f.request('GET', '/api/months/2006-12')).json()) as {
      state: string;
      resultsHash: string;
      parts: { part: string }[];
    };
    expect(status).toMatchObject({ state: 'sealed', resultsHash: done.result!.resultsHash });
    expect(status.parts.map((p) => p.part)).toEqual([...done.result!.parts].sort());
    const journal = (await (await f.request('GET', '/api/journal?month=2006-12')).json()) as {
      basis: string;
    };
    expect(journal.basis).toBe('sealed');
    expect(
      (await f.store.use((db) => loadAuditLog(db, { action: 'month.close' }))).map((r) => r.actor),
    ).toEqual(['token:operator (operator)']);

    const again = await f.request('POST', '/api/close', {
      token: f.tokens.operator,
      type: 'application/json',
      body: JSON.stringify({ month: '2006-12' }),
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'CONFLICT', exit: 67 } });
  });

  it('refuses a close out of order at once with the CLI’s error (68, months close in order), starting no job', async () => {
    const before = f.jobs.list().length;
    const start = await f.request('POST', '/api/close', {
      token: f.tokens.admin,
      type: 'application/json',
      body: JSON.stringify({ month: '2007-02' }),
    });
    expect(start.status).toBe(403);
    const body = (await start.json()) as { error: { code: string; exit: number; message: string } };
    expect(body.error).toMatchObject({ code: 'REFUSED', exit: 68 });
    expect(body.error.message).toMatch(/2007-01 is not closed yet/);
    expect(f.jobs.list()).toHaveLength(before);
  });

  it('serves the Monthly Calculation as JSON and as PDF', async () => {
    const json = await f.request('GET', '/api/monthly-calculation?month=2006-12');
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ month: '2006-12', basis: 'sealed' });
    const pdf = await f.request('GET', '/api/monthly-calculation/pdf?month=2006-12');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
