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
const docs: StoredDocument[] = [
  { id: 'a0', fileName: 'agreement.txt', doc: agreement },
  { id: 'a1', fileName: 'amendment1.txt', doc: amendment1 },
  { id: 'p0', fileName: 'plan.txt', doc: plan },
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
});
