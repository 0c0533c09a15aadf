import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * The board report of a quarter outside the years plan12b keeps (1990–2100, the NYSE calendar's)
 * is the question's fault, as a month there is for every monthly report: `USAGE` (exit 64, HTTP
 * 400) naming the years. Quarter 0000Q1 once reached the database as the date 0000-03-31, which
 * PostgreSQL cannot hold: "internal error (a bug in plan12b…)", exit 70 / HTTP 500. Quarters 1990Q1
 * and 2100Q4, the first and last kept, are answered.
 */
describe.skipIf(!seedsAvailable)('a board report of a quarter outside the calendar', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  it.each(['0000Q1', '0001Q4', '1989Q4', '2101Q1'])(
    'GET /api/board-report?quarter=%s is 400 USAGE naming the years',
    async (quarter) => {
      for (const path of ['/api/board-report', '/api/board-report/pdf']) {
        const res = await f.request('GET', `${path}?quarter=${quarter}`);
        const body = (await res.json()) as { error: { code: string; exit: number; message: string } };
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(body.error).toMatchObject({ code: 'USAGE', exit: ERROR_CODES.USAGE.exit });
        expect(body.error.message).toMatch(/outside the years plan12b keeps \(1990–2100\)/);
      }
    },
  );

  it.each(['0000Q1', '1989Q4', '2101Q1'])(
    'plan12b board-report --quarter %s --json exits 64 naming the years',
    async (quarter) => {
      const run = await f.store.use((db) =>
        runCliOnOpenStore(db, ['board-report', '--quarter', quarter, '--json']),
      );
      expect(run.code).toBe(64);
      const doc = JSON.parse(run.stdout) as { error: { code: string; message: string } };
      expect(doc.error.code).toBe('USAGE');
      expect(doc.error.message).toBe(`--quarter ${quarter} is outside the years plan12b keeps (1990–2100)`);
    },
  );

  it.each(['1990Q1', '2100Q4'])('the first and last quarters kept, %s, are answered', async (quarter) => {
    const res = await f.request('GET', `/api/board-report?quarter=${quarter}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { quarter: string }).quarter).toBe(quarter);
    const run = await f.store.use((db) =>
      runCliOnOpenStore(db, ['board-report', '--quarter', quarter, '--json']),
    );
    expect(run.code).toBe(0);
  });
});
