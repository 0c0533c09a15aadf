import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../src/governance/governanceSettings.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { continuanceCsvRows, continuanceReportFrom } from '../../src/reports/continuanceReport.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { corpusAvailable, corpusDir } from '../edgar/corpusDocuments.js';

// Corpus 26 (AIM Investment Funds) and 29 (AIM Equity Funds) amend two trusts' plans that share
// title, class and date: "Service Plan", Class A, dated as of May 24, 2019. Title and class do not
// tell them apart, so `continuance --csv` and its warnings name each by its trust, as its schedule
// prints it. No approval recorded: each one's first deadline, one year after 2019-05-24, is
// 2020-05-24, missed; each ends on 2020-05-25.
function stored(path: string): StoredDocument {
  const bytes = readFileSync(join(corpusDir, 'htm_rendered', path));
  return {
    id: documentId(bytes),
    fileName: basename(path),
    doc: importableDocument(parseExhibit(bytes.toString('utf8'), path), path),
  };
}

describe.skipIf(!corpusAvailable)('continuance lines of two trusts’ plans of one title and class', () => {
  it('name each plan’s trust, in the CSV rows and the warnings', () => {
    const r = buildRegistry([
      stored('26_invesco-service-plan-classA-AIF-amend1-2019.txt'),
      stored('29_invesco-service-plan-classA-AEF-amend1-2020.txt'),
    ]);
    const report = continuanceReportFrom(r, DEFAULT_GOVERNANCE_SETTINGS, '2020-12-31', new Map());
    const rows = continuanceCsvRows(report).map((x) => [x.instrument, x.status, x.endsOn]);
    expect(rows.sort()).toEqual([
      ['Service Plan of AIM EQUITY FUNDS (INVESCO EQUITY FUNDS) (Class A)', 'lapsed', '2020-05-25'],
      ['Service Plan of AIM INVESTMENT FUNDS (INVESCO INVESTMENT FUNDS) (Class A)', 'lapsed', '2020-05-25'],
    ]);
    expect(new Set(report.warnings.map((w) => w.split(' lapsed')[0])).size).toBe(2);
  });
});
