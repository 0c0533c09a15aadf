import { describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { apartFromLapses, CLASS_B_AGREEMENT, classBEntry } from './registryFixtures.js';

/**
 * SPEC §2 resolves any name a portfolio ever had to it. Amendment No. 1 (2011-03-01) renames
 * Zeta Beta Fund to Zeta Beta Growth Fund; Amendment No. 3 (2013-01-01) replaces Schedule A-1
 * with a list naming both "Zeta Beta Growth Fund" and "Zeta Beta Fund" — most likely a new
 * portfolio that took the former name. Both lines resolve to the one portfolio and only the first
 * is read; the second was dropped without a word, so the schedule on 2013-01-01 showed one line
 * fewer than the signed schedule. plan12b cannot tell the two apart by name, so every query
 * touching the class from that date must say so.
 */
const entry = (portfolio: string) => classBEntry('ZETA EQUITY FUNDS', portfolio, null);
const instrument = CLASS_B_AGREEMENT;
const doc = (
  amendmentNumber: number | null,
  effectiveDate: string,
  portfolios: string[],
  renames: { from: string; to: string }[] = [],
): ExhibitDocument => ({
  kind: amendmentNumber === null ? 'agreement' : 'agreement-amendment',
  title: amendmentNumber === null ? instrument.title : `Amendment No. ${amendmentNumber}`,
  exhibit: null,
  instrument,
  amendmentNumber,
  effectiveDate,
  datedDate: effectiveDate,
  terms:
    amendmentNumber === null
      ? { distributionFeePct: '0.75', serviceFeePct: '0.25' }
      : { distributionFeePct: null, serviceFeePct: null },
  schedules: [
    { name: 'Schedule A-1', replacesEntirely: amendmentNumber !== null, entries: portfolios.map(entry) },
  ],
  renames,
  renameRules: [],
  footnotes: [],
  warnings: [],
});

const documents: StoredDocument[] = [
  { id: 'a0', fileName: 'base.txt', doc: doc(null, '2010-01-01', ['Zeta Beta Fund', 'Zeta Gamma Fund']) },
  {
    id: 'b1',
    fileName: 'no1.txt',
    doc: doc(
      1,
      '2011-03-01',
      ['Zeta Beta Growth Fund', 'Zeta Gamma Fund'],
      [{ from: 'Zeta Beta Fund', to: 'Zeta Beta Growth Fund' }],
    ),
  },
  {
    id: 'c3',
    fileName: 'no3.txt',
    doc: doc(3, '2013-01-01', ['Zeta Beta Growth Fund', 'Zeta Beta Fund', 'Zeta Gamma Fund']),
  },
];

describe('a schedule listing a portfolio under its current and its former name', () => {
  for (const order of [documents, [...documents].reverse()]) {
    const registry = buildRegistry(order);
    const doubt = (ws: readonly string[]) =>
      ws.filter(
        (w) => w.startsWith('conflict for Zeta Beta Growth Fund class B: ') && w.includes('Zeta Beta Fund'),
      );

    it('before the listing: the rename alone raises nothing', () => {
      for (const day of ['2011-03-01', '2012-12-31']) {
        const answer = registry.scheduleAsOf(day, { class: 'B' });
        expect(answer.entries.map((e) => e.portfolio)).toEqual(['Zeta Beta Growth Fund', 'Zeta Gamma Fund']);
        expect(apartFromLapses(answer.warnings)).toEqual([]);
      }
    });

    it('from the listing on: every query touching the class says so', () => {
      const answer = registry.scheduleAsOf('2013-01-01', { class: 'B' });
      expect(answer.entries.map((e) => e.portfolio)).toEqual(['Zeta Beta Growth Fund', 'Zeta Gamma Fund']);
      expect(doubt(answer.warnings)).toHaveLength(1);
      expect(
        doubt(registry.scheduleAsOf('2014-05-05', { portfolio: 'zeta beta fund' }).warnings),
      ).toHaveLength(1);
      expect(
        apartFromLapses(registry.scheduleAsOf('2013-01-01', { portfolio: 'Zeta Gamma Fund' }).warnings),
      ).toEqual([]);
      expect(doubt(registry.portfolioHistory('Zeta Beta Fund')!.warnings)).toHaveLength(1);
      const pid = registry.identities.resolve('Zeta Beta Growth Fund')!;
      expect(doubt(registry.conflictsDuring(pid, 'B', '2012-12-01', '2013-01-31'))).toHaveLength(1);
      expect(registry.conflictsDuring(pid, 'B', '2012-12-01', '2012-12-31')).toEqual([]);
      expect(doubt(registry.warnings)).toHaveLength(1);
    });
  }
});
