import { describe, expect, it } from 'vitest';
import { parseRateMicroPct } from '../../src/money/rate.js';
import type { BoardRate } from '../../src/registry/boardRate.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { coverageOf } from '../../src/reports/feesReport.js';
import { AMENDMENT_1, AMENDMENT_2, PLAN } from '../governance/support/testPlan.js';

/**
 * SPEC §2: Board-set current rates lie below the schedule maxima. Test Growth Fund class A:
 * Amendment No. 1 (2005-01-01) allows an ABSC of up to 0.25%; the Board sets 0.20% from
 * 2005-02-01; a third amendment (2005-06-01) brings the maximum back to 0.10%. From 2005-06-01
 * the Board's 0.20% is above the caps, so the schedule's 0.10% applies — and a fee query over
 * June, whose distribution fee halves, must say why, not only the import that caused it.
 */
describe('a Board-set rate the caps of a later schedule no longer allow', () => {
  const schedule = AMENDMENT_2.doc.schedules[0]!;
  const AMENDMENT_3: StoredDocument = {
    id: 'd'.repeat(64),
    fileName: 'amendment-3.txt',
    doc: {
      ...AMENDMENT_2.doc,
      title: AMENDMENT_2.doc.title.replace('No. 2', 'No. 3'),
      amendmentNumber: 3,
      effectiveDate: '2005-06-01',
      datedDate: '2005-06-01',
      schedules: [
        {
          ...schedule,
          entries: schedule.entries.map((e) =>
            e.portfolio === 'Test Growth Fund'
              ? { ...e, assetBasedSalesChargePct: '0.10', aggregateFeePct: '0.35' }
              : e,
          ),
        },
      ],
    },
  };
  const board: BoardRate = {
    portfolio: 'Test Growth Fund',
    class: 'A',
    effectiveDate: '2005-02-01',
    distributionFeePct: '0.20',
    serviceFeePct: null,
    reason: 'resolution of 2005-01-20',
  };
  const registry = buildRegistry([PLAN, AMENDMENT_1, AMENDMENT_2, AMENDMENT_3], [board]);
  const growth = registry.identities.resolve('Test Growth Fund')!;
  const query = (from: string, to: string) => {
    const warnings: string[] = [];
    const segments = coverageOf(registry, growth, 'A', warnings, { from, to });
    return { segments, warnings: warnings.filter((w) => w.includes('Board-set rate')) };
  };

  it('accrues the Board’s 0.20% until 2005-06-01 and the schedule’s 0.10% from then', () => {
    const { segments } = query('2005-05-01', '2005-06-30');
    const abscOn = (d: string) =>
      segments.find((s) => s.from <= d && (s.until === null || d < s.until))?.distributionFeeMicroPct;
    expect(abscOn('2005-05-31')).toBe(parseRateMicroPct('0.20'));
    expect(abscOn('2005-06-01')).toBe(parseRateMicroPct('0.10'));
  });

  it('is warned by a fee query over the days it is set aside, once', () => {
    const { warnings } = query('2005-05-01', '2005-07-31');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Test Growth Fund class A: from 2005-06-01: the Board-set rate of 2005-02-01 is above the caps of Schedule A effective 2005-06-01 \(distribution fee above the maximum\)/,
    );
  });

  it('is not warned over days the Board’s rate still applies', () => {
    expect(query('2005-02-01', '2005-05-31').warnings).toEqual([]);
  });
});
