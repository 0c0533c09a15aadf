import { describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { CLASS_B_AGREEMENT, classBEntry } from './registryFixtures.js';

/**
 * Two documents of one agreement both say "Amendment No. 2", one effective 2012-01-01 and one
 * 2012-06-01: one of them is misnumbered (or belongs to another instrument). Both govern from
 * their own dates, and the import says so, in whichever order they were imported. A third, the
 * same No. 2 filed again with the same date (a refiling), is not a second amendment and is not
 * warned about.
 */
const doc = (
  amendmentNumber: number | null,
  effectiveDate: string,
  portfolios: string[],
): ExhibitDocument => ({
  kind: amendmentNumber === null ? 'agreement' : 'agreement-amendment',
  title: amendmentNumber === null ? CLASS_B_AGREEMENT.title : `Amendment No. ${amendmentNumber}`,
  exhibit: null,
  instrument: CLASS_B_AGREEMENT,
  amendmentNumber,
  effectiveDate,
  datedDate: effectiveDate,
  terms:
    amendmentNumber === null
      ? { distributionFeePct: '0.75', serviceFeePct: '0.25' }
      : { distributionFeePct: null, serviceFeePct: null },
  schedules: [
    {
      name: 'Schedule A-1',
      replacesEntirely: amendmentNumber !== null,
      entries: portfolios.map((p) => classBEntry('ZETA EQUITY FUNDS', p, null)),
    },
  ],
  renames: [],
  renameRules: [],
  footnotes: [],
  warnings: [],
});

const base: StoredDocument = {
  id: 'a0',
  fileName: 'base.txt',
  doc: doc(null, '2010-01-01', ['Zeta Gamma Fund']),
};
const no1: StoredDocument = { id: 'b1', fileName: 'no1.txt', doc: doc(1, '2011-01-01', ['Zeta Gamma Fund']) };
const no2Early: StoredDocument = {
  id: 'c2',
  fileName: 'no2-january.txt',
  doc: doc(2, '2012-01-01', ['Zeta Gamma Fund', 'Zeta Kappa Fund']),
};
const no2Late: StoredDocument = {
  id: 'd2',
  fileName: 'no2-june.txt',
  doc: doc(2, '2012-06-01', ['Zeta Gamma Fund']),
};
const no2Refiled: StoredDocument = { ...no2Early, id: 'e2', fileName: 'no2-january-refiled.txt' };

const numberingWarnings = (docs: StoredDocument[]) =>
  buildRegistry(docs).warnings.filter((w) => w.includes('Amendment No.'));

describe('two documents numbered as the same amendment of one instrument', () => {
  it('are warned about once, naming both files and dates, in either import order', () => {
    for (const order of [
      [base, no1, no2Early, no2Late],
      [no2Late, no1, base, no2Early],
    ]) {
      const warnings = numberingWarnings(order);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('Amendment No. 2 of Amended and Restated Master Distribution Agreement');
      expect(warnings[0]).toContain('no2-january.txt effective 2012-01-01');
      expect(warnings[0]).toContain('no2-june.txt effective 2012-06-01');
    }
  });

  it('each still governs from its own date', () => {
    const registry = buildRegistry([base, no1, no2Early, no2Late]);
    const kappa = (date: string) =>
      registry.scheduleAsOf(date).entries.some((e) => e.portfolio === 'Zeta Kappa Fund');
    expect(kappa('2012-03-01')).toBe(true);
    expect(kappa('2012-06-01')).toBe(false);
  });

  it('are not warned about when the same amendment is filed twice with one date', () => {
    expect(numberingWarnings([base, no1, no2Early, no2Refiled])).toEqual([]);
  });
});
