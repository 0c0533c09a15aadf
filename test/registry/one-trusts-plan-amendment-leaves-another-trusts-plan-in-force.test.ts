import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { corpusAvailable, corpusDir } from '../edgar/corpusDocuments.js';
import { CLASS_B_AGREEMENT, classBEntry } from './registryFixtures.js';

// SPEC §2: an Instrument has optionally one Registrant. Invesco's 2019 plans are one per trust, all
// titled alike ("Service Plan (Reimbursement)", "Distribution and Service Plan (Compensation)"),
// all "dated as of May 24, 2019", the trust named only in the schedule's group heading. Corpus
// 26 (2019-10-30) and 32 (2020-09-30) amend AIM Investment Funds' Class A Service Plan; 29
// (2020-04-17) amends AIM Equity Funds' — its "Schedule A … is hereby deleted in its entirety and
// replaced" replaces that trust's schedule, never the other trust's. Likewise 27 (AIM Investment
// Securities Fund, Amendment No. 1, 2020-02-28) and 31 (AIM Sector Funds, Amendment No. 3,
// 2020-09-30) for Classes C and R.

const H = 'htm_rendered';
const FILES = [
  `${H}/26_invesco-service-plan-classA-AIF-amend1-2019.txt`,
  `${H}/27_invesco-ds-plan-comp-classCR-AIS-amend1-2020.txt`,
  `${H}/28_invesco-ds-plan-comp-classACR-ACST-amend1-2020.txt`,
  `${H}/29_invesco-service-plan-classA-AEF-amend1-2020.txt`,
  `${H}/30_invesco-ds-plan-comp-classC-taxexempt-amend1-2020.txt`,
  `${H}/31_invesco-ds-plan-comp-classCR-sector-amend3-2020.txt`,
  `${H}/32_invesco-service-plan-classA-AIF-amend4-2020.txt`,
];

function stored(path: string): StoredDocument {
  const bytes = readFileSync(path);
  return {
    id: documentId(bytes),
    fileName: basename(path),
    doc: importableDocument(parseExhibit(bytes.toString('utf8'), path), path),
  };
}

const AIF = 'AIM INVESTMENT FUNDS (INVESCO INVESTMENT FUNDS)';
const AEF = 'AIM EQUITY FUNDS (INVESCO EQUITY FUNDS)';
const AIS = 'AIM INVESTMENT SECURITIES FUND (INVESCO INVESTMENT SECURITIES FUND)';
const ACST = 'AIM COUNSELOR SERIES TRUST (INVESCO COUNSELOR SERIES TRUST)';
const TAX = 'AIM TAX-EXEMPT FUNDS (INVESCO TAX-EXEMPT FUNDS)';
const SECTOR = 'AIM SECTOR FUNDS (INVESCO SECTOR FUNDS)';

describe.skipIf(!corpusAvailable)('one trust’s plan amendment leaves another trust’s plan in force', () => {
  const registry = corpusAvailable
    ? buildRegistry(FILES.map((f) => stored(join(corpusDir, f))))
    : (undefined as never);
  const count = (date: string, cls: string) => {
    const out: Record<string, number> = {};
    for (const e of registry.scheduleAsOf(date, { class: cls }).entries)
      out[e.registrant!] = (out[e.registrant!] ?? 0) + 1;
    return out;
  };

  it('Class A: AIM Investment Funds’ 10 funds (26) stay beside AIM Equity Funds’ 2 (29) from 2020-04-17', () => {
    expect(count('2020-04-16', 'A')).toEqual({ [AIF]: 10 });
    // 10 + 2 = 12, not the 2 of 29 alone
    expect(count('2020-04-17', 'A')).toEqual({ [AIF]: 10, [AEF]: 2 });
    // 32 replaces AIM Investment Funds' schedule with 7 funds; AIM Equity Funds' 2 stay
    expect(count('2020-10-01', 'A')).toEqual({ [AIF]: 7, [AEF]: 2 });
    const aif = registry
      .scheduleAsOf('2020-10-01', { class: 'A' })
      .entries.filter((e) => e.registrant === AIF)
      .map((e) => e.portfolio);
    // 32's rename table: Total Return Bond Fund → Core Bond Fund, a name that is no prefix drop
    expect(aif).toContain('Invesco Core Bond Fund');
    expect(aif).not.toContain('Invesco Oppenheimer Capital Income Fund');
  });

  it('Classes C and R: the four trusts’ plans, 5 + 5 + 10 + 2 = 22 Class C and 5 + 3 + 2 = 10 Class R on 2020-10-01', () => {
    expect(count('2020-10-01', 'C')).toEqual({ [AIS]: 5, [ACST]: 5, [TAX]: 10, [SECTOR]: 2 });
    expect(count('2020-10-01', 'R')).toEqual({ [AIS]: 5, [ACST]: 3, [SECTOR]: 2 });
  });

  it('two trusts’ “Amendment No. 1” are not one plan’s amendment numbered twice', () => {
    expect(registry.warnings.filter((w) => w.includes('two documents are Amendment No.'))).toEqual([]);
  });
});

describe('a master plan amendment listing one of its trusts still replaces the master schedule', () => {
  const doc = (
    amendmentNumber: number | null,
    effectiveDate: string,
    entries: ExhibitDocument['schedules'][number]['entries'],
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
    schedules: [{ name: 'Schedule A-1', replacesEntirely: amendmentNumber !== null, entries }],
    renames: [],
    renameRules: [],
    footnotes: [],
    warnings: [],
  });
  const base: StoredDocument = {
    id: 'a'.repeat(64),
    fileName: 'master.txt',
    doc: doc(null, '2010-01-01', [
      classBEntry('ZETA EQUITY FUNDS', 'Zeta Gamma Fund', null),
      classBEntry('ZETA INCOME FUNDS', 'Zeta Bond Fund', null),
    ]),
  };
  // Amendment No. 1 lists Zeta Equity Funds only: Zeta Income Funds' portfolio is no longer covered
  const amendment: StoredDocument = {
    id: 'b'.repeat(64),
    fileName: 'amendment-1.txt',
    doc: doc(1, '2011-01-01', [classBEntry('Zeta  Equity Funds', 'Zeta Gamma Fund', null)]),
  };

  it('the trust absent from the new version is no longer covered by it (SPEC §2), in either order', () => {
    for (const docs of [
      [base, amendment],
      [amendment, base],
    ]) {
      const registry = buildRegistry(docs);
      expect(
        registry
          .scheduleAsOf('2010-12-31')
          .entries.map((e) => e.portfolio)
          .sort(),
      ).toEqual(['Zeta Bond Fund', 'Zeta Gamma Fund']);
      expect(registry.scheduleAsOf('2011-01-01').entries.map((e) => e.portfolio)).toEqual([
        'Zeta Gamma Fund',
      ]);
    }
  });
});
