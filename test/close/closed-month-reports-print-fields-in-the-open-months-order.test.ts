import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { DEMO_FIRST_MONTH, demoJanuaryClosedStore } from '../support/demoOpen.js';

/**
 * SPEC §12: reading a closed month shows its sealed results. A sealed part is read back as the
 * close wrote it: the same fields in the same order as the open month's report (`--recompute`:
 * what today's data would say), at every level — not re-ordered by the store (jsonb put shorter
 * keys first: "cdsc", "role", "payee" … before "portfolio").
 */

/** Every object's keys, in order, with the path to it (array elements each). */
function keyOrders(value: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) keyOrders(v, `${path}[${i}]`, out);
  else if (value !== null && typeof value === 'object') {
    out.push(`${path}: ${Object.keys(value).join(',')}`);
    for (const [k, v] of Object.entries(value)) keyOrders(v, `${path}.${k}`, out);
  }
  return out;
}

/** The sealed read's own fields (how it was sealed, what came since) are not the report's. */
const SEALED_READ_ONLY = ['basis', 'close', 'adjustmentsSince', 'closedMonths', 'recomputedClosedMonths'];

function withoutSealedReadFields(json: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(json).filter(([k]) => !SEALED_READ_ONLY.includes(k)));
}

describe('a closed month’s reports print their fields in the order the open month’s do', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    await demoJanuaryClosedStore(tdb.target);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  const month = DEMO_FIRST_MONTH; // 2025-01, closed by `plan12b close`
  for (const [name, args] of [
    ['monthly-calculation', ['monthly-calculation', '--month', month]],
    ['fees', ['fees', '--from', `${month}-01`, '--to', `${month}-31`]],
    ['service-fees', ['service-fees', '--month', month]],
  ] as const)
    it(`${name}: the sealed JSON and the recomputed one have the same keys in the same order`, async () => {
      const sealed = await runCliInProcess(['--db', tdb.target, ...args, '--json']);
      const live = await runCliInProcess(['--db', tdb.target, ...args, '--json', '--recompute']);
      expect([sealed.code, live.code]).toEqual([0, 0]);
      const s = sealed.json<Record<string, unknown>>();
      // the answer is the sealed one (it says how it was sealed), not recomputed
      expect(
        Object.keys(s).some((k) => k === 'basis' || k === 'closedMonths'),
        Object.keys(s).join(),
      ).toBe(true);
      const orders = keyOrders(withoutSealedReadFields(s));
      expect(orders.length).toBeGreaterThan(5);
      expect(orders).toEqual(keyOrders(withoutSealedReadFields(live.json<Record<string, unknown>>())));
    });
});
