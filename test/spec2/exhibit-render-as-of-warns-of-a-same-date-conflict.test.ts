import { describe, expect, it } from 'vitest';
import { AMENDMENT_1_TEXT, cli, GROWTH, ok, PLAN_TEXT, workArea } from '../calc6/support/zenith.js';
import { freshDatabase } from '../support/databases.js';

/**
 * SPEC §2: two different governing entries with the same effective date are a conflict, "reported
 * as a warning on every query that touches them". `exhibit render --as-of D` is such a query: it
 * prints the schedule in force on D, and so picks one of the two entries; it must say that the
 * other one exists (stderr as text, a `warnings` array in --json), as `schedule --as-of` does.
 *
 * Zenith's Master Distribution Plan (Class C), Amendment No. 1 effective 2024-02-15: Zenith Growth
 * Fund 0.50% / 0.25% / 0.75%. A second plan, made effective the same 2024-02-15, lists Zenith
 * Growth Fund at 0.60% / 0.25% / 0.85%: the two entries govern from the same date with different
 * rates. Zenith Income Fund is listed by the first plan only: no conflict.
 */
const RIVAL_TEXT = PLAN_TEXT.replace(
  '                           MASTER DISTRIBUTION PLAN',
  '                  AMENDED AND RESTATED DISTRIBUTION PLAN',
)
  .replaceAll('January 3, 2023', 'February 15, 2024')
  .split('\n')
  .filter((l) => !l.includes('Zenith Income Fund'))
  .map((l) => (l.includes(GROWTH) ? l.replace('0.75%', '0.60%').replace('1.00%', '0.85%') : l))
  .join('\n');

const CONFLICT =
  /conflict for Zenith Growth Fund class C: .*also governs from 2024-02-15 with different rates/;

describe('exhibit render --as-of on a day of a same-date conflict', () => {
  const area = workArea('render-conflict');
  const ready = (async () => {
    // the run's migrated store, copied (test/support/databases.ts): a store the CLI creates is other files' subject
    await freshDatabase('pglite', area.dir);
    await ok(area.db, [
      'exhibit',
      'import',
      area.file('plan.txt', PLAN_TEXT),
      area.file('am1.txt', AMENDMENT_1_TEXT),
      area.file('rival.txt', RIVAL_TEXT),
    ]);
  })();

  it('schedule --as-of warns of it (the query render must agree with)', async () => {
    await ready;
    const res = await cli(area.db, ['schedule', '--as-of', '2024-03-01', '--class', 'C', '--json']);
    expect(res.code).toBe(0);
    expect(res.json<{ warnings: string[] }>().warnings).toEqual([expect.stringMatching(CONFLICT)]);
  });

  it('the rendered text is the schedule, and stderr carries the warning', async () => {
    await ready;
    const res = await cli(area.db, ['exhibit', 'render', '--as-of', '2024-03-01', '--class', 'C']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Zenith Growth Fund/);
    expect(res.stdout).not.toMatch(/conflict/);
    expect(res.stderr).toMatch(new RegExp(`warning: ${CONFLICT.source}`));
  });

  it('--json carries the warning in a warnings array beside the text', async () => {
    await ready;
    const res = await cli(area.db, ['exhibit', 'render', '--as-of', '2024-03-01', '--class', 'C', '--json']);
    expect(res.code).toBe(0);
    const out = res.json<{ text: string; warnings: string[] }>();
    expect(out.text).toMatch(/Zenith Income Fund/);
    expect(out.warnings).toEqual([expect.stringMatching(CONFLICT)]);
  });

  it('a day before the two entries govern: no conflict, an empty warnings array', async () => {
    await ready;
    // 2024-02-14: only the plan of 2023-01-03 is in force (0.75% for both portfolios)
    const res = await cli(area.db, ['exhibit', 'render', '--as-of', '2024-02-14', '--class', 'C', '--json']);
    expect(res.code).toBe(0);
    expect(res.json<{ warnings: string[] }>().warnings).toEqual([]);
  });
});
