import { describe, expect, it } from 'vitest';
import type { ExhibitDocument, ScheduleEntry } from '../../src/edgar/exhibitDocument.js';
import { classResolver } from '../../src/registry/classByName.js';
import { buildRegistry, type Registry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';

/**
 * SPEC §2: renames take effect on their amendment's date, and import order never changes the
 * result. RidgeWorth's 2014 Schedule A (sec.gov …/883939/000119312514286425/d761778dex99m1i.htm)
 * lists, effective one date, "Core Bond Fund (formerly, Investment Grade Bond Fund)" and "Total
 * Return Bond Fund (formerly, Core Bond Fund)": the name Core Bond Fund passes from one portfolio
 * to another. Both pairs were joined into one portfolio (three names, one id), so the two funds'
 * rates were read as one class's. Invented documents of that shape: a Class A plan of Ridge Trust
 * (2012-07-01) and its amendments.
 */
const entry = (portfolio: string, distributionPct: string): ScheduleEntry => ({
  registrant: 'RIDGE TRUST',
  portfolio,
  class: 'A',
  assetBasedSalesChargePct: distributionPct,
  assetBasedSalesChargeBound: 'maximum',
  serviceFeePct: '0.25',
  aggregateFeePct: null,
});
const instrument = {
  kind: 'plan' as const,
  title: 'Distribution and Service Plan',
  registrant: 'Ridge Trust',
  classes: ['A'],
  datedAsOf: '2012-07-01',
};
const doc = (
  id: string,
  effectiveDate: string,
  entries: ScheduleEntry[],
  renames: { from: string; to: string }[],
  amendmentNumber: number | null,
): StoredDocument => {
  const d: ExhibitDocument = {
    kind: amendmentNumber === null ? 'plan' : 'plan-amendment',
    title:
      amendmentNumber === null
        ? instrument.title
        : `Amendment No. ${amendmentNumber} to the ${instrument.title}`,
    exhibit: null,
    instrument,
    amendmentNumber,
    effectiveDate,
    datedDate: effectiveDate,
    terms: { distributionFeePct: null, serviceFeePct: null },
    schedules: [{ name: 'Schedule A', replacesEntirely: amendmentNumber !== null, entries }],
    renames,
    renameRules: [],
    footnotes: [],
    warnings: [],
  };
  return { id, fileName: `${id}.txt`, doc: d };
};

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** (name in force, ABSC) per portfolio on a date, sorted by name */
const scheduleOn = (r: Registry, date: string) =>
  r.scheduleAsOf(date).entries.map((e) => `${e.portfolio} ${e.assetBasedSalesChargePct}`);
const idOn = (r: Registry, name: string, date: string) => r.scheduleAsOf(date, { portfolio: name }).entries;

const IGB = 'Investment Grade Bond Fund';
const CORE = 'Core Bond Fund';
const TRB = 'Total Return Bond Fund';

describe('a chain of renames on one date hands a name from one portfolio to another', () => {
  const base = doc('base', '2012-07-01', [entry(IGB, '0.30'), entry(CORE, '0.20')], [], null);
  const chain = doc(
    'a1',
    '2014-08-01',
    [entry(CORE, '0.35'), entry(TRB, '0.25')],
    [
      { from: IGB, to: CORE },
      { from: CORE, to: TRB },
    ],
    1,
  );
  // a later schedule keeps the "(formerly …)" notes: a rename already in force, stated again
  const restated = doc(
    'a2',
    '2015-01-01',
    [entry(CORE, '0.34'), entry(TRB, '0.24')],
    [
      { from: IGB, to: CORE },
      { from: CORE, to: TRB },
    ],
    2,
  );
  for (const order of permutations([base, chain, restated])) {
    it(`import order ${order.map((d) => d.id).join(', ')}`, () => {
      const r = buildRegistry(order);
      expect(scheduleOn(r, '2014-07-31')).toEqual([`${CORE} 0.20`, `${IGB} 0.30`]);
      expect(scheduleOn(r, '2014-08-01')).toEqual([`${CORE} 0.35`, `${TRB} 0.25`]);
      expect(scheduleOn(r, '2015-01-01')).toEqual([`${CORE} 0.34`, `${TRB} 0.24`]);
      // the portfolio formerly Investment Grade Bond Fund bears Core Bond Fund from 2014-08-01
      const igb = r.identities.resolve(IGB)!;
      const oldCore = r.identities.resolve(TRB)!;
      expect(igb).not.toBe(oldCore);
      expect(r.identities.resolveOn(CORE, '2014-07-31')).toBe(oldCore);
      expect(r.identities.resolveOn(CORE, '2014-08-01')).toBe(igb);
      expect(idOn(r, CORE, '2014-07-31').map((e) => [e.portfolioId, e.assetBasedSalesChargePct])).toEqual([
        [oldCore, '0.20'],
      ]);
      expect(idOn(r, CORE, '2014-08-01').map((e) => [e.portfolioId, e.assetBasedSalesChargePct])).toEqual([
        [igb, '0.35'],
      ]);
      // a net-assets row naming Core Bond Fund is the class of the portfolio that bore the name that day
      const rowClass = classResolver(r);
      expect(rowClass(CORE, 'A', '2014-07-31')).toEqual({ kind: 'class', portfolioId: oldCore, class: 'A' });
      expect(rowClass(CORE, 'A', '2014-08-01')).toEqual({ kind: 'class', portfolioId: igb, class: 'A' });
      // the runs fees accrue by, per class
      expect(r.governing(igb, 'A').map((g) => [g.from, g.lastDay, g.distributionFeePct])).toEqual([
        ['2012-07-01', '2014-07-31', '0.30'],
        ['2014-08-01', '2014-12-31', '0.35'],
        ['2015-01-01', null, '0.34'],
      ]);
      expect(r.governing(oldCore, 'A').map((g) => [g.from, g.lastDay, g.distributionFeePct])).toEqual([
        ['2012-07-01', '2014-07-31', '0.20'],
        ['2014-08-01', '2014-12-31', '0.25'],
        ['2015-01-01', null, '0.24'],
      ]);
      const h = r.portfolioHistory(TRB)!;
      expect(h.names).toEqual([
        { name: CORE, from: null, lastDay: '2014-07-31' },
        { name: TRB, from: '2014-08-01', lastDay: null },
      ]);
      expect(r.portfolioHistory(IGB)!.names).toEqual([
        { name: IGB, from: null, lastDay: '2014-07-31' },
        { name: CORE, from: '2014-08-01', lastDay: null },
      ]);
      // an undated lookup of the shared name means its last bearer, and says so
      const byShared = r.portfolioHistory(CORE)!;
      expect(byShared.portfolioId).toBe(igb);
      expect(byShared.warnings.some((w) => w.includes('passes on 2014-08-01'))).toBe(true);
      expect(r.portfolioHistory(IGB)!.warnings).toEqual([]);
    });
  }
});

describe('a swap and a three-step chain on one date', () => {
  it('swap: A → B and B → A effective together, in either import order', () => {
    const base = doc('s0', '2012-07-01', [entry('Alpha Fund', '0.30'), entry('Beta Fund', '0.20')], [], null);
    const swap = doc(
      's1',
      '2014-08-01',
      [entry('Beta Fund', '0.31'), entry('Alpha Fund', '0.21')],
      [
        { from: 'Alpha Fund', to: 'Beta Fund' },
        { from: 'Beta Fund', to: 'Alpha Fund' },
      ],
      1,
    );
    for (const order of permutations([base, swap])) {
      const r = buildRegistry(order);
      const first = r.identities.resolveOn('Alpha Fund', '2013-01-01')!;
      const second = r.identities.resolveOn('Beta Fund', '2013-01-01')!;
      expect(first).not.toBe(second);
      expect(r.identities.resolveOn('Beta Fund', '2014-08-01')).toBe(first);
      expect(r.identities.resolveOn('Alpha Fund', '2014-08-01')).toBe(second);
      expect(r.governing(first, 'A').map((g) => g.distributionFeePct)).toEqual(['0.30', '0.31']);
      expect(r.governing(second, 'A').map((g) => g.distributionFeePct)).toEqual(['0.20', '0.21']);
      expect(r.identities.nameOn(first, '2014-08-01')).toBe('Beta Fund');
      expect(r.identities.nameOn(second, '2014-08-01')).toBe('Alpha Fund');
    }
  });

  it('three steps: A → B, B → C, C → D effective together, in every import order', () => {
    const base = doc(
      't0',
      '2012-07-01',
      [entry('A Fund', '0.10'), entry('B Fund', '0.20'), entry('C Fund', '0.30')],
      [],
      null,
    );
    const chain = doc(
      't1',
      '2014-08-01',
      [entry('B Fund', '0.11'), entry('C Fund', '0.21'), entry('D Fund', '0.31')],
      [
        { from: 'C Fund', to: 'D Fund' },
        { from: 'A Fund', to: 'B Fund' },
        { from: 'B Fund', to: 'C Fund' },
      ],
      1,
    );
    for (const order of permutations([base, chain])) {
      const r = buildRegistry(order);
      expect(r.identities.portfolios).toHaveLength(3);
      for (const [first, after, rates] of [
        ['A Fund', 'B Fund', ['0.10', '0.11']],
        ['B Fund', 'C Fund', ['0.20', '0.21']],
        ['C Fund', 'D Fund', ['0.30', '0.31']],
      ] as const) {
        const pid = r.identities.resolveOn(first, '2014-07-31')!;
        expect(r.identities.resolveOn(after, '2014-08-01')).toBe(pid);
        expect(r.governing(pid, 'A').map((g) => g.distributionFeePct)).toEqual(rates);
        expect(r.scheduleAsOf('2014-08-01', { portfolio: after }).entries.map((e) => e.portfolioId)).toEqual([
          pid,
        ]);
      }
    }
  });
});
