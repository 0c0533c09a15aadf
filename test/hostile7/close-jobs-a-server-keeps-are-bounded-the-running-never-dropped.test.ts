import { describe, expect, it } from 'vitest';
import type { ApiStore } from '../../src/api/apiStore.js';
import { CloseJobs } from '../../src/api/closeJobs.js';
import { Plan12bError } from '../../src/errors.js';

/**
 * `plan12b serve` keeps the closes it started in memory (src/api/closeJobs.ts) for GET
 * /api/close/jobs. Every close that got past the request's own checks and then failed (inputs
 * incomplete, 68; a lock waited too long, 69) was kept for the life of the server: an operator's
 * client sending the same close again and again grew the server's memory and the jobs list without
 * bound (hostile7). The server now keeps the newest finished jobs up to a limit (1,000; here 3),
 * dropping the oldest finished first, and never a running one.
 *
 * A store whose writes fail at once, as a refused close does (no database needed).
 */
describe('the close jobs a server keeps', () => {
  const refusing = {
    write: async () => {
      throw new Plan12bError('REFUSED', 'inputs incomplete', 'import the missing net assets');
    },
  } as unknown as ApiStore;
  const options = { first: false, acceptEnded: [], instructedDueDate: null };

  it('keeps the 3 newest of 5 finished jobs, the oldest 2 dropped', async () => {
    const jobs = new CloseJobs(refusing, { keepFinished: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(jobs.start('2007-01', options, 'token:ops (operator)').id);
      await jobs.settle();
    }
    expect(jobs.list().map((j) => j.id)).toEqual(ids.slice(2));
    expect(jobs.get(ids[0]!)).toBeUndefined();
    expect(jobs.get(ids[4]!)).toMatchObject({ state: 'failed', error: { code: 'REFUSED' } });
  });

  it('never drops a running job to make room', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let calls = 0;
    const store = {
      // the first close runs until released; every later one is refused at once
      write: async () => {
        calls++;
        if (calls === 1) await held;
        throw new Plan12bError('REFUSED', 'inputs incomplete', 'import them');
      },
    } as unknown as ApiStore;
    const jobs = new CloseJobs(store, { keepFinished: 1 });
    const running = jobs.start('2007-01', options, 'token:ops (operator)');
    const later: string[] = [];
    for (let i = 0; i < 3; i++) {
      const j = jobs.start('2007-02', options, 'token:ops (operator)');
      later.push(j.id);
      // let the refused job finish (its write rejects at once) before the next
      while (jobs.get(j.id)?.finishedAt === null) await Promise.resolve();
    }
    // the running one and the newest finished one
    expect(jobs.list().map((j) => j.id)).toEqual([running.id, later[2]]);
    expect(jobs.get(running.id)?.state).toBe('running');
    release();
    await jobs.settle();
    // once it has finished, it is the newest finished: the one kept
    expect(jobs.list().map((j) => j.id)).toEqual([running.id]);
  });
});
