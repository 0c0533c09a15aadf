import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { type ApiFixture, apiFixture, netAssetsCsv } from '../api/apiFixture.js';
import { dialects } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §4, §12 through `plan12b serve`, two clients writing at once (hostile5): an operator
 * restates a month (`POST /api/imports/net-assets?restate=true`) while another closes it
 * (`POST /api/close`). Whichever the server runs first, no figure is lost: restated before the
 * close, the close seals the new figure and the restatement touches no closed month; restated
 * after, the month stays as sealed, the restatement is marked as touching it, and the next close
 * reports the difference as a prior-period adjustment. The order is made, not hoped for: the first
 * write is held at its fault point (PLAN12B_FAULT=…:hold, let go by SIGUSR2) while the second is
 * sent: it holds the one write turn (ApiStore.write), so the second runs after it whatever the
 * timing. Either way `audit verify` passes.
 *
 * The API fixture: AIM Value Fund C (seed 002: 0.25% service fee) at 36,500,000.00 every business
 * day of December 2006 – February 2007, restated to 36,600,000.00 (December, then January).
 * December, restated first: its average daily net assets sealed 36,600,000.00. January, closed
 * first: the February close reports its service fee difference — each accruing day from 250.00
 * (36,500,000 × 0.25% / 365) to round(250.684…) = 250.68; the days whose rows are January's, the
 * 3rd to the 31st (the 1st and the 2nd, closed days, carry December 29th's row, restated already):
 * 29 × 0.68 = 19.72. January as sealed before its restatement: those two days at 36,600,000.00, 29 at
 * 36,500,000.00 — average 36,500,000 + 2 × 100,000 / 31 = 36,506,451.612… → 36,506,451.61.
 */
describe.skipIf(!seedsAvailable).each(dialects)(
  'an HTTP restatement racing an HTTP close (%s)',
  (dialect) => {
    let f: ApiFixture;
    beforeAll(async () => {
      f = await apiFixture(dialect);
    });
    afterAll(async () => {
      delete process.env.PLAN12B_FAULT;
      await f?.close();
    });

    /** Resolves when the fault point is announced on stderr. */
    const reached = (point: string) =>
      new Promise<void>((resolve) => {
        const write = process.stderr.write.bind(process.stderr);
        process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
          if (String(chunk).includes(`fault point ${point} reached`)) {
            process.stderr.write = write;
            resolve();
          }
          return write(chunk, ...rest);
        }) as typeof process.stderr.write;
      });
    const restate = (from: string, to: string) =>
      f.request('POST', '/api/imports/net-assets?fileName=restated.csv&restate=true', {
        token: f.tokens.operator,
        body: netAssetsCsv(from, to, '36600000.00'),
        type: 'text/csv',
      });
    const close = (month: string) =>
      f.request('POST', '/api/close', {
        token: f.tokens.operator,
        body: JSON.stringify({ month }),
        type: 'application/json',
      });
    const sealedJob = async (id: string) => {
      await f.jobs.settle();
      const r = await f.request('GET', `/api/close/jobs/${id}`, { token: f.tokens.operator });
      return (await r.json()) as { state: string; error: unknown };
    };
    const verified = async () =>
      f.store.use(async (db) => verifyAuditEvidence(await loadAuditEvidence(db)).findings);

    it('restated first (the upload held, the close sent): the close seals the new figure', async () => {
      const held = reached('import:net-assets');
      process.env.PLAN12B_FAULT = 'import:net-assets:hold';
      const upload = restate('2006-12-01', '2006-12-29');
      await held;
      delete process.env.PLAN12B_FAULT;
      // sent while the upload holds the write turn (on PGlite its read waits for the upload's commit,
      // so it is not awaited before the upload is let go)
      const closing = close('2006-12');
      process.kill(process.pid, 'SIGUSR2');
      const started = await closing;
      expect(started.status).toBe(202);
      const job = (await started.json()) as { id: string };
      const done = await upload;
      expect(done.status).toBe(200);
      const restated = (await done.json()) as { restated: { closedMonth: string | null }[] };
      expect(restated.restated).toHaveLength(20);
      expect(new Set(restated.restated.map((r) => r.closedMonth))).toEqual(new Set([null]));
      expect(await sealedJob(job.id)).toMatchObject({ state: 'sealed', error: null });
      const month = JSON.stringify(await (await f.request('GET', '/api/months/2006-12/sealed')).json());
      expect(month).toContain('"averageDailyNetAssets":"36600000.00"');
      expect(await verified()).toEqual([]);
    });

    it('closed first (the close held, the upload sent): the month stays sealed, the next close adjusts', async () => {
      const held = reached('close:checked');
      process.env.PLAN12B_FAULT = 'close:checked:hold';
      const started = await close('2007-01');
      expect(started.status).toBe(202);
      const job = (await started.json()) as { id: string };
      await held;
      delete process.env.PLAN12B_FAULT;
      const upload = restate('2007-01-03', '2007-01-31');
      process.kill(process.pid, 'SIGUSR2');
      const done = await upload;
      expect(done.status).toBe(200);
      const restated = (await done.json()) as { restated: { closedMonth: string | null }[] };
      expect(restated.restated).toHaveLength(20);
      expect(new Set(restated.restated.map((r) => r.closedMonth))).toEqual(new Set(['2007-01']));
      expect(await sealedJob(job.id)).toMatchObject({ state: 'sealed', error: null });
      const january = JSON.stringify(await (await f.request('GET', '/api/months/2007-01/sealed')).json());
      expect(january).toContain('"averageDailyNetAssets":"36506451.61"');
      expect(await verified()).toEqual([]);
      const february = await close('2007-02');
      expect(february.status).toBe(202);
      expect(await sealedJob(((await february.json()) as { id: string }).id)).toMatchObject({
        state: 'sealed',
      });
      const adjusted = JSON.stringify(await (await f.request('GET', '/api/months/2007-02/sealed')).json());
      // 29 × 0.68 (worked above)
      expect(adjusted).toContain('"serviceFee":"19.72"');
      expect(await verified()).toEqual([]);
    });
  },
);
