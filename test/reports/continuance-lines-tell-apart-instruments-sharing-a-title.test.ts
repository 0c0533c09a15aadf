import { describe, expect, it } from 'vitest';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../src/governance/governanceSettings.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { continuanceCsvRows, continuanceReportFrom } from '../../src/reports/continuanceReport.js';
import { seedDocuments } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

// `continuance --csv` and its warnings name each instrument: the Class K and Class R plans of the
// seeds (both "Amended and Restated Master Distribution Plan", dated 2003-08-18) must be told
// apart. With no approvals recorded every instrument lapsed; the K and R plans were made after
// June 30, 2003, so their first deadline is one year after 2003-08-18 and they end on 2004-08-19.
describe.skipIf(!seedsAvailable)('continuance lines of instruments sharing a title', () => {
  it('carry their classes, in the CSV rows and the warnings', () => {
    const r = buildRegistry(seedDocuments());
    const report = continuanceReportFrom(r, DEFAULT_GOVERNANCE_SETTINGS, '2005-01-01', new Map());
    const rows = continuanceCsvRows(report).map((x) => [x.instrument, x.status, x.endsOn]);
    expect(rows).toContainEqual([
      'Amended and Restated Master Distribution Plan (Class K)',
      'lapsed',
      '2004-08-19',
    ]);
    expect(rows).toContainEqual([
      'Amended and Restated Master Distribution Plan (Class R)',
      'lapsed',
      '2004-08-19',
    ]);
    // a title no other instrument has stays as it is
    expect(rows).toContainEqual([
      'Sixth Amended and Restated Master Distribution Plan',
      'lapsed',
      '2003-07-01',
    ]);
    expect(
      report.warnings.filter((w) => w.startsWith('Amended and Restated Master Distribution Plan (Class')),
    ).toHaveLength(2);
  });
});
