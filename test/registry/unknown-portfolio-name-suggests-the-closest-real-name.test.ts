import { describe, expect, it } from 'vitest';
import type { ExhibitDocument, ScheduleEntry } from '../../src/edgar/exhibitDocument.js';
import { Plan12bError } from '../../src/errors.js';
import { classResolver } from '../../src/registry/classByName.js';
import { closestPortfolioName } from '../../src/registry/closestPortfolioName.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { scheduleAnswer } from '../../src/registry/scheduleAnswer.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';

/**
 * A portfolio name no document ever gave is refused (SPEC §2), and the refusal names the real name
 * the person most likely meant: `schedule --portfolio "Sumit Energy Fund"` said only "check the
 * name", and a feed row's typo only "unknown portfolio", leaving the user to find the fund's
 * spelling in another listing.
 */
const entry = (portfolio: string): ScheduleEntry => ({
  registrant: 'SUMMIT FUNDS',
  portfolio,
  class: 'A',
  assetBasedSalesChargePct: '0.25',
  assetBasedSalesChargeBound: 'maximum',
  serviceFeePct: '0.25',
  aggregateFeePct: '0.50',
});
const plan = (
  amendmentNumber: number | null,
  effectiveDate: string,
  portfolios: string[],
  renames: { from: string; to: string }[] = [],
): ExhibitDocument => ({
  kind: amendmentNumber ? 'plan-amendment' : 'plan',
  title: amendmentNumber ? `Amendment No. ${amendmentNumber} to the Plan (Class A)` : 'Plan (Class A)',
  exhibit: null,
  instrument: { kind: 'plan', title: 'Plan', registrant: null, classes: ['A'], datedAsOf: '2024-01-02' },
  amendmentNumber,
  effectiveDate,
  datedDate: effectiveDate,
  terms: { distributionFeePct: null, serviceFeePct: null },
  schedules: [
    { name: 'Schedule A', replacesEntirely: amendmentNumber !== null, entries: portfolios.map(entry) },
  ],
  renames,
  renameRules: [],
  footnotes: [],
  warnings: [],
});
const FUNDS = ['Summit Technology Fund', 'Summit Small Cap Fund', 'Summit Core Bond Fund'];
const documents: StoredDocument[] = [
  {
    id: 'a'.repeat(64),
    fileName: 'plan.txt',
    doc: plan(null, '2024-01-02', ['Harbor Energy Fund', ...FUNDS]),
  },
  {
    id: 'b'.repeat(64),
    fileName: 'amendment-1.txt',
    doc: plan(
      1,
      '2025-04-01',
      ['Summit Energy Fund', ...FUNDS],
      [{ from: 'Harbor Energy Fund', to: 'Summit Energy Fund' }],
    ),
  },
];

describe('an unknown portfolio name suggests the closest real name', () => {
  const registry = buildRegistry(documents, []);
  const closest = (asked: string) => closestPortfolioName(registry.identities, asked);

  it('a misspelling, an abbreviation, a name cut short, a word of one name', () => {
    expect(closest('Sumit Energy Fund')).toBe('Summit Energy Fund');
    expect(closest('summit technolgy fund')).toBe('Summit Technology Fund');
    expect(closest('Summit Tech Fund')).toBe('Summit Technology Fund');
    expect(closest('Summit Small Cap')).toBe('Summit Small Cap Fund');
    expect(closest('Harbor Enrgy Fund')).toBe('Harbor Energy Fund');
    // both names of one portfolio hold the word: its latest
    expect(closest('energy')).toBe('Summit Energy Fund');
  });

  it('nothing near, or two portfolios equally near: no suggestion', () => {
    expect(closest('Nope Fund')).toBeUndefined();
    expect(closest('XYZ')).toBeUndefined();
    expect(closest('Summit Fund')).toBeUndefined();
    expect(closest('Summit')).toBeUndefined();
  });

  it('schedule --portfolio: NOT_FOUND, the hint naming the real name first', () => {
    let error: unknown;
    try {
      scheduleAnswer(registry, '2025-06-30', { portfolio: 'Sumit Energy Fund' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Plan12bError);
    expect((error as Plan12bError).code).toBe('NOT_FOUND');
    expect((error as Plan12bError).message).toBe('no portfolio has ever been named "Sumit Energy Fund"');
    expect((error as Plan12bError).hint).toMatch(/^did you mean "Summit Energy Fund"\? check the name/);
  });

  it('a feed row: the reason names the real name, and a name far from all says only that it is unknown', () => {
    const resolve = classResolver(registry);
    expect(resolve('Sumit Energy Fund', 'A', '2025-06-30')).toEqual({
      kind: 'unknown',
      field: 'portfolio',
      reason:
        'unknown portfolio "Sumit Energy Fund" (did you mean "Summit Energy Fund"?); import the exhibit that lists it first',
    });
    expect(resolve('Nope Fund', 'A', '2025-06-30')).toMatchObject({
      reason: 'unknown portfolio "Nope Fund"; import the exhibit that lists it first',
    });
  });
});
