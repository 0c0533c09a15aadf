import { describe, expect, it } from 'vitest';
import type { ExhibitDocument, ScheduleEntry } from '../../src/edgar/exhibitDocument.js';
import { amendmentDiff } from '../../src/registry/amendmentDiff.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';

const REGISTRANT = 'EXAMPLE FUNDS';
const entry = (portfolio: string, absc: string, service: string, aggregate: string): ScheduleEntry => ({
  registrant: REGISTRANT,
  portfolio,
  class: 'A',
  assetBasedSalesChargePct: absc,
  assetBasedSalesChargeBound: 'maximum',
  serviceFeePct: service,
  aggregateFeePct: aggregate,
});

function plan(o: {
  kind: 'plan' | 'plan-amendment';
  amendmentNumber: number | null;
  effectiveDate: string;
  entries: ScheduleEntry[];
  renames?: { from: string; to: string }[];
}): ExhibitDocument {
  return {
    kind: o.kind,
    title: o.amendmentNumber ? `Amendment No. ${o.amendmentNumber} to the Plan (Class A)` : 'Plan (Class A)',
    exhibit: null,
    instrument: { kind: 'plan', title: 'Plan', registrant: null, classes: ['A'], datedAsOf: '2020-01-01' },
    amendmentNumber: o.amendmentNumber,
    effectiveDate: o.effectiveDate,
    datedDate: o.effectiveDate,
    terms: { distributionFeePct: null, serviceFeePct: null },
    schedules: [{ name: 'Schedule A', replacesEntirely: o.kind === 'plan-amendment', entries: o.entries }],
    renames: o.renames ?? [],
    renameRules: [],
    footnotes: [],
    warnings: [],
  };
}

// The plan lists three funds; Amendment No. 1 (2021-01-01) replaces Schedule A entirely: it renames
// Fund Y to Fund Z, lowers Fund X's sales charge from 0.25% to 0.10% (aggregate 0.50% → 0.35%),
// drops Fund V and adds Fund W.
const original: StoredDocument = {
  id: 'a'.repeat(64),
  fileName: 'plan.txt',
  doc: plan({
    kind: 'plan',
    amendmentNumber: null,
    effectiveDate: '2020-01-01',
    entries: [
      entry('Fund V', '0.25', '0.25', '0.50'),
      entry('Fund X', '0.25', '0.25', '0.50'),
      entry('Fund Y', '0.25', '0.25', '0.50'),
    ],
  }),
};
const amendment: StoredDocument = {
  id: 'b'.repeat(64),
  fileName: 'amendment-1.txt',
  doc: plan({
    kind: 'plan-amendment',
    amendmentNumber: 1,
    effectiveDate: '2021-01-01',
    entries: [
      entry('Fund W', '0.25', '0.25', '0.50'),
      entry('Fund X', '0.10', '0.25', '0.35'),
      entry('Fund Z', '0.25', '0.25', '0.50'),
    ],
    renames: [{ from: 'Fund Y', to: 'Fund Z' }],
  }),
};

describe('exhibit diff: what an amendment changed in the schedule in force', () => {
  const registry = buildRegistry([original, amendment], []);

  it('compares the day before its effective date with its effective date', () => {
    const diff = amendmentDiff(registry, amendment);
    expect(diff.before).toBe('2020-12-31');
    expect(diff.from).toBe('2021-01-01');
    expect(diff.changes.map((c) => [c.change, c.portfolio, c.before, c.after])).toEqual([
      ['added', 'Fund W', null, '0.25% + 0.25% = 0.50%'],
      ['removed', 'Fund V', '0.25% + 0.25% = 0.50%', null],
      ['renamed', 'Fund Z', 'Fund Y', 'Fund Z'],
      ['re-rated', 'Fund X', '0.25% + 0.25% = 0.50%', '0.10% + 0.25% = 0.35%'],
    ]);
  });

  it('the original plan added every entry it lists, and nothing else', () => {
    const diff = amendmentDiff(registry, original);
    expect(diff.changes.map((c) => `${c.change} ${c.portfolio}`)).toEqual([
      'added Fund V',
      'added Fund X',
      'added Fund Y',
    ]);
  });
});
