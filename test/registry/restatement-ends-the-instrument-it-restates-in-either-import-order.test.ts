import { describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { restatedTitleBase } from '../../src/registry/supersededInstruments.js';
import { classBEntry } from './registryFixtures.js';

/**
 * SPEC §2: which entry governs a (portfolio, class) on day d is the latest-dated one among the
 * versions in force that list it. An "Amended and Restated" instrument restates the earlier one of
 * the same Registrant and classes: from its date it is the whole instrument. Invented documents:
 * - the Master Distribution Agreement (Class B Shares), made 2001-01-01, Schedule A: Alpha,
 *   Beta and Gamma Fund of Test Trust;
 * - the Amended and Restated Master Distribution Agreement (Class B Shares), made 2004-01-01,
 *   Schedule A: Alpha and Beta only — Gamma is dropped;
 * - the Master Distribution Agreement of Other Trust (Class B Shares), made 2001-01-01, Delta
 *   Fund: another Registrant's, never ended by Test Trust's restatement.
 * Expected by hand: on 2003-12-31 Alpha, Beta, Gamma (2001's) and Delta; on 2004-01-01 Alpha and
 * Beta from 2004's, Delta still from Other Trust's; Gamma listed by none (no accrual under the old
 * schedule). The same in both import orders.
 */
const agreement = (
  title: string,
  registrant: string | null,
  date: string,
  entries: ExhibitDocument['schedules'][number]['entries'],
): ExhibitDocument => ({
  kind: 'agreement',
  title: `${title} (Class B Shares)`,
  exhibit: null,
  instrument: { kind: 'agreement', title, registrant, classes: ['B'], datedAsOf: date },
  amendmentNumber: null,
  effectiveDate: date,
  datedDate: date,
  terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
  schedules: [{ name: 'Schedule A', replacesEntirely: false, entries }],
  renames: [],
  renameRules: [],
  footnotes: [],
  warnings: [],
});
const T = 'TEST TRUST';
const original: StoredDocument = {
  id: 'a'.repeat(64),
  fileName: 'mda-2001.txt',
  doc: agreement('Master Distribution Agreement', null, '2001-01-01', [
    classBEntry(T, 'Alpha Fund', null),
    classBEntry(T, 'Beta Fund', null),
    classBEntry(T, 'Gamma Fund', null),
  ]),
};
const restated: StoredDocument = {
  id: 'b'.repeat(64),
  fileName: 'ar-mda-2004.txt',
  doc: agreement('Amended and Restated Master Distribution Agreement', null, '2004-01-01', [
    classBEntry(T, 'Alpha Fund', null),
    classBEntry(T, 'Beta Fund', null),
  ]),
};
const otherTrust: StoredDocument = {
  id: 'c'.repeat(64),
  fileName: 'other-trust-mda-2001.txt',
  doc: agreement('Master Distribution Agreement', 'Other Trust', '2001-01-01', [
    classBEntry('OTHER TRUST', 'Delta Fund', null),
  ]),
};

describe('an Amended and Restated instrument ends the one it restates (SPEC §2)', () => {
  it('the restatement words are set aside to find the instrument restated', () => {
    expect(restatedTitleBase('Sixth Amended and Restated Master Distribution Plan')).toBe(
      'master distribution plan',
    );
    expect(restatedTitleBase('Second Restated Master Distribution Agreement')).toBe(
      'master distribution agreement',
    );
  });

  for (const [order, docs] of [
    ['original first', [original, restated, otherTrust]],
    ['restatement first', [otherTrust, restated, original]],
  ] as const)
    it(`a portfolio the restatement drops is covered by nothing from its date (${order})`, () => {
      const registry = buildRegistry(docs);
      const listed = (date: string) =>
        registry
          .scheduleAsOf(date, { class: 'B' })
          .entries.map((e) => `${e.portfolio} ← ${e.document.file}`)
          .sort();
      expect(listed('2003-12-31')).toEqual([
        'Alpha Fund ← mda-2001.txt',
        'Beta Fund ← mda-2001.txt',
        'Delta Fund ← other-trust-mda-2001.txt',
        'Gamma Fund ← mda-2001.txt',
      ]);
      // no governing entry for Gamma from the restatement's date: no fee accrues under 2001's schedule
      const gamma = registry.identities.resolveOn('Gamma Fund', '2003-12-31')!;
      expect(registry.governingOn(gamma, 'B', '2003-12-31')?.fileName).toBe('mda-2001.txt');
      expect(registry.governingOn(gamma, 'B', '2004-01-01')).toBeUndefined();
      expect(listed('2004-01-01')).toEqual([
        'Alpha Fund ← ar-mda-2004.txt',
        'Beta Fund ← ar-mda-2004.txt',
        'Delta Fund ← other-trust-mda-2001.txt',
      ]);
    });
});
