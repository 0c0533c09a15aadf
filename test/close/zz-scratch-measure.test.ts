import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const counts = { buildRegistry: 0, feesReport: 0, accrueFast: 0 };
vi.mock('../../src/registry/registry.js', async (orig) => {
  const m = (await orig()) as typeof import('../../src/registry/registry.js');
  return {
    ...m,
    buildRegistry: (...a: Parameters<typeof m.buildRegistry>) => (
      counts.buildRegistry++, m.buildRegistry(...a)
    ),
  };
});
vi.mock('../../src/reports/feesReport.js', async (orig) => {
  const m = (await orig()) as typeof import('../../src/reports/feesReport.js');
  return {
    ...m,
    feesReport: (...a: Parameters<typeof m.feesReport>) => (counts.feesReport++, m.feesReport(...a)),
  };
});
vi.mock('../../src/accrual/fastAccrual.js', async (orig) => {
  const m = (await orig()) as typeof import('../../src/accrual/fastAccrual.js');
  return {
    ...m,
    accrueFast: (...a: Parameters<typeof m.accrueFast>) => (counts.accrueFast++, m.accrueFast(...a)),
  };
});
const perClose: {
  month: string;
  ms: number;
  buildRegistry: number;
  feesReport: number;
  accrueFast: number;
}[] = [];
vi.mock('../../src/close/monthClose.js', async (orig) => {
  const m = (await orig()) as typeof import('../../src/close/monthClose.js');
  return {
    ...m,
    closeMonth: async (...a: Parameters<typeof m.closeMonth>) => {
      const before = { ...counts };
      const t = performance.now();
      const r = await m.closeMonth(...a);
      perClose.push({
        month: a[1],
        ms: Math.round(performance.now() - t),
        buildRegistry: counts.buildRegistry - before.buildRegistry,
        feesReport: counts.feesReport - before.feesReport,
        accrueFast: counts.accrueFast - before.accrueFast,
      });
      return r;
    },
  };
});

describe('measure', () => {
  it('demo closes', async () => {
    const { openDatabase } = await import('../../src/store/database.js');
    const { migrate } = await import('../../src/store/migrations.js');
    const { runDemo } = await import('../../src/demo/runDemo.js');
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-measure-'));
    const db = await openDatabase(join(dir, 'db'));
    await migrate(db);
    await runDemo(db, join(dir, 'out'), () => {});
    await db.close();
    console.log(JSON.stringify(perClose));
    const tot = perClose.reduce(
      (a, c) => ({ ms: a.ms + c.ms, b: a.b + c.buildRegistry, f: a.f + c.feesReport, x: a.x + c.accrueFast }),
      { ms: 0, b: 0, f: 0, x: 0 },
    );
    console.log('TOTAL', JSON.stringify(tot));
    expect(perClose.length).toBe(12);
  }, 900_000);
});
