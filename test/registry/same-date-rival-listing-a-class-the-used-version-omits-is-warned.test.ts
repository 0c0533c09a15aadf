import { describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { apartFromLapses, CLASS_B_AGREEMENT, classBEntry } from './registryFixtures.js';

/**
 * SPEC §2: two different governing entries with the same effective date are a conflict, warned on
 * every query that touches them. Two amendments replace Schedule A-1 of one Class B agreement on
 * the same day, 2013-01-01: No. 4 lists Zeta Gamma Fund only, No. 5 lists Zeta Gamma Fund and Zeta
 * Kappa Fund. Whichever version is used, Zeta Kappa Fund's class B on and after 2013-01-01 is in
 * doubt — the queries that touch it must say so, also when the version used is the one without it
 * (before, only a class the used version listed was warned about; this one ended silently).
 */
const entry = (portfolio: string) => classBEntry('ZETA EQUITY FUNDS', portfolio, null);
const instrument = CLASS_B_AGREEMENT;
const doc = (
  kind: ExhibitDocument['kind'],
  amendmentNumber: number | null,
  effectiveDate: string,
  portfolios: string[],
): ExhibitDocument => ({
  kind,
  title: amendmentNumber === null ? instrument.title : `Amendment No. ${amendmentNumber}`,
  exhibit: null,
  instrument,
  amendmentNumber,
  effectiveDate,
  datedDate: effectiveDate,
  terms:
    kind === 'agreement'
      ? { distributionFeePct: '0.75', serviceFeePct: '0.25' }
      : { distributionFeePct: null, serviceFeePct: null },
  schedules: [
    { name: 'Schedule A-1', replacesEntirely: kind !== 'agreement', entries: portfolios.map(entry) },
  ],
  renames: [],
  renameRules: [],
  footnotes: [],
  warnings: [],
});

// ids chosen so that No. 4 (without Kappa) is the version used in the canonical order
const documents: StoredDocument[] = [
  {
    id: 'a0',
    fileName: 'base.txt',
    doc: doc('agreement', null, '2010-01-01', ['Zeta Gamma Fund', 'Zeta Kappa Fund']),
  },
  { id: 'b4', fileName: 'no4.txt', doc: doc('agreement-amendment', 4, '2013-01-01', ['Zeta Gamma Fund']) },
  {
    id: 'c5',
    fileName: 'no5.txt',
    doc: doc('agreement-amendment', 5, '2013-01-01', ['Zeta Gamma Fund', 'Zeta Kappa Fund']),
  },
];

describe('a same-date rival version that lists a class the used version leaves out', () => {
  for (const order of [documents, [...documents].reverse()]) {
    const registry = buildRegistry(order);
    const kappaWarning = (ws: readonly string[]) =>
      ws.filter((w) => /^conflict for Zeta Kappa Fund class B: /.test(w));

    it('the day before: no conflict, Kappa covered by the base agreement', () => {
      const answer = registry.scheduleAsOf('2012-12-31', { class: 'B' });
      expect(answer.entries.map((e) => e.portfolio)).toEqual(['Zeta Gamma Fund', 'Zeta Kappa Fund']);
      expect(apartFromLapses(answer.warnings)).toEqual([]);
    });

    it('on and after the date: the schedule query touching Kappa warns of the conflict', () => {
      for (const day of ['2013-01-01', '2013-01-02', '2020-06-30']) {
        const answer = registry.scheduleAsOf(day, { class: 'B' });
        expect(answer.entries.map((e) => e.portfolio)).toEqual(['Zeta Gamma Fund']);
        expect(kappaWarning(answer.warnings)).toHaveLength(1);
        expect(kappaWarning(answer.warnings)[0]).toContain('no5.txt');
        expect(
          kappaWarning(registry.scheduleAsOf(day, { portfolio: 'zeta  KAPPA fund' }).warnings),
        ).toHaveLength(1);
      }
      // a query about Gamma alone does not touch Kappa
      expect(
        apartFromLapses(registry.scheduleAsOf('2013-01-01', { portfolio: 'Zeta Gamma Fund' }).warnings),
      ).toEqual([]);
    });

    it('the portfolio history and the fee-range conflicts of Kappa warn too', () => {
      const history = registry.portfolioHistory('Zeta Kappa Fund')!;
      expect(history.classes.map((c) => [c.from, c.lastDay])).toEqual([['2010-01-01', '2012-12-31']]);
      expect(kappaWarning(history.warnings)).toHaveLength(1);
      const pid = history.portfolioId;
      expect(kappaWarning(registry.conflictsDuring(pid, 'B', '2012-12-01', '2013-01-31'))).toHaveLength(1);
      expect(registry.conflictsDuring(pid, 'B', '2012-12-01', '2012-12-31')).toEqual([]);
    });
  }
});
