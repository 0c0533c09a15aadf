import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

interface ScheduleAnswer {
  count: number;
  entries: { portfolio: string; class: string }[];
  pending?: { portfolio: string; class: string; governsFrom: string | null; reason: string }[];
}

/**
 * GET /api/registry/schedule answers what `plan12b schedule --json` answers (FORMATS.md,
 * "pending"): the entries effective by the date that do not govern on it for want of an approval
 * are listed beside those that do (issue 12). With approvals.enforce on and no approval recorded,
 * the AIM plan (seed 002) governs nothing: every entry in force before is pending, none governs.
 */
describe.skipIf(!seedsAvailable)('the schedule through the API lists its pending entries', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  const schedule = async (): Promise<ScheduleAnswer> => {
    const res = await f.request('GET', '/api/registry/schedule?asOf=2007-01-15');
    expect(res.status).toBe(200);
    return (await res.json()) as ScheduleAnswer;
  };

  it('nothing pending without enforcement; every entry pending, and why, with it', async () => {
    const before = await schedule();
    expect(before.count).toBeGreaterThan(0);
    expect(before.pending).toEqual([]);
    const set = await f.request('POST', '/api/settings/approvals.enforce', {
      token: f.tokens.admin,
      body: JSON.stringify({ value: 'true' }),
      type: 'application/json',
    });
    expect(set.status).toBe(200);
    const after = await schedule();
    expect(after.count).toBe(0);
    expect(after.entries).toEqual([]);
    const key = (e: { portfolio: string; class: string }) => `${e.portfolio}|${e.class}`;
    expect((after.pending ?? []).map(key).sort()).toEqual(before.entries.map(key).sort());
    for (const p of after.pending ?? []) {
      expect(p.governsFrom).toBeNull();
      expect(p.reason).toMatch(/pending/);
    }
  });

  it('a portfolio name no document ever gave: 404 NOT_FOUND, as the CLI’s exit 66', async () => {
    const res = await f.request('GET', '/api/registry/schedule?asOf=2007-01-15&portfolio=No%20Such%20Fund');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
