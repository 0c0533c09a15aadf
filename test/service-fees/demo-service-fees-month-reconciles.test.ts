import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { DEMO_SERVICE_AGREEMENTS, demoApprovalsCsv } from '../../src/demo/demoGovernance.js';
import { demoNetAssetsCsv } from '../../src/demo/demoNetAssets.js';
import { runServiceFeesDemo } from '../../src/demo/demoServiceFees.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { parseCents } from '../../src/money/cents.js';
import { serviceFeesReport } from '../../src/reports/serviceFeesReport.js';
import type { Database } from '../../src/store/database.js';
import { documentId, importExhibits } from '../../src/store/exhibitImport.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { serviceFeeCounts } from './support/workedStore.js';

// The demo's providers through June 2025: the bank terminated on notice (effective June 30) is
// paid for June 1–29; the retirement plan provider (assigned in September) is still in force.
describe('demo: providers, a terminated agreement and an assigned one, a month that reconciles', () => {
  let tdb: TestDatabase;
  let db: Database;
  const out = mkdtempSync(join(tmpdir(), 'plan12b-demo-service-fees-'));
  const exhibits = demoExhibits().map(({ fileName, doc }) => ({
    fileName,
    bytes: Buffer.from(renderExhibit(doc, { marked: false })),
  }));
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(db, exhibits);
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

  // Plan §6: the demo's Board approves the forms of Service Agreement with the Plans (2023-12-14),
  // so June 2025's providers are paid under an approved related agreement; without that row the
  // demo's other approvals are recorded and every provider paid in June is warned of
  it('pays under the Service Agreement forms its Board approved, and is warned without them', async () => {
    const csv = demoApprovalsCsv(new Map(exhibits.map((e) => [e.fileName, documentId(e.bytes)])));
    const without = csv
      .split('\n')
      .filter((l) => !l.includes(DEMO_SERVICE_AGREEMENTS))
      .join('\n');
    expect(without).not.toBe(csv);
    await importApprovals(db, 'approvals-without.csv', Buffer.from(without));
    const warned = (await serviceFeesReport(db, '2025-06')).warnings.filter((w) => w.includes('Plan §6'));
    const paid = (await serviceFeesReport(db, '2025-06')).providers.filter((p) => parseCents(p.amount) > 0n);
    expect(paid.length > 0).toBe(true);
    // each paid provider: every day it was paid in June falls before any approval of the forms
    expect(warned.map((w) => w.split(' ')[0])).toEqual(paid.map((p) => p.id));
    await importApprovals(db, 'approvals.csv', Buffer.from(csv));
    expect((await serviceFeesReport(db, '2025-06')).warnings.filter((w) => w.includes('Plan §6'))).toEqual(
      [],
    );
  });
});
