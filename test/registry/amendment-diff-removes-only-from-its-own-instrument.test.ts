import { describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { amendmentDiff } from '../../src/registry/amendmentDiff.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { CLASS_B_AGREEMENT, classBEntry, OMEGA_TRUST_PLAN } from './registryFixtures.js';

/**
 * `exhibit diff` says what one document changed. Class B: an agreement (2010-01-01) lists Zeta
 * Alpha Fund and Zeta Gamma Fund; its Amendment No. 1 (2011-03-01) replaces Schedule A-1 without
 * Zeta Alpha Fund. A Class B plan of Omega Trust made the same day, 2011-03-01, lists only Omega
 * Delta Fund. The plan removed nothing: Zeta Alpha Fund's end is Amendment No. 1's doing. The diff
 * of the plan listed "removed Zeta Alpha Fund" because it shares the class and the date.
 */
const entry = classBEntry;
const agreementRef = CLASS_B_AGREEMENT;
const base = {
  exhibit: null,
  renames: [],
  renameRules: [],
  footnotes: [],
  warnings: [],
};
const agreement: ExhibitDocument = {
  ...base,
  kind: 'agreement',
  title: agreementRef.title,
  instrument: agreementRef,
  amendmentNumber: null,
  effectiveDate: '2010-01-01',
  datedDate: null,
  terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
  schedules: [
    {
      name: 'Schedule A-1',
      replacesEntirely: false,
      entries: [
        entry('ZETA EQUITY FUNDS', 'Zeta Alpha Fund', null),
        entry('ZETA EQUITY FUNDS', 'Zeta Gamma Fund', null),
      ],
    },
  ],
};
const amendment1: ExhibitDocument = {
  ...agreement,
  kind: 'agreement-amendment',
  title: 'Amendment No. 1',
  amendmentNumber: 1,
  effectiveDate: '2011-03-01',
  terms: { distributionFeePct: null, serviceFeePct: null },
  schedules: [
    {
      name: 'Schedule A-1',
      replacesEntirely: true,
      entries: [entry('ZETA EQUITY FUNDS', 'Zeta Gamma Fund', null)],
    },
  ],
};
const plan = OMEGA_TRUST_PLAN;
// Amendment No. 2 (2012-01-01) lists Zeta Gamma Fund again under its group heading spelled in
// another case ("Zeta Equity Funds", as an HTML filing's title case may give it): not a move.
const amendment2: ExhibitDocument = {
  ...amendment1,
  title: 'Amendment No. 2',
  amendmentNumber: 2,
  effectiveDate: '2012-01-01',
  schedules: [
    {
      name: 'Schedule A-1',
      replacesEntirely: true,
      entries: [
        entry('Zeta  Equity Funds', 'Zeta Gamma Fund', null),
        entry('ZETA BOND FUNDS', 'Zeta Beta Fund', null),
      ],
    },
  ],
};
// Amendment No. 3 (2013-01-01) moves Zeta Gamma Fund to another registrant: a move.
const amendment3: ExhibitDocument = {
  ...amendment2,
  title: 'Amendment No. 3',
  amendmentNumber: 3,
  effectiveDate: '2013-01-01',
  schedules: [
    {
      name: 'Schedule A-1',
      replacesEntirely: true,
      entries: [
        entry('ZETA BOND FUNDS', 'Zeta Gamma Fund', null),
        entry('ZETA BOND FUNDS', 'Zeta Beta Fund', null),
      ],
    },
  ],
};
const docs: StoredDocument[] = [
  { id: 'a0', fileName: 'agreement.txt', doc: agreement },
  { id: 'a1', fileName: 'amendment1.txt', doc: amendment1 },
  { id: 'p0', fileName: 'plan.txt', doc: plan },
  { id: 'a2', fileName: 'amendment2.htm', doc: amendment2 },
  { id: 'a3', fileName: 'amendment3.htm', doc: amendment3 },
];

describe('the diff of a document names only what it changed', () => {
  const registry = buildRegistry(docs);
  it("the plan made the same day adds Omega Delta Fund and removes nothing of the agreement's", () => {
    const diff = amendmentDiff(registry, docs[2]!);
    expect(diff.changes.map((c) => [c.change, c.portfolio])).toEqual([['added', 'Omega Delta Fund']]);
  });
  it("the agreement's Amendment No. 1 removes Zeta Alpha Fund", () => {
    const diff = amendmentDiff(registry, docs[1]!);
    expect(diff.changes.map((c) => [c.change, c.portfolio, c.before])).toEqual([
      ['removed', 'Zeta Alpha Fund', '0.75% + 0.25% = 1.00%'],
    ]);
  });
  it('a group heading spelled in another case is no move; another registrant is', () => {
    expect(amendmentDiff(registry, docs[3]!).changes.map((c) => [c.change, c.portfolio])).toEqual([
      ['added', 'Zeta Beta Fund'],
    ]);
    expect(
      amendmentDiff(registry, docs[4]!).changes.map((c) => [c.change, c.portfolio, c.before, c.after]),
    ).toEqual([['moved', 'Zeta Gamma Fund', 'Zeta  Equity Funds', 'ZETA BOND FUNDS']]);
  });
});
