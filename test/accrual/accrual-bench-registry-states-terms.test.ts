/**
 * The accrual benchmark's end-to-end run measures the product's commands against the kernel on
 * the generated terms; that comparison means something only if the registry it imports — the
 * rendered Schedule A plans and amendments of bench/accrualBenchRegistry — states exactly those
 * terms. Imported as `exhibit import` reads filings, each class's governing rates (SPEC §2) must
 * be its generated coverage segments, late starts, mid-year changes and ends included.
 */
import { describe, expect, it } from 'vitest';
import { generateAccrualBenchData } from '../../bench/accrualBenchData.js';
import { accrualBenchExhibits } from '../../bench/accrualBenchRegistry.js';
import type { RateSegment } from '../../src/accrual/classSeries.js';
import { coverageOf } from '../../src/reports/feesReport.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { dialects, freshDatabase } from '../support/databases.js';

/** Adjacent segments with the same rates as one: an amendment restating a class's rates is a new version, not a change. */
function merged(segments: readonly RateSegment[]): RateSegment[] {
  const out: RateSegment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (
      last &&
      last.until === s.from &&
      last.distributionFeeMicroPct === s.distributionFeeMicroPct &&
      last.serviceFeeMicroPct === s.serviceFeeMicroPct
    )
      out[out.length - 1] = { ...last, until: s.until };
    else out.push({ ...s });
  }
  return out;
}

describe.each(dialects)('accrual bench registry on %s', (dialect) => {
  it('states every generated class’s rates on every day', async () => {
    // 120 classes: by the generator's odds some start late, some change rate, some end (asserted).
    const data = generateAccrualBenchData(120, 365);
    const late = data.terms.filter((t) => t.coverage[0]!.from !== '2020-01-01').length;
    const ended = data.terms.filter((t) => t.coverage.at(-1)!.until !== null).length;
    expect(late).toBeGreaterThan(0);
    expect(data.midYearRateChanges).toBeGreaterThan(0);
    expect(ended).toBeGreaterThan(0);

    const tdb = await freshDatabase(dialect);
    const db = await tdb.open();
    try {
      await importExhibits(db, accrualBenchExhibits(data, 365));
      const registry = await loadRegistry(db);
      for (const [c, terms] of data.terms.entries()) {
        const pid = registry.identities.resolve(data.columns.portfolios[c]!);
        expect(pid, data.columns.portfolios[c]).toBeDefined();
        const warnings: string[] = [];
        const coverage = coverageOf(registry, pid!, data.columns.classNames[c]!, warnings);
        // the same rates on every day: each amendment is a version of its own, so compare merged
        expect(merged(coverage), terms.classKey).toEqual(merged(terms.coverage));
      }
    } finally {
      await db.close();
      await tdb.drop();
    }
  });
});
