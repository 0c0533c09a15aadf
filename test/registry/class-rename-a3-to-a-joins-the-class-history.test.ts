import { describe, expect, it } from 'vitest';
import type { ExhibitDocument, ScheduleEntry } from '../../src/edgar/exhibitDocument.js';
import { classSpans } from '../../src/registry/classRenames.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';

/**
 * Issue 11 item 3: a class rename rule. Invesco's Amendment No. 2 to the A&R Master Distribution
 * Plan (corpus 19, effective 2010-02-01): "to redesignate the Class A3 shares as Class A Shares …
 * all references in the Plan to Class A3 Shares shall be changed to Class A Shares". From that
 * date what the instruments say of Class A3 of the portfolio is said of Class A; the amendment
 * amends the Class A3 plan (not the Class A plan of the same date).
 */
const TFI = 'AIM Tax-Free Intermediate Fund';
const LMT = 'AIM Limited Maturity Treasury Fund';

const entry = (portfolio: string, cls: string, absc: string, aggregate: string): ScheduleEntry => ({
  registrant: 'AIM TAX-EXEMPT FUNDS',
  portfolio,
  class: cls,
  assetBasedSalesChargePct: absc,
  assetBasedSalesChargeBound: 'minimum',
  serviceFeePct: '0.25',
  aggregateFeePct: aggregate,
});

function doc(
  id: string,
  o: Partial<ExhibitDocument> & Pick<ExhibitDocument, 'kind' | 'effectiveDate'> & { classes: string[] },
): StoredDocument {
  const { classes, ...rest } = o;
  return {
    id: id.padEnd(64, '0'),
    fileName: `${id}.txt`,
    doc: {
      title: 'Amended and Restated Master Distribution Plan',
      exhibit: null,
      instrument: {
        kind: 'plan',
        title: 'Amended and Restated Master Distribution Plan',
        registrant: null,
        classes,
        datedAsOf: '2003-08-18',
      },
      amendmentNumber: null,
      datedDate: null,
      terms: { distributionFeePct: null, serviceFeePct: null },
      schedules: [],
      renames: [],
      renameRules: [],
      footnotes: [],
      warnings: [],
      ...rest,
    },
  };
}

// the Class A3 plan and the Class A plan, both amended and restated as of 2003-08-18
const a3Plan = doc('a3plan', {
  kind: 'plan',
  effectiveDate: '2003-08-18',
  classes: ['A3'],
  schedules: [
    {
      name: 'Schedule A',
      replacesEntirely: false,
      entries: [entry(TFI, 'A3', '0.00', '0.25'), entry(LMT, 'A3', '0.00', '0.25')],
    },
  ],
});
const aPlan = doc('aplan', {
  kind: 'plan',
  effectiveDate: '2003-08-18',
  classes: ['A'],
  schedules: [{ name: 'Schedule A', replacesEntirely: false, entries: [entry(TFI, 'A', '0.10', '0.35')] }],
});
// Amendment No. 2 "(Class A Shares)": renames the class and replaces Schedule A
const amendment2 = doc('amend2', {
  kind: 'plan-amendment',
  amendmentNumber: 2,
  effectiveDate: '2010-02-01',
  classes: ['A'],
  classRenames: [{ from: 'A3', to: 'A' }],
  schedules: [
    {
      name: 'Schedule A',
      replacesEntirely: true,
      entries: [entry(TFI, 'A', '0.00', '0.25'), entry(LMT, 'A', '0.00', '0.25')],
    },
  ],
});
// the same rename in an amendment without a schedule: the A3 plan's Schedule A stays in force
const renameOnly = doc('renameonly', {
  kind: 'plan-amendment',
  amendmentNumber: 2,
  effectiveDate: '2010-02-01',
  classes: ['A'],
  classRenames: [{ from: 'A3', to: 'A' }],
});

describe('a class rename rule (A3 → A) in the registry', () => {
  it('an entry in force across the rename is read under the old name before it and the new one from it', () => {
    const rename = {
      portfolioId: 'p',
      from: 'A3',
      to: 'A',
      date: '2010-02-01',
      documentId: 'x',
      fileName: 'x.txt',
    };
    expect(classSpans([rename], 'p', 'A3', '2003-08-18', null)).toEqual([
      { class: 'A3', from: '2003-08-18', lastDay: '2010-01-31' },
      { class: 'A', from: '2010-02-01', lastDay: null },
    ]);
    expect(classSpans([rename], 'p', 'A3', '2011-01-01', null)).toEqual([
      { class: 'A', from: '2011-01-01', lastDay: null },
    ]);
    expect(classSpans([rename], 'other', 'A3', '2003-08-18', null)).toEqual([
      { class: 'A3', from: '2003-08-18', lastDay: null },
    ]);
  });

  it('the renaming amendment amends the Class A3 plan, not the Class A plan of the same date', () => {
    const registry = buildRegistry([aPlan, amendment2, a3Plan]);
    const withAmendment = registry.instruments.find((i) => i.documentIds.includes(amendment2.id))!;
    expect(withAmendment.documentIds).toContain(a3Plan.id);
    expect(withAmendment.documentIds).not.toContain(aPlan.id);
    const tfi = registry.identities.resolve(TFI)!;
    // before: Class A3 under the A3 plan (0.00), the old Class A under the A plan (0.10)
    expect(registry.governingOn(tfi, 'A3', '2010-01-31')).toMatchObject({ documentId: a3Plan.id });
    expect(registry.governingOn(tfi, 'A', '2010-01-31')).toMatchObject({
      documentId: aPlan.id,
      distributionFeePct: '0.10',
    });
    // from the rename: no Class A3; Class A is the former A3, governed by the amendment (later date)
    expect(registry.governingOn(tfi, 'A3', '2010-02-01')).toBeUndefined();
    expect(registry.governingOn(tfi, 'A', '2010-02-01')).toMatchObject({
      documentId: amendment2.id,
      distributionFeePct: '0.00',
      instrumentKey: withAmendment.key,
    });
  });

  it("without a new schedule, the A3 plan's entries join Class A's history from the rename's date", () => {
    const registry = buildRegistry([a3Plan, renameOnly]);
    const lmt = registry.identities.resolve(LMT)!;
    expect(registry.governing(lmt, 'A3')).toEqual([
      expect.objectContaining({ from: '2003-08-18', lastDay: '2010-01-31', documentId: a3Plan.id }),
    ]);
    expect(registry.governing(lmt, 'A')).toEqual([
      expect.objectContaining({
        class: 'A',
        from: '2010-02-01',
        lastDay: null,
        documentId: a3Plan.id,
        scheduleEffectiveDate: '2003-08-18',
      }),
    ]);
    const asOf = registry.scheduleAsOf('2010-02-01', { class: 'A' });
    expect(asOf.entries.map((e) => e.portfolio)).toEqual([LMT, TFI]);
    expect(registry.scheduleAsOf('2010-02-01', { class: 'A3' }).entries).toEqual([]);
    const history = registry.portfolioHistory(LMT)!;
    expect(history.classRenames).toEqual([
      { from: 'A3', to: 'A', date: '2010-02-01', document: 'renameonly.txt' },
    ]);
    expect(history.classes.map((c) => [c.class, c.from, c.lastDay, c.renamedTo])).toEqual([
      ['A3', '2003-08-18', '2010-01-31', { class: 'A', date: '2010-02-01' }],
      ['A', '2010-02-01', null, null],
    ]);
  });

  it('import order never changes it', () => {
    const docs = [aPlan, amendment2, a3Plan];
    const answer = (ds: StoredDocument[]) => JSON.stringify(buildRegistry(ds).scheduleAsOf('2010-03-01'));
    expect(answer([...docs].reverse())).toBe(answer(docs));
    expect(answer([docs[1]!, docs[0]!, docs[2]!])).toBe(answer(docs));
  });
});
