import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { demoNetAssetsCsv } from '../../src/demo/demoNetAssets.js';
import { runServiceFeesDemo } from '../../src/demo/demoServiceFees.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { parseCents } from '../../src/money/cents.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { serviceFeeCounts } from './support/workedStore.js';

// The demo's providers through June 2025: the bank terminated on notice (effective June 30) is
// paid for June 1–29; the retirement plan provider (assigned in September) is still in force.
describe('demo: providers, a terminated agreement and an assigned one, a month that reconciles', () => {
  let tdb: TestDatabase;
  let db: Database;
  const out = mkdtempSync(join(tmpdir(), 'plan12b-demo-service-fees-'));
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      demoExhibits().map(({ fileName, doc }) => ({
        fileName,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      })),
    );
    const registry = await loadRegistry(db);
    await importNetAssets(db, 'na.csv', Buffer.from(demoNetAssetsCsv(registry, '2025-01-02', '2025-06-30')));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('pays each kind of provider, keeps Σ parts = whole, and a second run changes nothing', async () => {
    const first = await runServiceFeesDemo(db, out, '2025-06');
    const totals = first.summary.totals as {
      serviceFee: string;
      providerFees: string;
      distributorRetained: string;
    };
    expect(parseCents(totals.providerFees) + parseCents(totals.distributorRetained)).toBe(
      parseCents(totals.serviceFee),
    );
    expect(parseCents(totals.providerFees) > 0n).toBe(true);
    expect(first.summary.terminations).toEqual([
      { id: 'BNK-0001', effective: '2025-06-30', cause: 'notice' },
      { id: 'RPP-0001', effective: '2025-09-15', cause: 'assignment' },
    ]);
    expect(
      readdirSync(join(out, 'service-fee-statements-2025-06')).filter((f) => f.endsWith('.pdf')),
    ).toHaveLength(7);
    const before = await serviceFeeCounts(db);
    const second = await runServiceFeesDemo(db, out, '2025-06');
    expect(await serviceFeeCounts(db)).toEqual(before);
    expect(second.summary.totals).toEqual(first.summary.totals);
    expect(second.lines.some((l) => /BNK-0001 .*terminated 2025-06-30/.test(l))).toBe(true);
  });
});
